// Combining quotes into one purchase order (issue 13: "lines of several quotes can be combined into one
// purchase order"), pure: which lines of each accepted quote are still to order and the distributor each
// goes to (the rules orderQuote applies), so a draft's screen offers only quotes with lines for its
// distributor, and the queue offers "Add to draft" only when all of a quote's lines go to a distributor
// that has a draft (addQuoteToPurchaseOrder adds only the lines for the draft's distributor).

import { distributorFor, isEditable, needsProcurement } from '../../../shared/procurement/purchase-order-rules.ts';
import { quoteTotal } from '../../../shared/pricing/quote-totals.ts';
import type { Product } from '../../../shared/schema/catalog-entities.ts';
import type { Distributor, DistributorName } from '../../../shared/schema/distributor-entities.ts';
import type { Quote, QuoteLine } from '../../../shared/schema/entities.ts';
import type { PurchaseOrder, PurchaseOrderLine } from '../../../shared/schema/purchase-order-entities.ts';
import type { AwaitingQuote } from './order-queue.ts';

export type OrderingFacts = {
	quoteLines: readonly QuoteLine[];
	products: ReadonlyMap<string, Product>;
	/** Every purchase order line on this device: a line on a live one is ordered already. */
	orderLines: readonly PurchaseOrderLine[];
	distributors: readonly Distributor[];
};

/** Lines still to order, by the distributor they go to; null: no distributor has ordering on. */
export type Unordered = Map<DistributorName | null, number>;

/** A quote's lines that need buying and are on no live order, counted by where they are ordered. */
export function unorderedLines(quoteId: string, facts: OrderingFacts): Unordered {
	const ordered = new Set(
		facts.orderLines.filter((l) => l.quoteId === quoteId && l.status !== 'canceled').map((l) => l.quoteLineId)
	);
	const counts: Unordered = new Map();
	for (const line of facts.quoteLines) {
		if (line.quoteId !== quoteId || ordered.has(line.id)) continue;
		const product = line.productId ? facts.products.get(line.productId) : undefined;
		if (!needsProcurement(line, product)) continue;
		const distributor = distributorFor(product, facts.distributors);
		counts.set(distributor, (counts.get(distributor) ?? 0) + 1);
	}
	return counts;
}

export type QuoteToAdd = {
	quote: Quote;
	companyName: string | null;
	/** Lines still to order that go to the draft's distributor. */
	lines: number;
	/** Lines still to order from another distributor: they stay in the queue. */
	elsewhere: number;
};

/**
 * The accepted quotes a draft can take lines from: those with a line still to order from the draft's
 * distributor, newest first. None for an order past the draft.
 */
export function quotesToAdd(
	order: PurchaseOrder,
	quotes: readonly Quote[],
	companies: ReadonlyMap<string, string>,
	facts: OrderingFacts
): QuoteToAdd[] {
	if (!isEditable(order)) return [];
	return quotes
		.filter((q) => q.status === 'accepted')
		.sort((a, b) => b.updatedAt - a.updatedAt || a.id.localeCompare(b.id))
		.flatMap((quote) => {
			const counts = unorderedLines(quote.id, facts);
			const lines = counts.get(order.distributor) ?? 0;
			if (lines === 0) return [];
			const all = [...counts.values()].reduce((sum, n) => sum + n, 0);
			return [{ quote, companyName: companies.get(quote.companyId) ?? null, lines, elsewhere: all - lines }];
		});
}

/**
 * The draft a quote's lines can join: the oldest draft of the one distributor every line still to
 * order goes to; null when they go to two (ordering anew drafts one per distributor) or to none.
 */
export function draftToJoin(counts: Unordered, orders: readonly PurchaseOrder[]): PurchaseOrder | null {
	const targets = [...counts.keys()];
	const only = targets.length === 1 ? targets[0] : null;
	if (!only) return null;
	return (
		orders
			.filter((o) => o.distributor === only && isEditable(o))
			.sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id))[0] ?? null
	);
}

export type AwaitingChoice = AwaitingQuote & {
	/** The quote's one-time total, as the quote list shows it. */
	total: number;
	/** A draft the quote's lines can be added to instead of ordering anew. */
	join: PurchaseOrder | null;
};

/** Each awaiting quote with its total and the draft it can join. */
export function awaitingChoices(
	awaiting: readonly AwaitingQuote[],
	orders: readonly PurchaseOrder[],
	facts: OrderingFacts
): AwaitingChoice[] {
	return awaiting.map((item) => ({
		...item,
		total: quoteTotal(facts.quoteLines.filter((l) => l.quoteId === item.quote.id)),
		join: draftToJoin(unorderedLines(item.quote.id, facts), orders)
	}));
}

/** What an order costs: its lines that are not canceled, quantity times unit cost. */
export const orderCost = (lines: readonly PurchaseOrderLine[]): number =>
	lines.filter((l) => l.status !== 'canceled').reduce((sum, l) => sum + l.quantity * l.unitCost, 0);

/** How a quote is named where lines are grouped by it: its number (once it has one) and title. */
export function quoteLabel(quote: Pick<Quote, 'number' | 'title'> | undefined): string {
	const title = quote?.title || 'Untitled quote';
	return quote?.number ? `${quote.number} · ${title}` : title;
}

export type LineGroup = { quoteId: string; label: string; lines: PurchaseOrderLine[] };

/** An order's lines grouped by the quote they come from, in the order's quote order, lines kept in order. */
export function linesByQuote(
	order: Pick<PurchaseOrder, 'quoteIds'>,
	lines: readonly PurchaseOrderLine[],
	quotes: ReadonlyMap<string, Pick<Quote, 'number' | 'title'>>
): LineGroup[] {
	const ids = [...new Set([...order.quoteIds, ...lines.map((l) => l.quoteId)])];
	return ids.flatMap((quoteId) => {
		const own = lines.filter((l) => l.quoteId === quoteId);
		return own.length ? [{ quoteId, label: quoteLabel(quotes.get(quoteId)), lines: own }] : [];
	});
}
