// The Halo items (products) a quote's lines need: linked ones as they are, those a resumed run finds by
// their marker, and the rest created in one POST. Should Halo refuse that batch, each item is sent on
// its own so that only the lines whose item Halo refuses are left out ("Some line items not synchronized").

import type { Product } from '../../../../shared/schema/catalog-entities.ts';
import type { HaloItem } from '../client/entity-schemas.ts';
import { psaOk, type PsaResult } from '../../../psa/provider.ts';
import { recordMarker } from './markers.ts';
import { itemPayload } from './payloads.ts';
import type { HaloRun } from './run.ts';
import { toPsaFailure } from '../failure.ts';

/** Ours, for a product Halo was never asked about or answered nothing for. */
export const ITEM_TEXT = {
	productGone: 'The product of this line is no longer in Outpost.',
	notAnswered: 'HaloPSA did not answer the item of this line.'
} as const;

export type ItemsResolved = {
	/** Halo item id by Outpost product id. */
	items: Map<string, number>;
	/** Products that could not be found or created, each with Halo's words (or ours): their lines are not sent. */
	failed: Map<string, string>;
};

/** Halo items that carry this product's marker in `externalreference` (found by its name). */
export async function markedItems(run: HaloRun, product: Product) {
	const found = await run.client.list('Item', { search: product.name, count: 100 });
	if (!found.ok) return toPsaFailure(found);
	return psaOk(found.value.records.filter((item) => item.externalreference === recordMarker(product.id)));
}

export async function ensureItems(run: HaloRun, productIds: readonly string[]): Promise<PsaResult<ItemsResolved>> {
	const { ctx, client } = run;
	const resolved: ItemsResolved = { items: new Map(), failed: new Map() };
	const missing: Product[] = [];
	for (const productId of new Set(productIds)) {
		const linked = await ctx.links.get('products', productId);
		if (linked) resolved.items.set(productId, Number(linked));
		else {
			const product = await ctx.data.get('products', productId);
			if (product) missing.push(product);
			else resolved.failed.set(productId, ITEM_TEXT.productGone);
		}
	}
	let toCreate = missing;
	if (ctx.resumed) {
		toCreate = [];
		for (const product of missing) {
			const found = await markedItems(run, product);
			if (!found.ok) return found;
			const mine = found.value[0];
			if (mine) await link(run, resolved, product.id, mine.id);
			else toCreate.push(product);
		}
	}
	if (toCreate.length === 0) return psaOk(resolved);

	const saved = await client.save('Item', toCreate.map(itemPayload));
	if (saved.ok) {
		for (const [index, product] of toCreate.entries()) {
			const item = matching(saved.value, product, index, toCreate.length);
			if (item) await link(run, resolved, product.id, item.id);
			else resolved.failed.set(product.id, ITEM_TEXT.notAnswered);
		}
		return psaOk(resolved);
	}
	if (saved.code !== 'rejected') return toPsaFailure(saved);
	if (toCreate.length === 1) {
		resolved.failed.set(toCreate[0]!.id, saved.message);
		return psaOk(resolved);
	}
	for (const product of toCreate) {
		const created = await client.create('Item', itemPayload(product));
		if (created.ok) await link(run, resolved, product.id, created.value.id);
		else if (created.code === 'rejected') resolved.failed.set(product.id, created.message);
		else return toPsaFailure(created);
	}
	return psaOk(resolved);
}

/** By marker; by position only when Halo answered exactly as many records as were sent. */
function matching(saved: HaloItem[], product: Product, index: number, sent: number): HaloItem | undefined {
	const byMarker = saved.find((item) => item.externalreference === recordMarker(product.id));
	return byMarker ?? (saved.length === sent ? saved[index] : undefined);
}

async function link(run: HaloRun, resolved: ItemsResolved, productId: string, itemId: number): Promise<void> {
	await run.ctx.links.set('products', productId, String(itemId));
	resolved.items.set(productId, itemId);
}
