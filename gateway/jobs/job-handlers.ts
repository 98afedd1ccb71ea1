// What each kind of job does with its adapter's answer: the writes that replicate (lookups, linked
// users, imported charges, polled opportunities) and the summary the admin screen shows.

import type { Quote } from '../../shared/schema/entities.ts';
import type { PsaJobKind } from '../../shared/schema/psa-entities.ts';
import type { Provider } from '../../shared/psa/providers.ts';
import type { ChangedOpportunity, PsaAdapter, PsaResult, QuoteSynced, SyncContext } from '../psa/provider.ts';
import type { Store } from '../store/store.ts';
import { applySynchronized } from './apply-synchronized.ts';
import { refreshTickets, syncQuoteCharges } from './charge-sync.ts';
import { loadCompanyToSync, loadQuoteToSync } from './sync-inputs.ts';
import { createPsaPurchaseOrder, type LoadPurchaseOrderInput } from './psa-purchase-order.ts';
import { runReindex } from './reindex/reindex-job.ts';
import { runProductBillingCodes } from './product-billing-codes.ts';
import { runChargeImport } from './charge-import.ts';
import type { ReplicatedWriter } from './replicated-write.ts';

export type HandlerDeps = {
	store: Store;
	write: ReplicatedWriter;
	orgId: string;
	provider: Provider;
	now: number;
	/** The job being run: a re-index tells its own checkpoint from an earlier run's by it. */
	jobId: string;
	/** Reads a submitted distributor order for its PSA purchase order (the procurement module's). */
	loadPurchaseOrderInput?: LoadPurchaseOrderInput;
};
export type Handled = PsaResult<{ warnings: string[]; summary: string | null; quote?: QuoteSynced }>;

const done = (summary: string | null = null, warnings: string[] = []): Handled => ({
	ok: true,
	value: { warnings, summary }
});

export async function runHandler(
	kind: PsaJobKind,
	adapter: PsaAdapter,
	ctx: SyncContext,
	entityId: string,
	deps: HandlerDeps
): Promise<Handled> {
	switch (kind) {
		case 'syncQuote': {
			const input = await loadQuoteToSync(ctx.data, entityId);
			if (!input.ok) return input;
			const result = await adapter.syncQuote(ctx, input.value);
			if (!result.ok) return result;
			await recordOpportunity(ctx, input.value.quote, deps);
			return { ok: true, value: { warnings: result.value.warnings, summary: null, quote: result.value } };
		}
		case 'syncCompany': {
			const company = await loadCompanyToSync(ctx.data, entityId);
			if (!company.ok) return company;
			const result = await adapter.syncCompany(ctx, company.value);
			return result.ok ? done() : result;
		}
		case 'synchronize': {
			const result = await adapter.synchronize(ctx);
			if (!result.ok) return result;
			const summary = await applySynchronized(adapter, result.value, deps);
			const tickets = await refreshTickets(adapter, ctx, deps.provider);
			return tickets.ok ? done(adapter.ticketCharges ? `${summary} ${tickets.value} tickets.` : summary) : tickets;
		}
		case 'importTicketCharges':
			return runChargeImport(adapter, ctx, deps);
		case 'reindex':
			return runReindex(adapter, ctx, entityId, { ...deps, now: () => ctx.now() });
		case 'syncQuoteCharges': {
			const result = await syncQuoteCharges(adapter, ctx, deps.provider, entityId);
			return result.ok ? done(result.summary) : result;
		}
		case 'createPsaPurchaseOrder': {
			const result = await createPsaPurchaseOrder(adapter, ctx, deps.provider, entityId, deps.loadPurchaseOrderInput);
			return result.ok ? done(result.value.summary) : result;
		}
		case 'updateProductBillingCodes':
			return runProductBillingCodes(adapter, ctx, entityId, deps);
		case 'syncProduct': {
			// Asked for by a person: a PSA that cannot says so on the product's issue.
			if (!adapter.products)
				return { ok: false, kind: 'permanent', message: 'Syncing a product by itself is not supported by this PSA.' };
			const result = await adapter.products.sync(ctx, entityId);
			return result.ok ? done(`Product synced as PSA record ${result.value.externalId}.`) : result;
		}
		case 'pollOpportunities': {
			if (!adapter.pollOpportunities) return done('Not supported by this PSA.');
			if (ctx.settings.pollOpportunities !== true) return done('Opportunity polling is off.');
			const since = await readCursor(deps, 'opportunities.lastActivity');
			const result = await adapter.pollOpportunities(ctx, since === null ? null : Number(since));
			if (!result.ok) return result;
			await saveOpportunities(deps, result.value.changed);
			await writeCursor(deps, 'opportunities.lastActivity', String(result.value.watermark));
			return done(`${result.value.changed.length} opportunities changed.`);
		}
	}
}

/**
 * The opportunity a quote became, so the quote page can say so at once; its status and stage are the
 * PSA's labels, filled in by the opportunity poll.
 */
async function recordOpportunity(ctx: SyncContext, quote: Quote, deps: HandlerDeps): Promise<void> {
	const externalId = await ctx.links.get('opportunities', quote.id);
	if (!externalId) return;
	const id = `${deps.provider}-opportunity-${externalId}`;
	if (await ctx.data.get('opportunities', id)) return;
	await deps.write(deps.orgId, async (tx) => {
		await tx.put('opportunities', {
			id,
			provider: deps.provider,
			externalId,
			quoteId: quote.id,
			companyId: quote.companyId,
			title: quote.title,
			status: '',
			stage: '',
			amount: 0,
			lastActivityAt: deps.now
		});
	});
}

async function saveOpportunities(deps: HandlerDeps, changed: ChangedOpportunity[]) {
	if (changed.length === 0) return;
	await deps.write(deps.orgId, async (tx) => {
		for (const opportunity of changed) {
			const id = `${deps.provider}-opportunity-${opportunity.externalId}`;
			await tx.put('opportunities', { ...opportunity, id, provider: deps.provider });
		}
	});
}

async function readCursor(deps: HandlerDeps, name: string): Promise<string | null> {
	const row = await deps.store.db
		.selectFrom('psa_cursors')
		.select('value')
		.where('org_id', '=', deps.orgId)
		.where('provider', '=', deps.provider)
		.where('name', '=', name)
		.executeTakeFirst();
	return row?.value ?? null;
}

async function writeCursor(deps: HandlerDeps, name: string, value: string): Promise<void> {
	await deps.store.db
		.insertInto('psa_cursors')
		.values({ org_id: deps.orgId, provider: deps.provider, name, value })
		.onConflict((oc) => oc.columns(['org_id', 'provider', 'name']).doUpdateSet({ value }))
		.execute();
}
