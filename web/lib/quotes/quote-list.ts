// The quote list's query: quotes newest-changed first, with their company names and totals.

import { quoteTotal } from '../../../shared/pricing/quote-totals.ts';
import type { Quote } from '../../../shared/schema/entities.ts';
import type { LocalDb } from '../platform/local-db.ts';

export type QuoteListItem = Quote & { companyName: string; total: number; lineCount: number };

export async function loadQuoteList(db: LocalDb): Promise<QuoteListItem[]> {
	const [quotes, companies, lines] = await Promise.all([
		db.quotes.orderBy('updatedAt').reverse().toArray(),
		db.companies.toArray(),
		db.quoteLines.toArray()
	]);
	const companyNames = new Map(companies.map((c) => [c.id, c.name]));
	const linesByQuote = new Map<string, typeof lines>();
	for (const line of lines) linesByQuote.set(line.quoteId, [...(linesByQuote.get(line.quoteId) ?? []), line]);
	return quotes.map((quote) => {
		const quoteLines = linesByQuote.get(quote.id) ?? [];
		return {
			...quote,
			companyName: companyNames.get(quote.companyId) ?? 'Unknown company',
			total: quoteTotal(quoteLines),
			lineCount: quoteLines.length
		};
	});
}

export function matchesSearch(item: QuoteListItem, search: string): boolean {
	const needle = search.trim().toLowerCase();
	if (!needle) return true;
	return [item.title, item.companyName, item.number ?? ''].some((field) => field.toLowerCase().includes(needle));
}
