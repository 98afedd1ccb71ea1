// The quote editor's query: one quote with its company and its lines in order.

import type { Company, Quote, QuoteLine } from '../../../shared/schema/entities.ts';
import type { LocalDb } from '../platform/local-db.ts';

export type QuoteDetail = { quote: Quote; company: Company | undefined; lines: QuoteLine[] } | null;

export async function loadQuoteDetail(db: LocalDb, id: string): Promise<QuoteDetail> {
	const quote = await db.quotes.get(id);
	if (!quote) return null;
	const [company, lines] = await Promise.all([
		db.companies.get(quote.companyId),
		db.quoteLines.where('quoteId').equals(id).toArray()
	]);
	lines.sort((a, b) => (a.position < b.position ? -1 : a.position > b.position ? 1 : a.id < b.id ? -1 : 1));
	return { quote, company, lines };
}
