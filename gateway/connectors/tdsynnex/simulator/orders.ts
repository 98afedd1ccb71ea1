// The simulated TD SYNNEX orders: a PO is accepted whole or refused whole (every line must be
// orderable), keeps the customer PO number, takes stock, and then moves line by line through
// accepted → (backordered | hold) → shipped with packages, by the control or by time in sandbox mode.

import { stockOf, takeStock, type Catalog } from './catalog.ts';

export type SimLineCode = 'accepted' | 'backordered' | 'hold' | 'shipped' | 'deleted';

export type SimPackage = { trackingNumber: string; quantity: number; shippedAt: string };

export type SimLine = {
	lineNumber: number;
	sku: string;
	mfgPN: string;
	description: string;
	quantity: number;
	unitPriceCents: number;
	orderNumber: string;
	code: SimLineCode;
	shipped: number;
	packages: SimPackage[];
	eta: string | null;
};

export type SimOrder = {
	poNumber: string;
	customerNumber: string;
	createdAt: number;
	/** The slow PO: accepted, then it never moves until released. */
	stuck: boolean;
	lines: SimLine[];
};

export type OrderRequestLine = { lineNumber: number; sku: string; quantity: number; unitPriceCents: number | null };

export type SubmitOutcome =
	| { kind: 'accepted'; order: SimOrder }
	| { kind: 'duplicate' }
	| { kind: 'refused'; lines: { lineNumber: number; sku: string; quantity: number; reason: string | null }[] };

export type Orders = {
	submit(input: {
		poNumber: string;
		customerNumber: string;
		backorder: boolean;
		lines: OrderRequestLine[];
		forceBackorder: boolean;
		stuck: boolean;
	}): SubmitOutcome;
	/** The first order with this PO number for the customer. */
	find(customerNumber: string, poNumber: string): SimOrder | undefined;
	/** Every order stored with this PO number: more than one is a duplicate order. */
	count(poNumber: string): number;
	all(): SimOrder[];
	ship(poNumber: string, options?: { lineNumber?: number; quantity?: number; trackingNumber?: string }): void;
	setStuck(poNumber: string, stuck: boolean): void;
	/** Sandbox mode: orders older than `afterMs` ship (backordered lines after three times that). */
	progress(afterMs: number): void;
};

export function createOrders(opts: {
	catalog: Catalog;
	now: () => number;
	/** TD SYNNEX refuses a PO number it already has (§5.2 [3P]); a test may turn that off. */
	rejectDuplicates: boolean;
	firstOrderNumber: number;
}): Orders {
	const orders: SimOrder[] = [];
	let nextOrderNumber = opts.firstOrderNumber;
	let nextTracking = 1;
	const stamp = () => new Date(opts.now()).toISOString().slice(0, 19);
	const byPo = (poNumber: string) => {
		const order = orders.find((o) => o.poNumber === poNumber);
		if (!order) throw new Error(`The TD SYNNEX simulator has no PO ${poNumber}.`);
		return order;
	};
	const shipLine = (line: SimLine, quantity: number, trackingNumber?: string) => {
		const count = Math.min(quantity, line.quantity - line.shipped);
		if (count <= 0) return;
		line.shipped += count;
		line.packages.push({
			trackingNumber: trackingNumber ?? `1Z999AA1${String(nextTracking++).padStart(10, '0')}`,
			quantity: count,
			shippedAt: stamp()
		});
		line.code = 'shipped';
	};

	return {
		submit(input) {
			if (
				opts.rejectDuplicates &&
				orders.some((o) => o.customerNumber === input.customerNumber && o.poNumber === input.poNumber)
			) {
				return { kind: 'duplicate' };
			}
			const checked = input.lines.map((line) => {
				const product = opts.catalog.bySku(line.sku);
				let reason: string | null = null;
				if (!product) reason = 'SKU not found';
				else if (product.status === 'Discontinued') reason = 'Item discontinued';
				else if (stockOf(product) < line.quantity && !input.backorder && !input.forceBackorder) {
					reason = 'Out of stock';
				}
				return { line, product, reason };
			});
			if (checked.some((c) => c.reason)) {
				return {
					kind: 'refused',
					lines: checked.map(({ line, reason }) => ({
						lineNumber: line.lineNumber,
						sku: line.sku,
						quantity: line.quantity,
						reason
					}))
				};
			}
			const orderNumber = String(nextOrderNumber++);
			const order: SimOrder = {
				poNumber: input.poNumber,
				customerNumber: input.customerNumber,
				createdAt: opts.now(),
				stuck: input.stuck,
				lines: checked.map(({ line, product }) => {
					const inStock = !input.forceBackorder && takeStock(product!, line.quantity);
					return {
						lineNumber: line.lineNumber,
						sku: line.sku,
						mfgPN: product!.mfgPN,
						description: product!.description,
						quantity: line.quantity,
						unitPriceCents: line.unitPriceCents ?? product!.priceCents,
						orderNumber,
						code: input.stuck ? 'accepted' : inStock ? 'accepted' : 'backordered',
						shipped: 0,
						packages: [],
						eta: inStock ? null : new Date(opts.now() + 14 * 86_400_000).toISOString().slice(0, 10)
					};
				})
			};
			orders.push(order);
			return { kind: 'accepted', order };
		},
		find: (customerNumber, poNumber) =>
			orders.find((o) => o.customerNumber === customerNumber && o.poNumber === poNumber),
		count: (poNumber) => orders.filter((o) => o.poNumber === poNumber).length,
		all: () => [...orders],
		ship(poNumber, options = {}) {
			const order = byPo(poNumber);
			const lines = order.lines.filter((l) => options.lineNumber === undefined || l.lineNumber === options.lineNumber);
			if (lines.length === 0) throw new Error(`PO ${poNumber} has no line ${options.lineNumber}.`);
			for (const line of lines) shipLine(line, options.quantity ?? line.quantity, options.trackingNumber);
		},
		setStuck(poNumber, stuck) {
			byPo(poNumber).stuck = stuck;
		},
		progress(afterMs) {
			const now = opts.now();
			for (const order of orders) {
				if (order.stuck) continue;
				for (const line of order.lines) {
					const wait = line.code === 'backordered' ? afterMs * 3 : afterMs;
					if (line.code !== 'deleted' && now - order.createdAt >= wait) shipLine(line, line.quantity);
				}
			}
		}
	};
}
