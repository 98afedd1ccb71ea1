// A submitted distributor order as a HaloPSA purchase order (`/PurchaseOrder`, a SupplierOrderHeader
// with its lines, psa-apis.md §3.3), sent whole in one POST. The supplier is the distributor, found by
// name. Exactly once: the PO's `po_ref` is the customer PO number with the order's marker, the PO id
// is linked the moment Halo answers, and a resumed run looks the PO up by its reference first. Halo
// has no billing code for purchase orders; the Purchase Order billing code is Autotask's alone.

import type { HaloCreate } from '../client/entities.ts';
import { psaOk, type PsaResult, type PurchaseOrderToCreate, type SyncContext } from '../../../psa/provider.ts';
import { permanent, toPsaFailure } from '../failure.ts';
import { recordMarker } from './markers.ts';
import type { HaloRun } from './run.ts';

export const PURCHASE_ORDER_LINK = 'purchaseOrders';

const numericId = (value: string | null): number | null =>
	value !== null && /^\d{1,15}$/.test(value) ? Number(value) : null;

/** "OUT-01042 outpost:order-1": the number a person reads in Halo, then the marker. */
export const purchaseOrderRef = (input: Pick<PurchaseOrderToCreate, 'purchaseOrderNumber' | 'orderId'>) =>
	`${input.purchaseOrderNumber.trim().slice(0, 50)} ${recordMarker(input.orderId)}`;

export function purchaseOrderBody(
	input: PurchaseOrderToCreate,
	supplierId: number,
	now: number
): HaloCreate<'PurchaseOrder'> {
	const clientId = numericId(input.companyExternalId);
	return {
		supplier_id: supplierId,
		...(clientId === null ? {} : { client_id: clientId }),
		po_ref: purchaseOrderRef(input),
		date: new Date(now).toISOString(),
		deliver_to_us: false,
		lines: input.lines.map((line, n) => {
			const itemId = numericId(line.productExternalId);
			return {
				...(itemId === null ? {} : { item_id: itemId }),
				description: line.name.slice(0, 500),
				productcode: line.sku.slice(0, 100),
				quantity: line.quantity,
				costprice: Math.round(line.unitCost) / 100,
				sort_seq: n + 1
			};
		})
	};
}

export async function createPurchaseOrder(
	ctx: SyncContext,
	run: HaloRun,
	input: PurchaseOrderToCreate
): Promise<PsaResult<{ externalId: string }>> {
	if (input.lines.length === 0) return permanent('The order has no lines to put on a purchase order.');
	const linked = await ctx.links.get(PURCHASE_ORDER_LINK, input.orderId);
	if (linked) return psaOk({ externalId: linked });
	if (ctx.resumed) {
		const ref = purchaseOrderRef(input);
		const found = await run.client.list('PurchaseOrder', { search: ref });
		if (!found.ok) return toPsaFailure(found);
		const mine = found.value.records.find((po) => po.po_ref === ref);
		if (mine) {
			await ctx.links.set(PURCHASE_ORDER_LINK, input.orderId, String(mine.id));
			return psaOk({ externalId: String(mine.id) });
		}
	}
	const name = input.vendorName.trim();
	const suppliers = await run.client.list('Supplier', { search: name });
	if (!suppliers.ok) return toPsaFailure(suppliers);
	const supplier = suppliers.value.records.find((s) => s.name.trim().toLowerCase() === name.toLowerCase());
	if (!supplier) return permanent(`HaloPSA has no supplier named "${name}". Add it in HaloPSA, then retry.`);
	const created = await run.client.create('PurchaseOrder', purchaseOrderBody(input, supplier.id, ctx.now()));
	if (!created.ok) return toPsaFailure(created);
	await ctx.links.set(PURCHASE_ORDER_LINK, input.orderId, String(created.value.id));
	return psaOk({ externalId: String(created.value.id) });
}
