// The local query behind the answer and print views: one quote with its lines in order, the quoted
// company and contact, and the MSP's own company (the one marked isMsp), whichever of them this
// device replicates. A customer contact, for one, does not replicate the MSP's company row.

import type { Contact } from '../../../shared/schema/catalog-entities.ts';
import type { Company, Quote, QuoteLine } from '../../../shared/schema/entities.ts';
import type { LocalDb } from '../platform/local-db.ts';
import { sortLines } from './quote-document.ts';

export type QuoteDocument = {
	quote: Quote;
	lines: QuoteLine[];
	company: Company | null;
	contact: Contact | null;
	msp: Company | null;
};

export async function loadQuoteDocument(db: LocalDb, id: string): Promise<QuoteDocument | null> {
	const quote = await db.quotes.get(id);
	if (!quote) return null;
	const [lines, company, contact, msp] = await Promise.all([
		db.quoteLines.where('quoteId').equals(id).toArray(),
		db.companies.get(quote.companyId),
		quote.contactId ? db.contacts.get(quote.contactId) : undefined,
		db.companies.filter((c) => c.isMsp).first()
	]);
	return { quote, lines: sortLines(lines), company: company ?? null, contact: contact ?? null, msp: msp ?? null };
}
