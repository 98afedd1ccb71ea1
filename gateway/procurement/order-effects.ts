// Purchase orders become distributor work here, in the push transaction: a submit (or a retry) queues
// the order's submission job, so a buyer who submitted offline has it placed when the phone reconnects.
// A submission already queued or running for the order is the one that will place it: nothing to add.
// A cancellation the buyer asks for queues the order's cancel job the same way.

import { enqueueJob } from '../jobs/job-store.ts';
import type { Effect } from '../sync/effects/effect-context.ts';

export const queueOrderSubmission: Effect<{ id: string }> = async (ctx, { id }) => {
	const order = await ctx.tx.get('purchaseOrders', id);
	if (!order) return;
	await enqueueJob(
		ctx.trx,
		{ orgId: ctx.orgId, provider: order.distributor, kind: 'submitPurchaseOrder', entityId: id, runAt: ctx.now },
		ctx.now
	);
};

export const queueOrderCancel: Effect<{ id: string }> = async (ctx, { id }) => {
	const order = await ctx.tx.get('purchaseOrders', id);
	if (!order || order.cancelRequestedAt === null) return;
	await enqueueJob(
		ctx.trx,
		{ orgId: ctx.orgId, provider: order.distributor, kind: 'cancelPlacedPurchaseOrder', entityId: id, runAt: ctx.now },
		ctx.now
	);
};
