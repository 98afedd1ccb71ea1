// PSA mutations become jobs here, in the push transaction: a retry tapped offline on a phone reaches
// the queue when that phone reconnects, and a sync already queued or running answers "Already synchronizing".

import { DomainError } from '../../../shared/errors.ts';
import { PROVIDERS, type Provider } from '../../../shared/psa/providers.ts';
import type { IntegrationSettings, Issue } from '../../../shared/schema/psa-entities.ts';
import { enqueueJob } from '../../jobs/job-store.ts';
import type { Effect, EffectContext } from './effect-context.ts';

async function connectedProvider(ctx: EffectContext): Promise<Provider> {
	for (const provider of PROVIDERS) {
		if ((await ctx.tx.get('integrations', provider))?.configured) return provider;
	}
	throw DomainError.of('integrationNotConfigured');
}

/** A quote sync's issue may name its contact or a product: the job to run again is the quote's. */
export function jobEntityOf(issue: Pick<Issue, 'operation' | 'entityId' | 'quoteId'>): string {
	return issue.operation === 'syncQuote' && issue.quoteId ? issue.quoteId : issue.entityId;
}

async function requeue(ctx: EffectContext, issue: Issue): Promise<void> {
	await enqueueJob(
		ctx.trx,
		{ orgId: ctx.orgId, provider: issue.provider, kind: issue.operation, entityId: jobEntityOf(issue), runAt: ctx.now },
		ctx.now
	);
}

export const enqueueQuoteSync: Effect<{ quoteId: string }> = async (ctx, { quoteId }) => {
	const provider = await connectedProvider(ctx);
	const queued = await enqueueJob(
		ctx.trx,
		{ orgId: ctx.orgId, provider, kind: 'syncQuote', entityId: quoteId, runAt: ctx.now },
		ctx.now
	);
	if (!queued.ok) throw DomainError.of('alreadySynchronizing');
};

/** A product sent by itself (seeds: "Retry the product sync"); one already queued or running answers so. */
export const enqueueProductSync: Effect<{ productId: string }> = async (ctx, { productId }) => {
	const provider = await connectedProvider(ctx);
	const queued = await enqueueJob(
		ctx.trx,
		{ orgId: ctx.orgId, provider, kind: 'syncProduct', entityId: productId, runAt: ctx.now },
		ctx.now
	);
	if (!queued.ok) throw DomainError.of('alreadySynchronizing');
};

export const enqueueSynchronize: Effect<{ provider: Provider }> = async (ctx, { provider }) => {
	const queued = await enqueueJob(
		ctx.trx,
		{ orgId: ctx.orgId, provider, kind: 'synchronize', entityId: provider, runAt: ctx.now },
		ctx.now
	);
	if (!queued.ok) throw DomainError.of('alreadySynchronizing');
};

/** A retry of something already queued or running is already happening: nothing to add. */
export const requeueIssue: Effect<{ id: string }> = async (ctx, { id }) => {
	const issue = await ctx.tx.get('issues', id);
	if (issue) await requeue(ctx, issue);
};

export const requeueIssues: Effect<{ rootCause?: string }> = async (ctx, { rootCause }) => {
	const issues =
		rootCause === undefined ? await ctx.tx.all('issues') : await ctx.tx.byIndex('issues', 'rootCause', rootCause);
	for (const issue of issues) await requeue(ctx, issue);
};

/** Turning an import or the poll on runs it at once, rather than at the scheduler's next round. */
export const runWhatWasTurnedOn: Effect<{ provider: Provider; settings: Partial<IntegrationSettings> }> = async (
	ctx,
	{ provider, settings }
) => {
	const kinds = [
		...(settings.importTicketCharges === true ? (['importTicketCharges'] as const) : []),
		...(settings.pollOpportunities === true ? (['pollOpportunities'] as const) : [])
	];
	for (const kind of kinds) {
		await enqueueJob(ctx.trx, { orgId: ctx.orgId, provider, kind, entityId: provider, runAt: ctx.now }, ctx.now);
	}
};
