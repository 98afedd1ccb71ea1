// The simulated order book: create (stock taken, backorders, rejected lines), details with the header
// status derived from the lines, search by customer PO, cancel, and the control's moves (ship, partial
// shipment, deliver, hold). Answers in the wire shapes of §4.4 and the SDK's OrderDetailB2B.

import { totalStock, type Catalog } from './catalog.ts';

export type SimShipment = {
	shipmentDate: string;
	carrierCode: string;
	carrierName: string;
	quantity: number;
	trackingNumber: string;
};

export type SimLine = {
	ingramOrderLineNumber: string;
	subOrderNumber: string;
	customerLineNumber: string;
	ingramPartNumber: string;
	vendorPartNumber: string;
	unitPrice: number;
	quantityOrdered: number;
	quantityBackOrdered: number;
	lineStatus: 'In Progress' | 'Backordered' | 'Shipped' | 'Delivered' | 'Canceled' | 'On Hold';
	shipments: SimShipment[];
};

export type SimOrder = {
	ingramOrderNumber: string;
	ingramOrderDate: string;
	customerOrderNumber: string;
	endCustomerOrderNumber: string | null;
	notes: string | null;
	currencyCode: string;
	lines: SimLine[];
	/** Never moves on by itself (the "slow order that stays in Processing"). */
	stayProcessing: boolean;
	/** Detail reads so far, for `autoShipAfterPolls`. */
	polls: number;
	/** Cancels carried out (a test's exactly-once count): at most one can succeed. */
	cancels: number;
};

export type CreateLine = {
	customerLineNumber: string;
	ingramPartNumber?: string;
	vendorPartNumber?: string;
	quantity: number;
	unitPrice?: number;
};
export type CreateBody = {
	customerOrderNumber: string;
	endCustomerOrderNumber?: string;
	notes?: string;
	acceptBackOrder?: boolean;
	lines: CreateLine[];
};
export type Rejected = {
	customerLinenumber: string;
	ingramPartNumber: string | null;
	vendorPartNumber: string | null;
	quantityOrdered: number;
	rejectCode: string;
	rejectReason: string;
};

export function orderStatus(order: SimOrder): string {
	const statuses = order.lines.map((l) => l.lineStatus);
	const every = (...s: SimLine['lineStatus'][]) => statuses.every((x) => s.includes(x));
	if (every('Canceled')) return 'Canceled';
	if (every('Delivered', 'Canceled')) return 'Delivered';
	if (every('Shipped', 'Delivered', 'Canceled')) return 'Shipped';
	if (statuses.includes('On Hold')) return 'On Hold';
	if (statuses.includes('Backordered')) return 'Backordered';
	return 'Processing';
}

export type OrderBook = ReturnType<typeof createOrderBook>;

/** Called after an order moved on: the simulator's webhooks (webhooks.ts) post it. */
export type OrderMoved = (
	order: SimOrder,
	eventType: 'im::order_shipped' | 'im::order_delivered' | 'im::order_hold'
) => void;

export function createOrderBook(deps: {
	catalog: Catalog;
	now: () => number;
	autoShipAfterPolls: number | null;
	onMoved?: OrderMoved;
}) {
	const orders = new Map<string, SimOrder>();
	let next = 0;
	let tracking = 0;
	const today = () => new Date(deps.now()).toISOString().slice(0, 10);

	const moved: OrderMoved = (order, eventType) => deps.onMoved?.(order, eventType);

	function ship(order: SimOrder, partial: boolean) {
		const before = JSON.stringify(order.lines);
		shipLines(order, partial);
		if (JSON.stringify(order.lines) !== before) moved(order, 'im::order_shipped');
	}

	function shipLines(order: SimOrder, partial: boolean) {
		for (const line of order.lines) {
			if (line.lineStatus !== 'In Progress' && line.lineStatus !== 'Backordered') continue;
			const shipped = line.shipments.reduce((n, s) => n + s.quantity, 0);
			const open = line.quantityOrdered - shipped;
			const inStock = open - line.quantityBackOrdered;
			const quantity = partial ? Math.max(1, Math.floor(open / 2)) : Math.max(inStock, 0);
			if (quantity <= 0) continue;
			tracking += 1;
			line.shipments.push({
				shipmentDate: today(),
				carrierCode: 'UP',
				carrierName: 'UPS GROUND',
				quantity,
				trackingNumber: `1Z999AA1${String(tracking).padStart(10, '0')}`
			});
			const left = open - quantity;
			line.quantityBackOrdered = left;
			line.lineStatus = left > 0 ? 'Backordered' : 'Shipped';
		}
	}

	return {
		create(body: CreateBody): { order: SimOrder | null; rejected: Rejected[] } {
			const rejected: Rejected[] = [];
			const accepted: SimLine[] = [];
			next += 1;
			const ingramOrderNumber = `20-SIM${String(next).padStart(4, '0')}`;
			for (const line of body.lines) {
				const product = deps.catalog.find(line);
				const reject = (rejectCode: string, rejectReason: string) =>
					rejected.push({
						customerLinenumber: line.customerLineNumber,
						ingramPartNumber: product?.ingramPartNumber ?? line.ingramPartNumber ?? null,
						vendorPartNumber: product?.vendorPartNumber ?? line.vendorPartNumber ?? null,
						quantityOrdered: line.quantity,
						rejectCode,
						rejectReason
					});
				if (!product) {
					reject('NF', 'Invalid SKU: product not found');
					continue;
				}
				if (product.discontinued) {
					reject('DS', 'Product discontinued');
					continue;
				}
				const backorderable = product.acceptBackOrder && body.acceptBackOrder !== false;
				if (totalStock(product) < line.quantity && !backorderable) {
					reject('OS', 'Out of stock: backorder not accepted');
					continue;
				}
				const backordered = deps.catalog.take(product, line.quantity);
				accepted.push({
					ingramOrderLineNumber: String(accepted.length + 1).padStart(3, '0'),
					subOrderNumber: `${ingramOrderNumber}-11`,
					customerLineNumber: line.customerLineNumber,
					ingramPartNumber: product.ingramPartNumber,
					vendorPartNumber: product.vendorPartNumber,
					unitPrice: line.unitPrice ?? product.customerPrice,
					quantityOrdered: line.quantity,
					quantityBackOrdered: backordered,
					lineStatus: backordered > 0 ? 'Backordered' : 'In Progress',
					shipments: []
				});
			}
			if (accepted.length === 0) return { order: null, rejected };
			const order: SimOrder = {
				ingramOrderNumber,
				ingramOrderDate: today(),
				customerOrderNumber: body.customerOrderNumber,
				endCustomerOrderNumber: body.endCustomerOrderNumber ?? null,
				notes: body.notes ?? null,
				currencyCode: 'USD',
				lines: accepted,
				stayProcessing: false,
				polls: 0,
				cancels: 0
			};
			orders.set(ingramOrderNumber.toUpperCase(), order);
			return { order, rejected };
		},
		get: (ingramOrderNumber: string) => orders.get(ingramOrderNumber.toUpperCase()),
		all: () => [...orders.values()],
		byPo: (po: string) =>
			[...orders.values()].filter((o) => o.customerOrderNumber.toLowerCase() === po.trim().toLowerCase()),
		/** A detail read: orders move on by themselves after `autoShipAfterPolls` reads, unless held. */
		poll(order: SimOrder) {
			order.polls += 1;
			const after = deps.autoShipAfterPolls;
			if (after !== null && !order.stayProcessing && order.polls >= after && orderStatus(order) === 'Processing')
				ship(order, false);
		},
		ship,
		deliver(order: SimOrder) {
			for (const line of order.lines) if (line.lineStatus === 'Shipped') line.lineStatus = 'Delivered';
			moved(order, 'im::order_delivered');
		},
		hold(order: SimOrder) {
			for (const line of order.lines) if (line.lineStatus === 'In Progress') line.lineStatus = 'On Hold';
			moved(order, 'im::order_hold');
		},
		/** Answers why not when the order is canceled already or was released to the warehouse (something shipped). */
		cancel(order: SimOrder): 'canceled' | 'already_canceled' | 'released' {
			if (order.lines.every((l) => l.lineStatus === 'Canceled')) return 'already_canceled';
			if (order.lines.some((l) => l.shipments.length > 0 || l.lineStatus === 'Canceled')) return 'released';
			order.cancels += 1;
			for (const line of order.lines) {
				const product = deps.catalog.find(line);
				const taken = line.quantityOrdered - line.quantityBackOrdered;
				if (product && taken > 0 && product.warehouses[0]) product.warehouses[0].quantityAvailable += taken;
				line.lineStatus = 'Canceled';
			}
			return 'canceled';
		}
	};
}

export function createAnswer(order: SimOrder | null, po: string, rejected: Rejected[]) {
	if (!order)
		return {
			customerOrderNumber: po,
			purchaseOrderTotal: 0,
			orderSplit: false,
			processedPartially: false,
			orders: [],
			rejectedLineItems: rejected
		};
	const total = order.lines.reduce((n, l) => n + l.unitPrice * l.quantityOrdered, 0);
	return {
		customerOrderNumber: po,
		purchaseOrderTotal: total,
		orderSplit: false,
		processedPartially: rejected.length > 0,
		orders: [
			{
				ingramOrderNumber: order.ingramOrderNumber,
				ingramOrderDate: order.ingramOrderDate,
				orderType: 'S',
				orderTotal: total,
				freightCharges: 0,
				totalTax: 0,
				currencyCode: order.currencyCode,
				numberOfLinesWithSuccess: order.lines.length,
				numberOfLinesWithError: rejected.length,
				numberOfLinesWithWarning: 0,
				lines: order.lines.map((l) => ({
					subOrderNumber: l.subOrderNumber,
					ingramLineNumber: l.ingramOrderLineNumber,
					customerLineNumber: l.customerLineNumber,
					lineStatus: l.lineStatus === 'Backordered' ? 'Backordered' : 'Open',
					ingramPartNumber: l.ingramPartNumber,
					unitPrice: l.unitPrice,
					extendedUnitPrice: l.unitPrice * l.quantityOrdered,
					quantityOrdered: l.quantityOrdered,
					quantityConfirmed: l.quantityOrdered - l.quantityBackOrdered,
					quantityBackOrdered: l.quantityBackOrdered
				})),
				links: [{ topic: 'orders', href: `/resellers/v6.1/orders/${order.ingramOrderNumber}`, type: 'GET' }],
				rejectedLineItems: rejected
			}
		]
	};
}

export function detailAnswer(order: SimOrder) {
	return {
		ingramOrderNumber: order.ingramOrderNumber,
		ingramOrderDate: order.ingramOrderDate,
		orderType: 'S',
		customerOrderNumber: order.customerOrderNumber,
		endCustomerOrderNumber: order.endCustomerOrderNumber,
		orderStatus: orderStatus(order),
		orderTotal: order.lines.reduce((n, l) => n + l.unitPrice * l.quantityOrdered, 0),
		currencyCode: order.currencyCode,
		notes: order.notes,
		lines: order.lines.map((l) => ({
			subOrderNumber: l.subOrderNumber,
			ingramOrderLineNumber: l.ingramOrderLineNumber,
			customerLineNumber: l.customerLineNumber,
			lineStatus: l.lineStatus,
			ingramPartNumber: l.ingramPartNumber,
			vendorPartNumber: l.vendorPartNumber,
			unitPrice: l.unitPrice,
			extendedPrice: l.unitPrice * l.quantityOrdered,
			quantityOrdered: l.quantityOrdered,
			quantityConfirmed: l.quantityOrdered - l.quantityBackOrdered,
			quantityBackOrdered: l.quantityBackOrdered,
			shipmentDetails: l.shipments.map((s) => ({
				shipmentDate: s.shipmentDate,
				carrierCode: s.carrierCode,
				carrierName: s.carrierName,
				quantity: s.quantity,
				packageDetails: [{ trackingNumber: s.trackingNumber }]
			}))
		}))
	};
}

export function searchEntry(order: SimOrder) {
	return {
		ingramOrderNumber: order.ingramOrderNumber,
		ingramOrderDate: order.ingramOrderDate,
		customerOrderNumber: order.customerOrderNumber,
		orderTotal: order.lines.reduce((n, l) => n + l.unitPrice * l.quantityOrdered, 0),
		orderStatus: orderStatus(order),
		links: { topic: 'orders', href: `/resellers/v6.1/orders/${order.ingramOrderNumber}`, type: 'GET' }
	};
}
