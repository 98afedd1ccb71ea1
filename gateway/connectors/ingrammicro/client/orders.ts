// What the client sends to create an order and what it makes of the answers (psa-apis.md §4.4). The
// request is checked before it leaves (hostile input from the queue); answers are mapped to plain values.

import { z } from 'zod';
import type { UnavailableProduct } from './failures.ts';
import type { OrderCreateResponse, OrderDetail, RejectedLine } from './wire-schemas.ts';

const partNumber = z.string().trim().min(1).max(60);

export const orderRequestSchema = z
	.object({
		/** The reseller PO: the idempotency key, looked up before any re-submission. */
		customerOrderNumber: z.string().trim().min(1, 'required').max(35, 'at most 35 characters'),
		endCustomerOrderNumber: z.string().trim().max(35).optional(),
		notes: z.string().max(500).optional(),
		acceptBackOrder: z.boolean().default(true),
		shipToInfo: z
			.object({
				contact: z.string().max(100).optional(),
				companyName: z.string().max(100).optional(),
				addressLine1: z.string().max(100).optional(),
				city: z.string().max(60).optional(),
				state: z.string().max(60).optional(),
				postalCode: z.string().max(20).optional(),
				countryCode: z.string().length(2).optional(),
				email: z.string().max(200).optional()
			})
			.optional(),
		lines: z
			.array(
				z
					.object({
						/** §4.4 [V]: unique and numeric. */
						customerLineNumber: z.string().regex(/^\d{1,6}$/, 'a number'),
						ingramPartNumber: partNumber.optional(),
						vendorPartNumber: partNumber.optional(),
						quantity: z.number().int().positive().max(100_000),
						unitPrice: z.number().nonnegative().optional()
					})
					.refine((l) => l.ingramPartNumber || l.vendorPartNumber, 'an Ingram or vendor part number')
			)
			.min(1, 'at least one line')
			.max(500)
	})
	.refine((o) => new Set(o.lines.map((l) => l.customerLineNumber)).size === o.lines.length, {
		message: 'customer line numbers must be unique',
		path: ['lines']
	});
export type OrderRequest = z.input<typeof orderRequestSchema>;

export type PlacedOrder = {
	customerOrderNumber: string;
	/** One per Ingram sales order (an order may split by warehouse). */
	ingramOrderNumbers: string[];
	lines: { customerLineNumber: string | null; ingramPartNumber: string | null; lineStatus: string | null }[];
	/** Lines Ingram did not take (out of stock, discontinued): held with the reason. */
	rejected: UnavailableProduct[];
};

export function toPlacedOrder(po: string, body: OrderCreateResponse): PlacedOrder {
	const orders = body.orders ?? [];
	const rejected = [...(body.rejectedLineItems ?? []), ...orders.flatMap((o) => o.rejectedLineItems ?? [])];
	return {
		customerOrderNumber: body.customerOrderNumber ?? po,
		ingramOrderNumbers: orders.map((o) => o.ingramOrderNumber),
		lines: orders.flatMap((o) =>
			(o.lines ?? []).map((l) => ({
				customerLineNumber: l.customerLineNumber ?? null,
				ingramPartNumber: l.ingramPartNumber ?? null,
				lineStatus: l.lineStatus ?? null
			}))
		),
		rejected: rejected.map(toUnavailable)
	};
}

// [GUESS] reject codes are undocumented beyond the SDK's example 'EN'; the reason text decides.
export function toUnavailable(line: RejectedLine): UnavailableProduct {
	const detail = line.rejectReason?.trim() || line.rejectCode?.trim() || 'Rejected by Ingram Micro';
	const reason = /discontinu/i.test(detail)
		? 'discontinued'
		: /not found|invalid (sku|part|product)/i.test(detail)
			? 'unknown_product'
			: 'out_of_stock';
	return {
		ingramPartNumber: line.ingramPartNumber ?? null,
		vendorPartNumber: line.vendorPartNumber ?? null,
		customerLineNumber: line.customerLinenumber ?? line.customerLineNumber ?? null,
		reason,
		detail
	};
}

/** The header status Outpost follows (SDK enumeration), or `Processing` for one it does not know. */
export const ORDER_STATUSES = ['Processing', 'Backordered', 'On Hold', 'Shipped', 'Delivered', 'Canceled'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export function orderStatusOf(detail: OrderDetail): OrderStatus {
	const wanted = (detail.orderStatus ?? '').trim().toLowerCase();
	return ORDER_STATUSES.find((s) => s.toLowerCase() === wanted) ?? 'Processing';
}

/** Tracking numbers of every shipment of the order, in order, without blanks or repeats. */
export function trackingNumbers(detail: OrderDetail): string[] {
	const all = (detail.lines ?? []).flatMap((l) =>
		(l.shipmentDetails ?? []).flatMap((s) => (s.packageDetails ?? []).map((p) => p.trackingNumber?.trim() ?? ''))
	);
	return [...new Set(all.filter(Boolean))];
}
