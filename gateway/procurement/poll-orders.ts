// Follows a distributor's open orders (job kind pollPurchaseOrders, one per organisation and
// distributor): the least recently checked first, a bounded number a run, so polling stays inside the
// distributor's rate budget. A failure stops the run: the runner retries it, then opens an issue.

import type { DistributorName } from '../../shared/schema/distributor-entities.ts';
import type { PurchaseOrder } from '../../shared/schema/purchase-order-entities.ts';
import { applyStatus } from './apply-status.ts';
import type { OrderPort } from './order-port.ts';
import type { OrderJobContext, OrderOutcome } from './submit-order.ts';

/** Orders read per run: with one call each (two for a split Ingram order), well inside an hour's budget. */
export const ORDERS_PER_POLL = 25;

/** TD SYNNEX reports no delivery, so a shipped order there is done; Ingram's goes on to Delivered. */
export function isFollowed(order: PurchaseOrder, distributor: DistributorName): boolean {
	if (order.distributor !== distributor || order.placedAt === null) return false;
	if (order.status === 'shipped') return distributor === 'ingrammicro';
	return order.status === 'processing' || order.status === 'backordered' || order.status === 'on_hold';
}

export async function pollOrders(
	port: OrderPort,
	ctx: Pick<OrderJobContext, 'data' | 'write' | 'now'>,
	distributor: DistributorName
): Promise<OrderOutcome> {
	const open = (await ctx.data.all('purchaseOrders'))
		.filter((order) => isFollowed(order, distributor))
		.sort((a, b) => (a.checkedAt ?? 0) - (b.checkedAt ?? 0) || (a.id < b.id ? -1 : 1))
		.slice(0, ORDERS_PER_POLL);
	let moved = 0;
	for (const order of open) {
		const status = await port.status(order.poNumber, order.distributorOrderIds);
		if (!status.ok) return status;
		if (status.value && (await applyStatus(ctx, order.id, status.value))) moved++;
	}
	return { ok: true, summary: `${open.length} orders checked, ${moved} changed.` };
}
