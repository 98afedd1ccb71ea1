// What an adapter is handed for a quote or company job, read once here from the replicated rows, so no
// adapter reads them again and every PSA sees the same lines in the same order.

import type { Company } from '../../shared/schema/entities.ts';
import type { OutpostReader, PsaResult, QuoteToSync } from '../psa/provider.ts';

export const SYNC_INPUT_MESSAGES = {
	quoteGone: 'The quote no longer exists in Outpost.',
	companyGone: 'The company no longer exists in Outpost.'
} as const;

const gone = (message: string) => ({ ok: false, kind: 'permanent', message }) as const;

export async function loadQuoteToSync(data: OutpostReader, quoteId: string): Promise<PsaResult<QuoteToSync>> {
	const quote = await data.get('quotes', quoteId);
	if (!quote) return gone(SYNC_INPUT_MESSAGES.quoteGone);
	const company = await data.get('companies', quote.companyId);
	if (!company) return gone(SYNC_INPUT_MESSAGES.companyGone);
	const lines = (await data.byIndex('quoteLines', 'quoteId', quote.id)).sort((a, b) =>
		a.position === b.position ? (a.id < b.id ? -1 : 1) : a.position < b.position ? -1 : 1
	);
	const contact = quote.contactId ? ((await data.get('contacts', quote.contactId)) ?? null) : null;
	const owner = (await data.get('users', quote.ownerId)) ?? null;
	return { ok: true, value: { quote, lines, company, contact, owner } };
}

export async function loadCompanyToSync(data: OutpostReader, companyId: string): Promise<PsaResult<Company>> {
	const company = await data.get('companies', companyId);
	return company ? { ok: true, value: company } : gone(SYNC_INPUT_MESSAGES.companyGone);
}
