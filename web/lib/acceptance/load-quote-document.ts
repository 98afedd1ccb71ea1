// The local query behind the answer and print views: one quote with its lines in order, the quoted
// company and contact, and who sends it: the organisation profile (every reader replicates it), else
// the MSP's own company (the one marked isMsp), which a customer contact does not replicate.

import type { Contact } from '../../../shared/schema/catalog-entities.ts';
import type { Company, Quote, QuoteLine } from '../../../shared/schema/entities.ts';
import { ORG_PROFILE_ID, type OrgProfile } from '../../../shared/schema/org-profile-entities.ts';
import type { LocalDb } from '../platform/local-db.ts';
import { sortLines } from './quote-document.ts';

export type QuoteDocument = {
	quote: Quote;
	lines: QuoteLine[];
	company: Company | null;
	contact: Contact | null;
	sender: Sender | null;
};

/** The letterhead: the MSP's name, address and logo. */
/** The letterhead: who sends the quote (the support contact is for the MSP's own people). */
export type Sender = Pick<OrgProfile, 'name' | 'addressLines' | 'phone' | 'email' | 'website' | 'logo'>;

export async function loadQuoteDocument(db: LocalDb, id: string): Promise<QuoteDocument | null> {
	const quote = await db.quotes.get(id);
	if (!quote) return null;
	const [lines, company, contact, profile, msp] = await Promise.all([
		db.quoteLines.where('quoteId').equals(id).toArray(),
		db.companies.get(quote.companyId),
		quote.contactId ? db.contacts.get(quote.contactId) : undefined,
		db.orgProfile.get(ORG_PROFILE_ID),
		db.companies.filter((c) => c.isMsp).first()
	]);
	return {
		quote,
		lines: sortLines(lines),
		company: company ?? null,
		contact: contact ?? null,
		sender: senderOf(profile, msp)
	};
}

function senderOf(profile: OrgProfile | undefined, msp: Company | undefined): Sender | null {
	if (profile) {
		const { name, addressLines, phone, email, website, logo } = profile;
		return { name, addressLines, phone, email, website, logo };
	}
	return msp ? { name: msp.name, addressLines: [], phone: '', email: '', website: '', logo: null } : null;
}
