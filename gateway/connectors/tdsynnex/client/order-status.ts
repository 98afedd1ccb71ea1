// A TD SYNNEX line code read as Outpost's order states, and the state of a whole PO from its lines
// (pure). The line codes are [UNVERIFIED] (../README.md); an unknown code reads as still processing,
// so polling goes on rather than closing an order too early.

export type LineStatus =
	'processing' | 'backordered' | 'on_hold' | 'partially_shipped' | 'shipped' | 'canceled' | 'rejected';

export type OrderStatusName =
	'processing' | 'backordered' | 'on_hold' | 'partially_shipped' | 'shipped' | 'canceled' | 'error';

const CODES: Record<string, LineStatus> = {
	accepted: 'processing',
	open: 'processing',
	processing: 'processing',
	released: 'processing',
	backorder: 'backordered',
	backordered: 'backordered',
	hold: 'on_hold',
	onhold: 'on_hold',
	'on hold': 'on_hold',
	shipped: 'shipped',
	invoiced: 'shipped',
	deleted: 'canceled',
	cancelled: 'canceled',
	canceled: 'canceled',
	rejected: 'rejected'
};

export function lineStatusOf(code: string, quantity: number, shippedQuantity: number): LineStatus {
	const status = CODES[code.trim().toLowerCase()] ?? 'processing';
	if (status === 'canceled' || status === 'rejected') return status;
	if (shippedQuantity >= quantity && quantity > 0) return 'shipped';
	if (shippedQuantity > 0) return 'partially_shipped';
	return status;
}

export function orderStatusOf(lines: readonly { status: LineStatus }[]): OrderStatusName {
	const live = lines.filter((l) => l.status !== 'canceled' && l.status !== 'rejected');
	if (lines.length === 0) return 'processing';
	if (live.length === 0) return lines.some((l) => l.status === 'rejected') ? 'error' : 'canceled';
	if (live.every((l) => l.status === 'shipped')) return 'shipped';
	if (live.some((l) => l.status === 'shipped' || l.status === 'partially_shipped')) return 'partially_shipped';
	if (live.some((l) => l.status === 'on_hold')) return 'on_hold';
	if (live.some((l) => l.status === 'backordered')) return 'backordered';
	return 'processing';
}
