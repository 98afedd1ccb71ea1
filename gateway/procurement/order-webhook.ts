// What a verified order webhook does (Ingram Micro's, issue 13): the event names orders, and each of
// the organisation's placed orders it names is read again from the distributor through the same port,
// status mapping and applyStatus the poll uses, written and replicated like the poll's writes. The
// event's own statuses are not applied: Ingram signs only the event id, not the body (see
// ../connectors/ingrammicro/README.md), so the body says which order to look at, never what it is.

import type { DistributorName } from '../../shared/schema/distributor-entities.ts';
import type { PurchaseOrder } from '../../shared/schema/purchase-order-entities.ts';
import type { Tx } from '../../shared/sync/tx.ts';
import { syncWriter, type ReplicatedWriter } from '../jobs/replicated-write.ts';
import type { OutpostReader } from '../psa/provider.ts';
import { applyStatus } from './apply-status.ts';
import type { OrderPort, PortFailure } from './order-port.ts';

/** Orders read per event at most (an event names one order; a split PO a few). */
export const ORDERS_PER_EVENT = 5;

export type EventOrderRef = { orderNumber?: string; customerOrderNumber?: string };

/** The organisation's placed orders at this distributor that the event names, by order or PO number. */
export function ordersNamed(orders: PurchaseOrder[], distributor: DistributorName, refs: EventOrderRef[]) {
	const numbers = new Set(refs.flatMap((r) => (r.orderNumber ? [r.orderNumber.toUpperCase()] : [])));
	const pos = new Set(refs.flatMap((r) => (r.customerOrderNumber ? [r.customerOrderNumber.toLowerCase()] : [])));
	return orders
		.filter((o) => o.distributor === distributor && o.placedAt !== null)
		.filter(
			(o) => pos.has(o.poNumber.toLowerCase()) || o.distributorOrderIds.some((id) => numbers.has(id.toUpperCase()))
		)
		.slice(0, ORDERS_PER_EVENT);
}

export type WebhookApplyDeps = {
	data: OutpostReader;
	write: ReplicatedWriter;
	now(): number;
	/** Opened only when the event names an order of the organisation. */
	openPort(): Promise<{ ok: true; port: OrderPort } | PortFailure>;
};

export type WebhookOutcome = { ok: true; orders: number; changed: number } | PortFailure;

export async function applyOrderEvent(
	deps: WebhookApplyDeps,
	orgId: string,
	distributor: DistributorName,
	refs: EventOrderRef[]
): Promise<WebhookOutcome> {
	const named = ordersNamed(await deps.data.all('purchaseOrders'), distributor, refs);
	if (named.length === 0) return { ok: true, orders: 0, changed: 0 };
	const opened = await deps.openPort();
	if (!opened.ok) return opened;
	const write = syncWriter(deps.write, distributor, 'orderWebhook');
	const ctx = { write: <T>(fn: (tx: Tx) => Promise<T>) => write(orgId, (tx) => fn(tx)), now: deps.now };
	let changed = 0;
	for (const order of named) {
		const status = await opened.port.status(order.poNumber, order.distributorOrderIds);
		if (!status.ok) return status;
		if (status.value && (await applyStatus(ctx, order.id, status.value))) changed++;
	}
	return { ok: true, orders: named.length, changed };
}
