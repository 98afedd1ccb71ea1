// The ordering side of the procurement queue (issue 13, seed 002), pure: accepted quotes still
// awaiting ordering, draft purchase orders by distributor, and submitted orders with their status and
// what the buyer can do next (the fix a failure names, a Retry).

import { DISTRIBUTOR_LABELS, type DistributorName } from '../../../shared/schema/distributor-entities.ts';
import type { Quote } from '../../../shared/schema/entities.ts';
import {
	PURCHASE_ORDER_STATUS_LABELS,
	type PurchaseOrder,
	type PurchaseOrderLine
} from '../../../shared/schema/purchase-order-entities.ts';
import { RETRYABLE } from '../../../shared/procurement/purchase-order-rules.ts';

export type AwaitingQuote = { quote: Quote; companyName: string | null };
export type DraftGroup = { distributor: DistributorName; label: string; orders: PurchaseOrder[] };
export type SubmittedOrder = {
	order: PurchaseOrder;
	statusLabel: string;
	/** Where the failure is fixed, in the seed's words; null when nothing failed. */
	fix: string | null;
	canRetry: boolean;
	tracking: string[];
};

/** Accepted quotes with no live purchase order line yet, newest first. */
export function awaitingQuotes(
	quotes: readonly Quote[],
	lines: readonly PurchaseOrderLine[],
	companies: ReadonlyMap<string, string>
): AwaitingQuote[] {
	const ordered = new Set(lines.filter((l) => l.status !== 'canceled').map((l) => l.quoteId));
	return quotes
		.filter((q) => q.status === 'accepted' && !ordered.has(q.id))
		.sort((a, b) => b.updatedAt - a.updatedAt || a.id.localeCompare(b.id))
		.map((quote) => ({ quote, companyName: companies.get(quote.companyId) ?? null }));
}

/** Draft orders grouped by distributor, each group's orders oldest first; empty groups left out. */
export function draftsByDistributor(orders: readonly PurchaseOrder[]): DraftGroup[] {
	const groups = new Map<DistributorName, PurchaseOrder[]>();
	for (const order of orders) {
		if (order.status !== 'draft') continue;
		groups.set(order.distributor, [...(groups.get(order.distributor) ?? []), order]);
	}
	return [...groups]
		.map(([distributor, list]) => ({
			distributor,
			label: DISTRIBUTOR_LABELS[distributor],
			orders: list.sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id))
		}))
		.sort((a, b) => a.label.localeCompare(b.label));
}

const FIXES = {
	invalid_customer_number: 'Update the ordering credentials at Admin > Distributors, then retry.',
	reauthenticate: 'Re-authenticate at Admin > Distributors, then retry.',
	product_unavailable: 'Pick the other distributor or a replacement for the held lines, then submit again.',
	temporarily_unavailable: 'Check the error details and retry.',
	rejected: 'Check the error details, change the order and retry.'
} as const;

/** Where a failure is fixed, in the seed's words; null when nothing failed. */
export const fixFor = (failure: PurchaseOrder['failure']): string | null => (failure ? FIXES[failure] : null);

/** Orders past the draft, most recently changed first, with their tracking numbers. */
export function submittedOrders(
	orders: readonly PurchaseOrder[],
	lines: readonly PurchaseOrderLine[]
): SubmittedOrder[] {
	return orders
		.filter((o) => o.status !== 'draft')
		.sort((a, b) => b.updatedAt - a.updatedAt || a.id.localeCompare(b.id))
		.map((order) => ({
			order,
			statusLabel: PURCHASE_ORDER_STATUS_LABELS[order.status],
			fix: fixFor(order.failure),
			canRetry: RETRYABLE.has(order.status) && order.error !== null,
			tracking: [...new Set(lines.filter((l) => l.orderId === order.id).flatMap((l) => l.tracking))]
		}));
}
