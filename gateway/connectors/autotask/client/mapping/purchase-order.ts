// A distributor order ↔ Autotask PurchaseOrders and PurchaseOrderItems payloads (psa-apis.md §1.5:
// required vendorID, status, shipToName, shipToAddress1; items orderID, inventoryLocationID,
// quantity, unitCost). Each record carries its Outpost id as a marker a resumed run looks for. Pure.

import type { CreateBody } from '../entity-schemas.ts';
import { defaultValue, valueOf } from '../picklist.ts';
import type { PicklistValue } from '../wire-schemas.ts';
import { centsToAmount } from './money.ts';

export type PurchaseOrderSource = {
	orderId: string;
	vendorName: string;
	purchaseOrderNumber: string;
	shipTo: { name: string; address1: string; city: string; state: string; postalCode: string };
};
export type PurchaseOrderLineSource = { lineId: string; name: string; quantity: number; unitCost: number };

/** The marker a purchase order's memo or an item's memo ends with: its Outpost id. */
export const purchaseOrderMarker = (id: string) => `[outpost:${id}]`;

/** "PO OUT-1042 · Ingram Micro [outpost:order-1]". */
export function purchaseOrderMemo(input: Pick<PurchaseOrderSource, 'orderId' | 'purchaseOrderNumber' | 'vendorName'>) {
	return `PO ${input.purchaseOrderNumber} · ${input.vendorName} ${purchaseOrderMarker(input.orderId)}`;
}

/** [UNVERIFIED] "Submitted" (the order is placed at the distributor already), else the default, else the first. */
export function submittedStatus(statuses: PicklistValue[]): number | null {
	return valueOf(statuses, 'Submitted') ?? defaultValue(statuses) ?? (statuses[0] ? Number(statuses[0].value) : null);
}

export function purchaseOrderPayload(
	input: PurchaseOrderSource,
	refs: { vendorID: number; status: number; purchaseForCompanyID: number | null; now: number }
): CreateBody<'PurchaseOrders'> {
	const cut = (text: string, max: number) => text.trim().slice(0, max);
	return {
		vendorID: refs.vendorID,
		status: refs.status,
		...(refs.purchaseForCompanyID === null ? {} : { purchaseForCompanyID: refs.purchaseForCompanyID }),
		externalPONumber: cut(input.purchaseOrderNumber, 50),
		shipToName: cut(input.shipTo.name, 100),
		shipToAddress1: cut(input.shipTo.address1, 128),
		shipToCity: cut(input.shipTo.city, 50),
		shipToState: cut(input.shipTo.state, 25),
		shipToPostalCode: cut(input.shipTo.postalCode, 20),
		generalMemo: purchaseOrderMemo(input),
		submitDateTime: new Date(refs.now).toISOString()
	};
}

export function purchaseOrderItemPayload(
	line: PurchaseOrderLineSource,
	refs: { orderID: number; productID: number; inventoryLocationID: number }
): CreateBody<'PurchaseOrderItems'> & { orderID: number } {
	const marker = purchaseOrderMarker(line.lineId);
	return {
		orderID: refs.orderID,
		productID: refs.productID,
		inventoryLocationID: refs.inventoryLocationID,
		quantity: line.quantity,
		unitCost: centsToAmount(line.unitCost),
		memo: `${line.name.slice(0, 1_000 - marker.length - 1)} ${marker}`
	};
}
