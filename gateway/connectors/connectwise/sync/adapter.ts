// The ConnectWise PSA adapter (gateway/psa/provider.ts): quotes as opportunities with forecast items,
// companies, the connection test, and Synchronize (opportunity statuses and every active member).
// Retries, budgets and user linking belong to the runner.

import { eq } from '../client/conditions.ts';
import type { PsaAdapter, PsaPerson, PsaResult, SyncContext, Synchronized } from '../../../psa/provider.ts';
import { ensureCompany } from './ensure-company.ts';
import { personOf } from './mapping.ts';
import { lift } from '../failure.ts';
import { startRun } from './run.ts';
import { syncQuote } from './sync-quote.ts';
import { openConnectwiseReindex } from './reindex.ts';
import { createPurchaseOrder } from './purchase-orders.ts';

export { connectwiseCredentialsSchema } from '../client/credentials.ts';
export { connectwiseSettingsSchema } from './settings.ts';

/** §2.5: the most ConnectWise answers per page. */
const PAGE_SIZE = 1000;

export function createConnectwiseAdapter(): PsaAdapter {
	return {
		provider: 'connectwise',
		createsMissingUsers: true,
		async testConnection(ctx) {
			const run = startRun(ctx);
			if (!run.ok) return run;
			const info = lift(await run.value.client.systemInfo());
			if (!info.ok) return info;
			return { ok: true, value: { summary: `ConnectWise PSA ${info.value.version}` } };
		},
		async syncQuote(ctx, input) {
			const run = startRun(ctx);
			return run.ok ? syncQuote(run.value, input) : run;
		},
		async syncCompany(ctx, companyRow) {
			const run = startRun(ctx);
			if (!run.ok) return run;
			const company = await ensureCompany(run.value, companyRow);
			return company.ok ? { ok: true, value: { externalId: String(company.value.id) } } : company;
		},
		synchronize,
		async createPurchaseOrder(ctx, input) {
			const run = startRun(ctx);
			return run.ok ? createPurchaseOrder(ctx, run.value, input) : run;
		},
		openReindex: openConnectwiseReindex
	};
}

export const connectwiseAdapter = createConnectwiseAdapter();

/** Opportunity statuses for the admin screen, and every active member page by page. */
async function synchronize(ctx: SyncContext): Promise<PsaResult<Synchronized>> {
	const run = startRun(ctx);
	if (!run.ok) return run;
	const { client } = run.value;
	const statuses = lift(await client.listAll('opportunityStatuses', { pageSize: PAGE_SIZE }));
	if (!statuses.ok) return statuses;
	const people: PsaPerson[] = [];
	const query = { conditions: [eq('inactiveFlag', false)], orderBy: 'id asc', pageSize: PAGE_SIZE };
	for await (const page of client.pages('members', query)) {
		if (!page.ok) return lift(page);
		people.push(...page.value.map(personOf));
		ctx.progress(people.length, people.length);
	}
	const opportunityStatuses = statuses.value.map((s) => ({
		value: String(s.id),
		label: s.name,
		active: s.inactiveFlag !== true
	}));
	return { ok: true, value: { lookups: { opportunityStatuses }, people } };
}
