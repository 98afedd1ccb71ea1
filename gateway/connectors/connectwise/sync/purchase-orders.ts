// A submitted distributor order as a ConnectWise purchase order (`procurement/purchaseorders` with its
// `lineitems`, psa-apis.md §2.3): the vendor is the distributor's company, found by name; status, terms
// and unit of measure are the tenant's defaults; each line orders the catalog item of its product.
// Exactly once: the PO id is linked as soon as ConnectWise answers, the PO and each line item carry
// their Outpost id as a marker in `internalNotes`, and a run that may have written before looks for
// them first. ConnectWise has no billing code on purchase orders: the Purchase Order billing code is
// Autotask's alone.

import { eq, type Condition } from '../client/conditions.ts';
import { psaOk, type PsaResult, type PurchaseOrderToCreate, type SyncContext } from '../../../psa/provider.ts';
import { lift, permanent } from '../failure.ts';
import { catalogItemsByIdentifier } from './ensure-catalog-items.ts';
import type { ConnectwiseRun } from './run.ts';

export const PURCHASE_ORDER_LINK = 'purchaseOrders';

/** Without brackets: ConnectWise conditions are SQL Server `like`, where `[…]` is a character class. */
export const purchaseOrderMarker = (id: string) => `outpost:${id}`;

const numericId = (value: string | null): number | null =>
	value !== null && /^\d{1,15}$/.test(value) ? Number(value) : null;

type Setup = { id: number; name: string; defaultFlag?: boolean | null; inactiveFlag?: boolean | null };

/** The tenant's default active record of a setup table, else the one named as given, else the first active. */
export function pickSetup(records: Setup[], preferred: string): Setup | undefined {
	const active = records.filter((r) => r.inactiveFlag !== true);
	return (
		active.find((r) => r.defaultFlag === true) ??
		active.find((r) => r.name.trim().toLowerCase() === preferred.toLowerCase()) ??
		active[0]
	);
}

export async function createPurchaseOrder(
	ctx: SyncContext,
	run: ConnectwiseRun,
	input: PurchaseOrderToCreate
): Promise<PsaResult<{ externalId: string }>> {
	if (input.lines.length === 0) return permanent('The order has no lines to put on a purchase order.');
	let orderId = numericId(await ctx.links.get(PURCHASE_ORDER_LINK, input.orderId));
	if (orderId === null && ctx.resumed) {
		const like: Condition = { op: 'like', field: 'internalNotes', value: `%${purchaseOrderMarker(input.orderId)}%` };
		const found = lift(await run.client.first('purchaseOrders', [like]));
		if (!found.ok) return found;
		orderId = found.value?.id ?? null;
		if (orderId !== null) await ctx.links.set(PURCHASE_ORDER_LINK, input.orderId, String(orderId));
	}
	const products = await catalogItemsFor(ctx, run, input);
	if (!products.ok) return products;
	const units = lift(await run.client.listAll('unitsOfMeasure', { pageSize: 1000 }, { maxPages: 1 }));
	if (!units.ok) return units;
	const unit = pickSetup(units.value, 'Each');
	if (!unit) return permanent('ConnectWise has no active unit of measure for purchase order lines.');
	let existing: string[] = [];
	if (orderId === null) {
		const created = await createHeader(ctx, run, input);
		if (!created.ok) return created;
		orderId = created.value;
		await ctx.links.set(PURCHASE_ORDER_LINK, input.orderId, String(orderId));
	} else {
		const items = lift(await run.client.purchaseOrderLineItems(orderId));
		if (!items.ok) return items;
		existing = items.value.map((item) => item.internalNotes ?? '');
	}
	for (const [n, line] of input.lines.entries()) {
		const marker = purchaseOrderMarker(line.lineId);
		if (existing.some((notes) => notes.includes(marker))) continue;
		const made = lift(
			await run.client.createPurchaseOrderLineItem(orderId, {
				description: line.name.trim().slice(0, 6000) || line.sku,
				lineNumber: n + 1,
				product: { id: products.value.get(line.lineId)! },
				quantity: line.quantity,
				unitCost: Math.round(line.unitCost) / 100,
				unitOfMeasure: { id: unit.id },
				internalNotes: marker
			})
		);
		if (!made.ok) return made;
	}
	return psaOk({ externalId: String(orderId) });
}

async function createHeader(
	ctx: SyncContext,
	run: ConnectwiseRun,
	input: PurchaseOrderToCreate
): Promise<PsaResult<number>> {
	const name = input.vendorName.trim();
	const vendor = lift(await run.client.first('companies', [eq('name', name)]));
	if (!vendor.ok) return vendor;
	if (!vendor.value)
		return permanent(`ConnectWise has no company named "${name}" to be the vendor. Add it, then retry.`);
	const statuses = lift(await run.client.listAll('purchaseOrderStatuses', { pageSize: 1000 }, { maxPages: 1 }));
	if (!statuses.ok) return statuses;
	const status = pickSetup(statuses.value, 'Open');
	if (!status) return permanent('ConnectWise has no active purchase order status.');
	const terms = lift(await run.client.listAll('billingTerms', { pageSize: 1000 }, { maxPages: 1 }));
	if (!terms.ok) return terms;
	const term = pickSetup(terms.value, 'Net 30 days');
	if (!term) return permanent('ConnectWise has no active billing terms for the purchase order.');
	const customer = numericId(input.companyExternalId);
	const created = lift(
		await run.client.create('purchaseOrders', {
			vendorCompany: { id: vendor.value.id },
			status: { id: status.id },
			terms: { id: term.id },
			...(customer === null ? {} : { customerCompany: { id: customer } }),
			poNumber: input.purchaseOrderNumber.trim().slice(0, 50),
			poDate: new Date(ctx.now()).toISOString().replace(/\.\d{3}Z$/, 'Z'),
			internalNotes: `${input.vendorName} order ${input.purchaseOrderNumber} ${purchaseOrderMarker(input.orderId)}`
		})
	);
	return created.ok ? psaOk(created.value.id) : created;
}

/** Each line's catalog item: its product's link, else the catalog item whose identifier is its SKU. */
async function catalogItemsFor(
	ctx: SyncContext,
	run: ConnectwiseRun,
	input: PurchaseOrderToCreate
): Promise<PsaResult<Map<string, number>>> {
	const out = new Map<string, number>();
	const missing = [];
	for (const line of input.lines) {
		const linked = numericId(line.productExternalId);
		if (linked !== null) out.set(line.lineId, linked);
		else missing.push(line);
	}
	if (missing.length === 0) return psaOk(out);
	const skus = [...new Set(missing.map((l) => l.sku.trim()).filter(Boolean))];
	const found = skus.length > 0 ? await catalogItemsByIdentifier(run, skus) : psaOk([]);
	if (!found.ok) return found;
	const byIdentifier = new Map(found.value.map((item) => [item.identifier.toLowerCase(), item.id]));
	for (const line of missing) {
		const id = byIdentifier.get(line.sku.trim().toLowerCase());
		if (id === undefined) {
			return permanent(`ConnectWise has no catalog item "${line.sku || line.name}" for the line "${line.name}".`);
		}
		if (line.productId) await ctx.links.set('products', line.productId, String(id));
		out.set(line.lineId, id);
	}
	return psaOk(out);
}
