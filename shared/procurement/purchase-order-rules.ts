// What an accepted quote becomes in the procurement queue (seed 002), pure: which of its lines need
// buying, from which distributor, and the draft order and lines they make. The mutations
// (shared/mutations/purchase-order-mutations.ts) read the rows and write what these answer.

import type { Product } from '../schema/catalog-entities.ts';
import type { Distributor, DistributorName } from '../schema/distributor-entities.ts';
import { inPreferenceOrder } from '../schema/distributor-entities.ts';
import type { QuoteLine } from '../schema/entities.ts';
import {
	PO_NUMBER_MAX,
	type PurchaseOrder,
	type PurchaseOrderLine,
	type PurchaseOrderStatus
} from '../schema/purchase-order-entities.ts';

/** The catalog names the distributor a product is sourced from in its own words. */
const CATALOG_NAMES: Record<NonNullable<Product['distributor']>, DistributorName> = {
	ingram: 'ingrammicro',
	tdsynnex: 'tdsynnex'
};

/**
 * The customer PO number of an order, from its id: letters and digits only, upper case, within TD
 * SYNNEX's 30 characters. Two ids that shorten alike are refused by the mutation (the number is unique).
 */
export function poNumberFor(orderId: string): string {
	const body = orderId.toUpperCase().replace(/[^A-Z0-9]/g, '');
	return `OP-${body}`.slice(0, PO_NUMBER_MAX);
}

/**
 * A quote line needs buying when it is a catalog product that is not marked "Does not require
 * procurement", has a whole quantity and is not an optional line the totals leave out.
 */
export function needsProcurement(line: QuoteLine, product: Product | undefined): product is Product {
	return !!product && !product.noProcurement && !line.optional && line.quantity >= 1 && Number.isInteger(line.quantity);
}

/**
 * Where a product is ordered: the distributor the catalog sources it from when ordering is on there,
 * otherwise the most preferred distributor with ordering on (Admin › Distributors); null: none is.
 */
export function distributorFor(
	product: Pick<Product, 'distributor'>,
	distributors: readonly (Distributor | undefined)[]
): DistributorName | null {
	const ordering = inPreferenceOrder(distributors).filter((d) => d.orderingEnabled);
	const own = product.distributor ? CATALOG_NAMES[product.distributor] : null;
	if (own && ordering.some((d) => d.id === own)) return own;
	return ordering[0]?.id ?? null;
}

export function draftOrder(
	orderId: string,
	distributor: DistributorName,
	quoteId: string,
	userId: string,
	now: number
): PurchaseOrder {
	return {
		id: orderId,
		distributor,
		status: 'draft',
		poNumber: poNumberFor(orderId),
		distributorOrderIds: [],
		quoteIds: [quoteId],
		lineCount: 0,
		error: null,
		failure: null,
		placing: false,
		createdBy: userId,
		createdAt: now,
		updatedAt: now,
		submittedAt: null,
		placedAt: null,
		checkedAt: null,
		cancelRequestedAt: null,
		cancelRefusal: null
	};
}

/** The next line of `order` for a quote line; its id is the order's PO number and its line number. */
export function draftLine(order: PurchaseOrder, line: QuoteLine, product: Product, now: number): PurchaseOrderLine {
	const lineNumber = order.lineCount + 1;
	return {
		id: `${order.poNumber}-${lineNumber}`,
		orderId: order.id,
		quoteId: line.quoteId,
		quoteLineId: line.id,
		productId: product.id,
		description: (line.description || product.name).slice(0, 2_000),
		mpn: product.mpn,
		sku: product.sku,
		quantity: Math.min(99_999, line.quantity),
		unitCost: Math.min(1_000_000_000, line.unitCost),
		lineNumber,
		status: 'open',
		tracking: [],
		holdReason: null,
		updatedAt: now
	};
}

/** Lines a buyer may still change: the order is a draft (a held line sends it back to draft). */
export const isEditable = (order: Pick<PurchaseOrder, 'status'>): boolean => order.status === 'draft';

/** Orders a Retry may send again: one that failed, or one still waiting at the gateway or distributor. */
export const RETRYABLE: ReadonlySet<PurchaseOrderStatus> = new Set(['submitted', 'processing', 'error']);

/** Orders the distributor still moves along: polled for their status. */
export const OPEN_AT_DISTRIBUTOR: ReadonlySet<PurchaseOrderStatus> = new Set([
	'processing',
	'backordered',
	'on_hold',
	'shipped'
]);

/** A line whose order was placed and that the distributor did not refuse. */
export const isOrderedLine = (line: Pick<PurchaseOrderLine, 'status'>): boolean =>
	line.status !== 'held' && line.status !== 'open' && line.status !== 'canceled';

/**
 * Whether a distributor cancels a placed order through its API: Ingram Micro does (DELETE order);
 * TD SYNNEX's EC Express XML has price & availability, PO and PO status only, so its orders are
 * canceled by phone.
 */
export const CANCELS_THROUGH_API: Readonly<Record<DistributorName, boolean>> = { ingrammicro: true, tdsynnex: false };

/** Orders a buyer may ask the distributor to cancel: sent and not yet shipped. */
export const CANCELABLE_AT_DISTRIBUTOR: ReadonlySet<PurchaseOrderStatus> = new Set([
	'submitted',
	'processing',
	'backordered',
	'on_hold'
]);

/** Whether the order page offers "Cancel order at <distributor>": allowed, and not asked already. */
export const cancelableAtDistributor = (
	order: Pick<PurchaseOrder, 'status' | 'distributor' | 'cancelRequestedAt'>
): boolean =>
	CANCELABLE_AT_DISTRIBUTOR.has(order.status) &&
	CANCELS_THROUGH_API[order.distributor] &&
	(order.cancelRequestedAt ?? null) === null;
