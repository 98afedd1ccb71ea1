// The local queries behind the ordering side of /procurement and the order screen: accepted quotes,
// their lines and companies, purchase orders and their lines, the products and distributors that say
// where a line is ordered, read from this device only.

import type { PurchaseOrder, PurchaseOrderLine } from '../../../shared/schema/purchase-order-entities.ts';
import type { Product } from '../../../shared/schema/catalog-entities.ts';
import type { Quote } from '../../../shared/schema/entities.ts';
import type { LocalDb } from '../platform/local-db.ts';
import {
	awaitingChoices,
	orderCost,
	quotesToAdd,
	type AwaitingChoice,
	type OrderingFacts,
	type QuoteToAdd
} from './combine-quotes.ts';
import {
	awaitingQuotes,
	draftsByDistributor,
	submittedOrders,
	type DraftGroup,
	type SubmittedOrder
} from './order-queue.ts';

export type OrderingQueue = {
	awaiting: AwaitingChoice[];
	drafts: DraftGroup[];
	submitted: SubmittedOrder[];
	/** Lines of each order, for counts on the cards. */
	lineCounts: Map<string, number>;
	/** What each order costs, for the cards. */
	costs: Map<string, number>;
};

/** Accepted quotes, their companies, and what says which of their lines are still to order. */
async function readAccepted(db: LocalDb, orderLines: readonly PurchaseOrderLine[], products?: readonly Product[]) {
	const [quotes, companies, distributors] = await Promise.all([
		db.quotes.where('status').equals('accepted').toArray(),
		db.companies.toArray(),
		db.distributors.toArray()
	]);
	const quoteLines = await db.quoteLines
		.where('quoteId')
		.anyOf(quotes.map((q) => q.id))
		.toArray();
	// Only the products those lines name: the catalog can be far larger than what was accepted.
	const named = [...new Set(quoteLines.flatMap((l) => (l.productId ? [l.productId] : [])))];
	const lineProducts = products ?? (await db.products.bulkGet(named)).filter((p): p is Product => !!p);
	const facts: OrderingFacts = {
		quoteLines,
		products: new Map(lineProducts.map((p) => [p.id, p])),
		orderLines,
		distributors
	};
	return { quotes, companies: new Map(companies.map((c) => [c.id, c.name])), facts };
}

export async function loadOrderingQueue(db: LocalDb): Promise<OrderingQueue> {
	const [orders, lines] = await Promise.all([db.purchaseOrders.toArray(), db.purchaseOrderLines.toArray()]);
	const { quotes, companies, facts } = await readAccepted(db, lines);
	const byOrder = new Map<string, PurchaseOrderLine[]>();
	for (const line of lines) byOrder.set(line.orderId, [...(byOrder.get(line.orderId) ?? []), line]);
	return {
		awaiting: awaitingChoices(awaitingQuotes(quotes, lines, companies), orders, facts),
		drafts: draftsByDistributor(orders),
		submitted: submittedOrders(orders, lines),
		lineCounts: new Map([...byOrder].map(([id, own]) => [id, own.length])),
		costs: new Map([...byOrder].map(([id, own]) => [id, orderCost(own)]))
	};
}

export type OrderDetail = {
	order: PurchaseOrder;
	lines: PurchaseOrderLine[];
	/** Every order on this device: where a re-sourced line lands. */
	orders: PurchaseOrder[];
	products: Product[];
	/** The quotes the order's lines come from, by id (number and title). */
	quotes: Map<string, Quote>;
	/** Accepted quotes a draft can take more lines from; empty past the draft. */
	toAdd: QuoteToAdd[];
};

/** One order with its lines in line order; null when it is not on this device. */
export async function loadOrderDetail(db: LocalDb, orderId: string): Promise<OrderDetail | null> {
	const order = await db.purchaseOrders.get(orderId);
	if (!order) return null;
	const [lines, orders, products, quotes, allLines] = await Promise.all([
		db.purchaseOrderLines.where('orderId').equals(orderId).toArray(),
		db.purchaseOrders.toArray(),
		db.products.toArray(),
		db.quotes.bulkGet(order.quoteIds),
		db.purchaseOrderLines.toArray()
	]);
	const accepted = order.status === 'draft' ? await readAccepted(db, allLines, products) : null;
	return {
		order,
		lines: lines.sort((a, b) => a.lineNumber - b.lineNumber || a.id.localeCompare(b.id)),
		orders,
		products,
		quotes: new Map(quotes.flatMap((q) => (q ? [[q.id, q] as const] : []))),
		toAdd: accepted ? quotesToAdd(order, accepted.quotes, accepted.companies, accepted.facts) : []
	};
}
