// A submitted distributor order as an Autotask PurchaseOrder with its PurchaseOrderItems (psa-apis.md
// §1.3, §1.5). The vendor is the distributor's Autotask company, found by name; every item orders an
// Autotask product, and a line whose product Autotask lacks gets one made with the integration's
// Purchase Order billing code (seed: "Billing codes are also used for ticket charges and purchase
// orders"). Exactly once: the PO's id is linked as soon as Autotask answers, the PO and each item
// carry their Outpost id as a marker, and a run that may have written before looks for them first.

import { and, eq, inList } from '../client/filter.ts';
import { productPayload } from '../client/mapping/product.ts';
import {
	purchaseOrderItemPayload,
	purchaseOrderMarker,
	purchaseOrderPayload,
	submittedStatus
} from '../client/mapping/purchase-order.ts';
import {
	psaOk,
	type PsaFailure,
	type PsaResult,
	type PurchaseOrderLineToCreate,
	type PurchaseOrderToCreate,
	type SyncContext
} from '../../../psa/provider.ts';
import { AUTOTASK_SYNC_MESSAGES, isBillingCodeFailure, permanent, toPsaFailure } from '../failure.ts';
import type { AutotaskRun } from './run.ts';

export const PURCHASE_ORDER_LINK = 'purchaseOrders';

const numericId = (value: string | null): number | null =>
	value !== null && /^\d{1,15}$/.test(value) ? Number(value) : null;

/** The seed's text, then where to fix it: the Purchase Order setting, not a category. */
export const purchaseOrderBillingCodeFailure = (): PsaFailure =>
	permanent(
		`${AUTOTASK_SYNC_MESSAGES.billingCodeInvalid}. Check the billing code at Admin › Integrations › Autotask › Purchase Order.`
	);

/** What makes the order impossible before any request is spent on it; null when it can go. */
export function refusePurchaseOrder(input: PurchaseOrderToCreate): PsaFailure | null {
	if (numericId(input.billingCodeId) === null) return purchaseOrderBillingCodeFailure();
	if (input.lines.length === 0) return permanent('The order has no lines to put on a purchase order.');
	return null;
}

export async function createPurchaseOrder(
	ctx: SyncContext,
	run: AutotaskRun,
	input: PurchaseOrderToCreate
): Promise<PsaResult<{ externalId: string }>> {
	const refused = refusePurchaseOrder(input);
	if (refused) return refused;
	const billingCode = numericId(input.billingCodeId)!;
	let orderId = numericId(await ctx.links.get(PURCHASE_ORDER_LINK, input.orderId));
	if (orderId === null && ctx.resumed) {
		const found = await findOrder(run, input.orderId);
		if (!found.ok) return found;
		orderId = found.value;
		if (orderId !== null) await ctx.links.set(PURCHASE_ORDER_LINK, input.orderId, String(orderId));
	}
	const products = await productsFor(ctx, run, input.lines, billingCode);
	if (!products.ok) return products;
	const location = await inventoryLocation(run);
	if (!location.ok) return location;
	// A PO found or linked may hold some of its items already; a PO made now holds none.
	let existing = new Set<string>();
	if (orderId === null) {
		const created = await createHeader(ctx, run, input);
		if (!created.ok) return created;
		orderId = created.value;
		await ctx.links.set(PURCHASE_ORDER_LINK, input.orderId, String(orderId));
	} else {
		const items = await run.client.queryAll('PurchaseOrderItems', { filter: [eq('orderID', orderId)] });
		if (!items.ok) return toPsaFailure(items);
		existing = new Set(items.value.map((item) => item.memo ?? ''));
	}
	for (const line of input.lines) {
		const marker = purchaseOrderMarker(line.lineId);
		if ([...existing].some((memo) => memo.endsWith(marker))) continue;
		const item = purchaseOrderItemPayload(line, {
			orderID: orderId,
			productID: products.value.get(line.lineId)!,
			inventoryLocationID: location.value
		});
		const created = await run.client.create('PurchaseOrderItems', item);
		if (!created.ok) return toPsaFailure(created);
	}
	return psaOk({ externalId: String(orderId) });
}

async function findOrder(run: AutotaskRun, orderId: string): Promise<PsaResult<number | null>> {
	const filter = [{ op: 'contains' as const, field: 'generalMemo', value: purchaseOrderMarker(orderId) }];
	const found = await run.client.queryAll('PurchaseOrders', { filter, maxRecords: 1 }, { maxPages: 1 });
	return found.ok ? psaOk(found.value[0]?.id ?? null) : toPsaFailure(found);
}

async function createHeader(
	ctx: SyncContext,
	run: AutotaskRun,
	input: PurchaseOrderToCreate
): Promise<PsaResult<number>> {
	if (!input.shipTo.name.trim() || !input.shipTo.address1.trim()) {
		return permanent('The order has no ship-to name and address for its Autotask purchase order.');
	}
	const vendor = await run.client.queryAll(
		'Companies',
		{ filter: [and(eq('companyName', input.vendorName.trim().slice(0, 100)), eq('isActive', true))], maxRecords: 1 },
		{ maxPages: 1 }
	);
	if (!vendor.ok) return toPsaFailure(vendor);
	const vendorID = vendor.value[0]?.id;
	if (vendorID === undefined) {
		return permanent(
			`Autotask has no vendor company named "${input.vendorName}". Add it in Autotask as a Vendor, then retry.`
		);
	}
	const fields = await run.client.fields('PurchaseOrders');
	if (!fields.ok) return toPsaFailure(fields);
	const status = submittedStatus(fields.value.find((f) => f.name === 'status')?.picklistValues ?? []);
	if (status === null) return permanent('Autotask has no purchase order status.');
	const created = await run.client.create(
		'PurchaseOrders',
		purchaseOrderPayload(input, {
			vendorID,
			status,
			purchaseForCompanyID: numericId(input.companyExternalId),
			now: ctx.now()
		})
	);
	return created.ok ? psaOk(created.value) : toPsaFailure(created);
}

/**
 * The Autotask product of each line: its link, else an active product with its SKU, else one made
 * with the Purchase Order billing code. Found by SKU before any is made, so a resumed run makes none twice.
 */
async function productsFor(
	ctx: SyncContext,
	run: AutotaskRun,
	lines: PurchaseOrderLineToCreate[],
	billingCode: number
): Promise<PsaResult<Map<string, number>>> {
	const out = new Map<string, number>();
	const missing: PurchaseOrderLineToCreate[] = [];
	for (const line of lines) {
		const linked = numericId(line.productExternalId);
		if (linked !== null) out.set(line.lineId, linked);
		else if (!line.sku.trim()) return permanent(`Line "${line.name}" has no SKU to find its Autotask product by.`);
		else missing.push(line);
	}
	if (missing.length === 0) return psaOk(out);
	const skus = [...new Set(missing.map((line) => line.sku.trim()))];
	const found = await run.client.queryAll('Products', { filter: [inList('sku', skus)] });
	if (!found.ok) return toPsaFailure(found);
	const bySku = new Map(found.value.flatMap((p) => (p.sku && p.isActive !== false ? [[p.sku, p.id] as const] : [])));
	for (const line of missing) {
		const sku = line.sku.trim();
		let id = bySku.get(sku);
		if (id === undefined) {
			const source = {
				name: line.name,
				sku,
				description: null,
				unitPriceCents: line.unitCost,
				unitCostCents: line.unitCost,
				doesNotRequireProcurement: false
			};
			const created = await run.client.create('Products', productPayload(source, billingCode));
			if (!created.ok) return isBillingCodeFailure(created) ? purchaseOrderBillingCodeFailure() : toPsaFailure(created);
			id = created.value;
			bySku.set(sku, id);
		}
		if (line.productId) await ctx.links.set('products', line.productId, String(id));
		out.set(line.lineId, id);
	}
	return psaOk(out);
}

/** [UNVERIFIED] items are received into the tenant's default active location, else its first active one. */
async function inventoryLocation(run: AutotaskRun): Promise<PsaResult<number>> {
	const found = await run.client.queryAll('InventoryLocations', { filter: [eq('isActive', true)] }, { maxPages: 1 });
	if (!found.ok) return toPsaFailure(found);
	const location = found.value.find((l) => l.isDefault === true) ?? found.value[0];
	return location
		? psaOk(location.id)
		: permanent('Autotask has no active inventory location to receive the items into.');
}
