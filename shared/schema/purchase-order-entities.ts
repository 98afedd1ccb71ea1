// Zod schemas of the procurement queue (issue 13, seed 002): purchase orders to a distributor and their
// lines, each line from an accepted quote's line. The customer PO number is the idempotency key: it is
// fixed when the order is drafted, and the gateway looks it up at the distributor before any submission.

import { z } from 'zod';
import { distributorName } from './distributor-entities.ts';
import { id } from './entities.ts';
import { timestamp } from './timestamp.ts';

/**
 * draft: the buyer is preparing it; submitted: handed to the gateway, to be placed; the rest follow the
 * distributor. An order whose products were unavailable goes back to draft with its lines held.
 */
export const PURCHASE_ORDER_STATUSES = [
	'draft',
	'submitted',
	'processing',
	'backordered',
	'on_hold',
	'shipped',
	'delivered',
	'canceled',
	'error'
] as const;
export const purchaseOrderStatus = z.enum(PURCHASE_ORDER_STATUSES);
export type PurchaseOrderStatus = z.infer<typeof purchaseOrderStatus>;

/** A line's state: open while drafted, held when the distributor cannot sell it, then the distributor's. */
export const PURCHASE_ORDER_LINE_STATUSES = ['open', 'held', ...PURCHASE_ORDER_STATUSES.slice(1)] as const;
export const purchaseOrderLineStatus = z.enum(PURCHASE_ORDER_LINE_STATUSES);
export type PurchaseOrderLineStatus = z.infer<typeof purchaseOrderLineStatus>;

/** The fix a failure names (seed 002): where the buyer or admin goes next. */
export const ORDER_FAILURES = [
	'invalid_customer_number',
	'reauthenticate',
	'product_unavailable',
	'temporarily_unavailable',
	'rejected'
] as const;
export const orderFailure = z.enum(ORDER_FAILURES);
export type OrderFailure = z.infer<typeof orderFailure>;

/** TD SYNNEX takes 30 characters of PO number, Ingram Micro 35. */
export const PO_NUMBER_MAX = 30;

export const purchaseOrderSchema = z.object({
	id,
	distributor: distributorName,
	status: purchaseOrderStatus,
	/** The customer PO number sent to the distributor: unique in the organisation, never changed. */
	poNumber: z
		.string()
		.regex(/^[A-Z0-9-]+$/)
		.max(PO_NUMBER_MAX),
	/** The distributor's own order numbers (an Ingram order may split by warehouse). */
	distributorOrderIds: z.array(z.string().max(64)).max(20),
	/** The quotes whose lines it orders, in the order they were added. */
	quoteIds: z.array(id).max(50),
	/** Lines drafted so far: the next line's number. */
	lineCount: z.number().int().min(0).max(500),
	error: z.string().max(2_000).nullable(),
	failure: orderFailure.nullable(),
	/** The gateway wrote this before sending the order: a later run only looks it up and never re-checks stock. */
	placing: z.boolean(),
	createdBy: id,
	createdAt: timestamp,
	updatedAt: timestamp,
	submittedAt: timestamp.nullable(),
	placedAt: timestamp.nullable(),
	checkedAt: timestamp.nullable(),
	/** The buyer asked the distributor to cancel the placed order; the gateway's job has not answered yet. */
	cancelRequestedAt: timestamp.nullable().default(null),
	/** Why the distributor would not cancel it (already shipped), in its words; null once asked again. */
	cancelRefusal: z.string().max(500).nullable().default(null)
});
export type PurchaseOrder = z.infer<typeof purchaseOrderSchema>;

export const purchaseOrderLineSchema = z.object({
	id,
	orderId: id,
	quoteId: id,
	quoteLineId: id,
	productId: id.nullable(),
	description: z.string().max(2_000),
	/** What the distributor is asked for: the manufacturer part number, or the product's SKU. */
	mpn: z.string().max(100),
	sku: z.string().max(100),
	quantity: z.number().int().min(1).max(99_999),
	/** Minor units per unit, as quoted. */
	unitCost: z.number().int().min(0).max(1_000_000_000),
	/** Its number within the order (1, 2, …), sent as the distributor's line number. */
	lineNumber: z.number().int().min(1).max(500),
	status: purchaseOrderLineStatus,
	tracking: z.array(z.string().max(64)).max(20),
	/** Why the distributor cannot sell it (out of stock, discontinued), in its words. */
	holdReason: z.string().max(500).nullable(),
	updatedAt: timestamp
});
export type PurchaseOrderLine = z.infer<typeof purchaseOrderLineSchema>;

export const PURCHASE_ORDER_STATUS_LABELS: Record<PurchaseOrderLineStatus, string> = {
	open: 'Open',
	held: 'Held',
	draft: 'Draft',
	submitted: 'Submitted',
	processing: 'Processing',
	backordered: 'Backordered',
	on_hold: 'On Hold',
	shipped: 'Shipped',
	delivered: 'Delivered',
	canceled: 'Canceled',
	error: 'Error'
};
