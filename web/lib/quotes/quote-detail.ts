// The quote editor's query: one quote with its company, that company's contacts and the quote's
// lines, plus what the "changed on another device" watch needs from the outbox and rejections, all
// read in one transaction so a pull is seen whole (rows and acknowledgements together).

import type { Contact } from '../../../shared/schema/catalog-entities.ts';
import type { Company, Quote, QuoteLine } from '../../../shared/schema/entities.ts';
import type { LocalDb, OutboxEntry } from '../platform/local-db.ts';

export type QuoteDetail = {
	quote: Quote;
	company: Company | undefined;
	contacts: Contact[];
	/** In no particular order: the editor groups and sorts them. */
	lines: QuoteLine[];
	/** Ids of every mutation still waiting in the outbox. */
	pendingIds: number[];
	/** Outbox entries after the id the caller has already seen. */
	newEntries: OutboxEntry[];
	rejectedIds: number[];
};

export async function loadQuoteDetail(db: LocalDb, id: string, seenUpTo = 0): Promise<QuoteDetail | null> {
	return db.transaction(
		'r',
		[db.quotes, db.companies, db.contacts, db.quoteLines, db.outbox, db.rejections],
		async () => {
			const quote = await db.quotes.get(id);
			if (!quote) return null;
			const [company, contacts, lines, pendingIds, newEntries, rejectedIds] = await Promise.all([
				db.companies.get(quote.companyId),
				db.contacts.where('companyId').equals(quote.companyId).sortBy('name'),
				db.quoteLines.where('quoteId').equals(id).toArray(),
				db.outbox.toCollection().primaryKeys(),
				db.outbox.where('id').above(seenUpTo).toArray(),
				db.rejections.toArray().then((rs) => rs.map((r) => r.mutationID))
			]);
			return { quote, company, contacts, lines, pendingIds, newEntries, rejectedIds };
		}
	);
}
