// The distributors' order and line states in Outpost's words (Submitted, Processing, Backordered, On
// Hold, Shipped, Delivered, Canceled, Error). Pure; an unknown state reads as still processing, so
// polling goes on rather than closing an order too early.

import type { OrderStatus as IngramOrderStatus } from '../connectors/ingrammicro/client/orders.ts';
import type { LineStatus, OrderStatusName } from '../connectors/tdsynnex/client/order-status.ts';
import type { DistributorOrderStatus, DistributorStatus } from './order-port.ts';

type LineState = DistributorStatus['lines'][number]['status'];

const INGRAM: Record<IngramOrderStatus, DistributorOrderStatus> = {
	Processing: 'processing',
	Backordered: 'backordered',
	'On Hold': 'on_hold',
	Shipped: 'shipped',
	Delivered: 'delivered',
	Canceled: 'canceled'
};

export const orderStatusFromName = (status: IngramOrderStatus): DistributorOrderStatus => INGRAM[status];

/** Ingram's line status text ("In Progress", "Backordered", "Shipped", …). */
export function lineStatusFromText(text: string): LineState {
	const t = text.toLowerCase();
	if (t.includes('deliver')) return 'delivered';
	if (t.includes('ship')) return 'shipped';
	if (t.includes('backorder')) return 'backordered';
	if (t.includes('hold')) return 'on_hold';
	if (t.includes('cancel')) return 'canceled';
	return 'processing';
}

/** A partial shipment waits for the rest: Backordered, with the tracking of what did ship. */
const TD_ORDER: Record<OrderStatusName, DistributorOrderStatus> = {
	processing: 'processing',
	backordered: 'backordered',
	on_hold: 'on_hold',
	partially_shipped: 'backordered',
	shipped: 'shipped',
	canceled: 'canceled',
	error: 'error'
};
const TD_LINE: Record<LineStatus, LineState> = {
	processing: 'processing',
	backordered: 'backordered',
	on_hold: 'on_hold',
	partially_shipped: 'backordered',
	shipped: 'shipped',
	canceled: 'canceled',
	rejected: 'error'
};

export const tdOrderStatus = (status: OrderStatusName): DistributorOrderStatus => TD_ORDER[status];
export const tdLineStatus = (status: LineStatus): LineState => TD_LINE[status];
