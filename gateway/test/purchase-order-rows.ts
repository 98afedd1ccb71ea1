// For gateway tests: what the procurement queue starts from (issue 13), written into the demo
// organisation as replicated rows: an accepted quote whose products come from Ingram Micro and TD
// SYNNEX, with ordering on at both distributors.

import { defaultDistributor, DISTRIBUTORS } from '../../shared/schema/distributor-entities.ts';
import type { Product } from '../../shared/schema/catalog-entities.ts';
import { buildQuote, buildQuoteLine } from '../../shared/test/builders.ts';
import { DEMO_ORG } from '../demo/demo-data.ts';
import { replicatedWriter } from '../jobs/replicated-write.ts';
import type { Gateway } from './http-harness.ts';
import { uid } from './wire-client.ts';

export type OrderableQuote = { quoteId: string; lineIds: string[]; productIds: string[] };

export function orderableProduct(overrides: Partial<Product> = {}): Product {
	return {
		id: uid('prod'),
		name: 'Meraki MR46 access point',
		sku: 'MR46-HW',
		mpn: 'MR46-HW',
		description: '',
		categoryId: null,
		cost: 83_650,
		price: 110_000,
		billing: 'one-time',
		distributor: 'ingram',
		noProcurement: false,
		active: true,
		...overrides
	};
}

/**
 * An accepted quote of Acme with a line per product (quantity 2 each), and both distributors
 * ordering. Products default to one from Ingram Micro and one from TD SYNNEX.
 */
export async function putOrderableQuote(
	gw: Pick<Gateway, 'store'>,
	products: Product[] = [
		orderableProduct(),
		orderableProduct({ name: 'Meraki MS120-8 switch', sku: 'MS120-8', mpn: 'MS120-8', distributor: 'tdsynnex' })
	]
): Promise<OrderableQuote> {
	const quote = buildQuote({ id: uid('q'), status: 'accepted', title: 'Wi-Fi refresh' });
	const lines = products.map((product, i) =>
		buildQuoteLine({
			id: uid('l'),
			quoteId: quote.id,
			productId: product.id,
			description: product.name,
			quantity: 2,
			unitPrice: product.price,
			unitCost: product.cost,
			position: `a${i}`
		})
	);
	await replicatedWriter(gw.store, { poke: () => {} })(DEMO_ORG.id, async (tx) => {
		for (const name of DISTRIBUTORS) {
			const row = (await tx.get('distributors', name)) ?? defaultDistributor(name);
			await tx.put('distributors', { ...row, orderingEnabled: true });
		}
		for (const product of products) await tx.put('products', product);
		await tx.put('quotes', quote);
		for (const line of lines) await tx.put('quoteLines', line);
	});
	return { quoteId: quote.id, lineIds: lines.map((l) => l.id), productIds: products.map((p) => p.id) };
}

/** The order as a failed submission leaves it: Error, with the distributor's message. */
export async function failOrder(gw: Pick<Gateway, 'store'>, orderId: string, message: string): Promise<void> {
	await replicatedWriter(gw.store, { poke: () => {} })(DEMO_ORG.id, async (tx) => {
		const order = await tx.get('purchaseOrders', orderId);
		if (order) await tx.put('purchaseOrders', { ...order, status: 'error', error: message, failure: 'rejected' });
	});
}
