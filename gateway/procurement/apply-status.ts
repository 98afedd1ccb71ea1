// What the distributor says of a placed order, written to the order and its lines: the order's status
// and order numbers, each line's status and tracking. Held and canceled lines are the buyer's: kept.

import type { PurchaseOrder, PurchaseOrderLine } from '../../shared/schema/purchase-order-entities.ts';
import type { Tx } from '../../shared/sync/tx.ts';
import type { DistributorStatus } from './order-port.ts';

type Writer = { write<T>(fn: (tx: Tx) => Promise<T>): Promise<T>; now(): number };

export async function applyStatus(ctx: Writer, orderId: string, status: DistributorStatus): Promise<boolean> {
	return ctx.write(async (tx) => {
		const order = await tx.get('purchaseOrders', orderId);
		if (!order) return false;
		const now = ctx.now();
		const byNumber = new Map(status.lines.map((l) => [l.lineNumber, l]));
		let changed = false;
		for (const line of await tx.byIndex('purchaseOrderLines', 'orderId', orderId)) {
			if (line.status === 'held' || line.status === 'canceled' || line.status === 'open') continue;
			const reported = byNumber.get(line.lineNumber);
			const next: PurchaseOrderLine = {
				...line,
				status: reported?.status ?? lineFromOrder(status.status, line.status),
				tracking: reported ? [...new Set([...line.tracking, ...reported.tracking])].slice(0, 20) : line.tracking
			};
			if (next.status !== line.status || next.tracking.length !== line.tracking.length) {
				await tx.put('purchaseOrderLines', { ...next, updatedAt: now });
				changed = true;
			}
		}
		const next: PurchaseOrder = {
			...order,
			status: status.status,
			distributorOrderIds: status.orderIds.length > 0 ? status.orderIds.slice(0, 20) : order.distributorOrderIds,
			error: null,
			failure: null,
			checkedAt: now
		};
		const moved = next.status !== order.status || order.error !== null;
		await tx.put('purchaseOrders', moved || changed ? { ...next, updatedAt: now } : next);
		return moved || changed;
	});
}

/** A line the distributor did not list follows its order. */
function lineFromOrder(
	status: DistributorStatus['status'],
	current: PurchaseOrderLine['status']
): PurchaseOrderLine['status'] {
	return status === 'error' ? current : status;
}
