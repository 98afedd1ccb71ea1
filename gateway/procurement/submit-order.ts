// Places one purchase order exactly once (job kind submitPurchaseOrder). The customer PO number is the
// idempotency key: before the first submission the lines are checked for availability and the order is
// marked `placing`; from then on every run (a retry, a duplicated push, a restart at any request, another
// replica) goes straight to the port's place(), which looks the PO number up before submitting.

import type { PurchaseOrder, PurchaseOrderLine } from '../../shared/schema/purchase-order-entities.ts';
import type { Tx } from '../../shared/sync/tx.ts';
import type { OutpostReader } from '../psa/provider.ts';
import type { HeldLine, LineToOrder, OrderPort, PortFailure, ShipTo } from './order-port.ts';
import { applyStatus } from './apply-status.ts';

export type OrderJobContext = {
	data: OutpostReader;
	write<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
	now(): number;
	shipTo(): Promise<ShipTo>;
	/** Called once the distributor holds the order (the Autotask purchase order hangs here). */
	onSubmitted(order: PurchaseOrder, lines: PurchaseOrderLine[]): Promise<void>;
};

/** `warning`: done, with something a person should still see in Admin › Tools › Issues. */
export type OrderOutcome = { ok: true; summary: string; warning?: string } | PortFailure;

/** Seed 002, "Products unavailable at distributor". */
export const PRODUCTS_UNAVAILABLE =
	'Products unavailable at distributor: the product may be out of stock or discontinued at the distributor since the quote was created. Check current availability in the Marketplace.';

const SENDABLE = new Set(['submitted', 'processing']);

export async function submitOrder(port: OrderPort, ctx: OrderJobContext, orderId: string): Promise<OrderOutcome> {
	const order = await ctx.data.get('purchaseOrders', orderId);
	if (!order || order.status === 'draft' || order.status === 'canceled') {
		return { ok: true, summary: 'Nothing to submit.' };
	}
	if (order.placedAt !== null) return refresh(port, ctx, order);
	// The buyer canceled before it was sent: the cancel job cancels it here, nothing is placed.
	if (order.cancelRequestedAt !== null && !order.placing) return { ok: true, summary: 'Canceled before it was sent.' };
	const lines = (await ctx.data.byIndex('purchaseOrderLines', 'orderId', orderId))
		.filter((l) => SENDABLE.has(l.status))
		.sort((a, b) => a.lineNumber - b.lineNumber);
	if (lines.length === 0) return { ok: true, summary: 'Nothing to submit.' };
	const toOrder: LineToOrder[] = lines.map((l) => ({
		lineNumber: l.lineNumber,
		mpn: l.mpn,
		sku: l.sku,
		quantity: l.quantity,
		unitCost: l.unitCost
	}));
	const availability = await port.availability(toOrder);
	if (!availability.ok) return failed(ctx, order, availability);
	if (!order.placing) {
		if (availability.value.held.length > 0) return hold(ctx, order, lines, availability.value.held);
		await update(ctx, order.id, () => ({ placing: true }));
	}
	const placed = await port.place(
		{ poNumber: order.poNumber, shipTo: await ctx.shipTo(), lines: toOrder },
		availability.value
	);
	if (!placed.ok) return failed(ctx, order, placed);
	if (placed.value.orderIds.length === 0) return hold(ctx, order, lines, placed.value.held);
	const after = await ctx.write(async (tx) => {
		const current = await tx.get('purchaseOrders', order.id);
		if (!current) return null;
		const next: PurchaseOrder = {
			...current,
			status: 'processing',
			distributorOrderIds: placed.value.orderIds.slice(0, 20),
			placedAt: ctx.now(),
			error: null,
			failure: null,
			updatedAt: ctx.now()
		};
		await tx.put('purchaseOrders', next);
		const held = new Map(placed.value.held.map((h) => [h.lineNumber, h.reason]));
		const written: PurchaseOrderLine[] = [];
		for (const line of lines) {
			const reason = held.get(line.lineNumber);
			const row: PurchaseOrderLine = reason
				? { ...line, status: 'held', holdReason: reason, updatedAt: ctx.now() }
				: { ...line, status: 'processing', updatedAt: ctx.now() };
			await tx.put('purchaseOrderLines', row);
			written.push(row);
		}
		return { order: next, lines: written };
	});
	if (after) await ctx.onSubmitted(after.order, after.lines);
	const summary = `${placed.value.placedNow ? 'Placed' : 'Found already placed'} as ${placed.value.orderIds.join(', ')}.`;
	return { ok: true, summary };
}

/** A placed order: read its state now (a Retry of an order stuck in Processing lands here). */
async function refresh(port: OrderPort, ctx: OrderJobContext, order: PurchaseOrder): Promise<OrderOutcome> {
	const status = await port.status(order.poNumber, order.distributorOrderIds);
	if (!status.ok) return failed(ctx, order, status);
	if (!status.value) return { ok: true, summary: 'The distributor does not show the order yet.' };
	await applyStatus(ctx, order.id, status.value);
	return { ok: true, summary: `The distributor says ${status.value.status}.` };
}

/** Lines the distributor cannot sell: held with the reason, and the order back to the buyer as a draft. */
async function hold(ctx: OrderJobContext, order: PurchaseOrder, lines: PurchaseOrderLine[], held: HeldLine[]) {
	const reasons = new Map(held.map((h) => [h.lineNumber, h.reason]));
	await ctx.write(async (tx) => {
		for (const line of lines) {
			const reason = reasons.get(line.lineNumber);
			await tx.put('purchaseOrderLines', {
				...line,
				status: reason ? 'held' : 'open',
				holdReason: reason ?? null,
				updatedAt: ctx.now()
			});
		}
		const current = await tx.get('purchaseOrders', order.id);
		if (current) {
			await tx.put('purchaseOrders', {
				...current,
				status: 'draft',
				placing: false,
				error: PRODUCTS_UNAVAILABLE,
				failure: 'product_unavailable',
				updatedAt: ctx.now()
			});
		}
	});
	const failure: PortFailure = {
		ok: false,
		kind: 'permanent',
		message: PRODUCTS_UNAVAILABLE,
		failure: 'product_unavailable'
	};
	return failure;
}

/**
 * A failure shows on the order with the fix it names. One the runner retries leaves the order as it
 * was (Submitted, or Processing when placed), with the details: "Order stuck in Processing".
 */
async function failed(ctx: OrderJobContext, order: PurchaseOrder, failure: PortFailure): Promise<PortFailure> {
	const status = failure.kind === 'permanent' && order.placedAt === null ? 'error' : order.status;
	await update(ctx, order.id, () => ({ status, error: failure.message.slice(0, 2_000), failure: failure.failure }));
	return failure;
}

async function update(ctx: OrderJobContext, orderId: string, change: (o: PurchaseOrder) => Partial<PurchaseOrder>) {
	await ctx.write(async (tx) => {
		const current = await tx.get('purchaseOrders', orderId);
		if (current) await tx.put('purchaseOrders', { ...current, ...change(current), updatedAt: ctx.now() });
	});
}
