// The local queries behind the ordering side of /procurement and the order screen: accepted quotes,
// their companies, purchase orders and their lines, read from this device only.

import type { PurchaseOrder, PurchaseOrderLine } from '../../../shared/schema/purchase-order-entities.ts';
import type { Product } from '../../../shared/schema/catalog-entities.ts';
import type { LocalDb } from '../platform/local-db.ts';
import {
	awaitingQuotes,
	draftsByDistributor,
	submittedOrders,
	type AwaitingQuote,
	type DraftGroup,
	type SubmittedOrder
} from './order-queue.ts';

export type OrderingQueue = {
	awaiting: AwaitingQuote[];
	drafts: DraftGroup[];
	submitted: SubmittedOrder[];
	/** Lines of each order, for counts on the cards. */
	lineCounts: Map<string, number>;
};

export async function loadOrderingQueue(db: LocalDb): Promise<OrderingQueue> {
	const [quotes, orders, lines, companies] = await Promise.all([
		db.quotes.where('status').equals('accepted').toArray(),
		db.purchaseOrders.toArray(),
		db.purchaseOrderLines.toArray(),
		db.companies.toArray()
	]);
	const lineCounts = new Map<string, number>();
	for (const line of lines) lineCounts.set(line.orderId, (lineCounts.get(line.orderId) ?? 0) + 1);
	return {
		awaiting: awaitingQuotes(quotes, lines, new Map(companies.map((c) => [c.id, c.name]))),
		drafts: draftsByDistributor(orders),
		submitted: submittedOrders(orders, lines),
		lineCounts
	};
}

export type OrderDetail = {
	order: PurchaseOrder;
	lines: PurchaseOrderLine[];
	/** Every order on this device: where a re-sourced line lands. */
	orders: PurchaseOrder[];
	products: Product[];
	quoteTitles: Map<string, string>;
};

/** One order with its lines in line order; null when it is not on this device. */
export async function loadOrderDetail(db: LocalDb, orderId: string): Promise<OrderDetail | null> {
	const order = await db.purchaseOrders.get(orderId);
	if (!order) return null;
	const [lines, orders, products, quotes] = await Promise.all([
		db.purchaseOrderLines.where('orderId').equals(orderId).toArray(),
		db.purchaseOrders.toArray(),
		db.products.toArray(),
		db.quotes.bulkGet(order.quoteIds)
	]);
	return {
		order,
		lines: lines.sort((a, b) => a.lineNumber - b.lineNumber || a.id.localeCompare(b.id)),
		orders,
		products,
		quoteTitles: new Map(quotes.flatMap((q) => (q ? [[q.id, q.title] as const] : [])))
	};
}
