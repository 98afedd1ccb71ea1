// The quote list's queries: the quotes with their company names (small, shown at once), and the
// per-quote totals, which read every line and so arrive a moment later without holding the list up.

import type { LocalDb } from '../platform/local-db.ts';
import type { QuoteListItem } from './quote-list-filter.ts';
import { summarizeQuotes, type QuoteSummary } from './quote-summaries.ts';

export async function loadQuoteList(db: LocalDb): Promise<QuoteListItem[]> {
	const [quotes, companies] = await Promise.all([db.quotes.toArray(), db.companies.toArray()]);
	const companyNames = new Map(companies.map((c) => [c.id, c.name]));
	return quotes.map((quote) => ({ ...quote, companyName: companyNames.get(quote.companyId) ?? 'Unknown company' }));
}

export const NO_SUMMARIES: ReadonlyMap<string, QuoteSummary> = new Map();
export const NO_NAMES: ReadonlyMap<string, string> = new Map();

export async function loadQuoteSummaries(db: LocalDb): Promise<Map<string, QuoteSummary>> {
	return summarizeQuotes(await db.quoteLines.toArray());
}

/** Colleagues' names by user id, from the staff directory every member of staff replicates. */
export async function loadOwnerNames(db: LocalDb): Promise<Map<string, string>> {
	return new Map((await db.staff.toArray()).map((u) => [u.id, u.name]));
}
