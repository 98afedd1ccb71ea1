// Tests call an adapter the way the runner does: the quote (or company) read once by the runner's
// loader, then handed over.

import { loadCompanyToSync, loadQuoteToSync } from '../../jobs/sync-inputs.ts';
import type { PsaAdapter, SyncContext } from '../provider.ts';

export async function syncQuoteById(adapter: PsaAdapter, ctx: SyncContext, quoteId: string) {
	const input = await loadQuoteToSync(ctx.data, quoteId);
	return input.ok ? adapter.syncQuote(ctx, input.value) : input;
}

export async function syncCompanyById(adapter: PsaAdapter, ctx: SyncContext, companyId: string) {
	const company = await loadCompanyToSync(ctx.data, companyId);
	return company.ok ? adapter.syncCompany(ctx, company.value) : company;
}
