// Cancels a placed purchase order at its distributor when the buyer asked (job kind
// cancelPlacedPurchaseOrder). Exactly once: the distributor's status is read first, so a retry, a
// duplicated push or a restart after the cancel went through finds the order Canceled and sends nothing;
// the port looks each order up again before its cancel. A refusal (the order shipped) is the buyer's to
// read on the order, in the distributor's words, not an issue for an admin: the order keeps its real status.

import { DISTRIBUTOR_LABELS } from '../../shared/schema/distributor-entities.ts';
import type { PurchaseOrder } from '../../shared/schema/purchase-order-entities.ts';
import { ERRORS } from '../../shared/errors.ts';
import { applyStatus } from './apply-status.ts';
import type { OrderPort, PortFailure } from './order-port.ts';
import type { OrderJobContext } from './submit-order.ts';

export type CancelContext = Pick<OrderJobContext, 'data' | 'write' | 'now'> & {
	/** "purchase order 1234 in Autotask" when the order already has one in the PSA; null otherwise. */
	psaPurchaseOrder(orderId: string): Promise<string | null>;
};

/** A warning is left on the issue list: the PSA purchase order still claims an open order. */
export type CancelOutcome = { ok: true; summary: string; warning?: string } | PortFailure;

/** What the buyer reads when the distributor will not cancel: its own words after ours. */
export const refusalText = (distributor: PurchaseOrder['distributor'], reason: string) =>
	`${DISTRIBUTOR_LABELS[distributor]} did not cancel the order: ${reason}`.slice(0, 500);

export async function cancelOrder(port: OrderPort, ctx: CancelContext, orderId: string): Promise<CancelOutcome> {
	const order = await ctx.data.get('purchaseOrders', orderId);
	if (!order || order.status === 'canceled') return { ok: true, summary: 'Nothing to cancel.' };
	if (order.cancelRequestedAt === null) return { ok: true, summary: 'No cancellation was asked for.' };
	const label = DISTRIBUTOR_LABELS[order.distributor];
	if (!port.cancel) return refused(ctx, order, ERRORS.distributorCancelsByPhone.message, null);
	// Never sent (the submission runs before this job and stops at a canceled order): nothing to ask.
	if (order.placedAt === null && !order.placing) {
		await cancelHere(ctx, order.id);
		return { ok: true, summary: `Canceled before it reached ${label}.` };
	}
	const before = await port.status(order.poNumber, order.distributorOrderIds);
	if (!before.ok) return before;
	if (!before.value) {
		await cancelHere(ctx, order.id);
		return { ok: true, summary: `${label} has no order with PO number ${order.poNumber}: canceled here.` };
	}
	if (before.value.status !== 'canceled') {
		const answer = await port.cancel(before.value.orderIds);
		if (!answer.ok) return answer;
		if (!answer.value.canceled) {
			return refused(ctx, order, refusalText(order.distributor, answer.value.refusal), before.value);
		}
		const after = await port.status(order.poNumber, before.value.orderIds);
		if (!after.ok) return after;
		if (after.value) await applyStatus(ctx, order.id, after.value);
		if (after.value?.status !== 'canceled') {
			return { ok: true, summary: `${label} took the cancellation; it says ${after.value?.status ?? 'nothing'} yet.` };
		}
	} else {
		await applyStatus(ctx, order.id, before.value);
	}
	await settled(ctx, order.id);
	return withPsaWarning(ctx, order, `Canceled at ${label}.`);
}

/** The PSA's purchase order is not changed here: the admin is told to close it. */
async function withPsaWarning(ctx: CancelContext, order: PurchaseOrder, summary: string): Promise<CancelOutcome> {
	const psa = await ctx.psaPurchaseOrder(order.id);
	if (!psa) return { ok: true, summary };
	const label = DISTRIBUTOR_LABELS[order.distributor];
	return {
		ok: true,
		summary,
		warning: `Order ${order.poNumber} was canceled at ${label}, but ${psa} still lists it as open: close it there.`
	};
}

/** The distributor has nothing to cancel: the order and its lines are canceled here. */
async function cancelHere(ctx: CancelContext, orderId: string) {
	await ctx.write(async (tx) => {
		const current = await tx.get('purchaseOrders', orderId);
		if (!current) return;
		for (const line of await tx.byIndex('purchaseOrderLines', 'orderId', orderId)) {
			if (line.status !== 'canceled') {
				await tx.put('purchaseOrderLines', { ...line, status: 'canceled', updatedAt: ctx.now() });
			}
		}
		await tx.put('purchaseOrders', {
			...current,
			status: 'canceled',
			cancelRequestedAt: null,
			error: null,
			failure: null,
			updatedAt: ctx.now()
		});
	});
}

/** The distributor canceled it: the request is answered. */
async function settled(ctx: CancelContext, orderId: string) {
	await ctx.write(async (tx) => {
		const current = await tx.get('purchaseOrders', orderId);
		if (current) await tx.put('purchaseOrders', { ...current, cancelRequestedAt: null, updatedAt: ctx.now() });
	});
}

/** Refused: the order takes the status the distributor reports, and keeps the reason for the buyer. */
async function refused(
	ctx: CancelContext,
	order: PurchaseOrder,
	refusal: string,
	status: Parameters<typeof applyStatus>[2] | null
): Promise<CancelOutcome> {
	if (status) await applyStatus(ctx, order.id, status);
	await ctx.write(async (tx) => {
		const current = await tx.get('purchaseOrders', order.id);
		if (current) {
			await tx.put('purchaseOrders', {
				...current,
				cancelRequestedAt: null,
				cancelRefusal: refusal,
				updatedAt: ctx.now()
			});
		}
	});
	return { ok: true, summary: refusal };
}
