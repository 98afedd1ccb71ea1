// PSA mutations become jobs here, in the push transaction: a retry tapped offline on a phone reaches
// the queue when that phone reconnects, and a sync already queued or running answers "Already synchronizing".

import { DomainError } from '../../../shared/errors.ts';
import { PROVIDERS, type Provider } from '../../../shared/psa/providers.ts';
import type { Issue } from '../../../shared/schema/psa-entities.ts';
import { enqueueJob } from '../../jobs/job-store.ts';
import type { Effect, EffectContext } from './effect-context.ts';

async function connectedProvider(ctx: EffectContext): Promise<Provider> {
	for (const provider of PROVIDERS) {
		if ((await ctx.tx.get('integrations', provider))?.configured) return provider;
	}
	throw DomainError.of('integrationNotConfigured');
}

async function requeue(ctx: EffectContext, issue: Issue): Promise<void> {
	await enqueueJob(
		ctx.trx,
		{ orgId: ctx.orgId, provider: issue.provider, kind: issue.operation, entityId: issue.entityId, runAt: ctx.now },
		ctx.now
	);
}

export const enqueueQuoteSync: Effect = async (ctx, args) => {
	const provider = await connectedProvider(ctx);
	const queued = await enqueueJob(
		ctx.trx,
		{ orgId: ctx.orgId, provider, kind: 'syncQuote', entityId: String(args.quoteId), runAt: ctx.now },
		ctx.now
	);
	if (!queued.ok) throw DomainError.of('alreadySynchronizing');
};

export const enqueueSynchronize: Effect = async (ctx, args) => {
	const provider = String(args.provider);
	const queued = await enqueueJob(
		ctx.trx,
		{ orgId: ctx.orgId, provider, kind: 'synchronize', entityId: provider, runAt: ctx.now },
		ctx.now
	);
	if (!queued.ok) throw DomainError.of('alreadySynchronizing');
};

/** A retry of something already queued or running is already happening: nothing to add. */
export const requeueIssue: Effect = async (ctx, args) => {
	const issue = await ctx.tx.get('issues', String(args.id));
	if (issue) await requeue(ctx, issue);
};

export const requeueIssues: Effect = async (ctx, args) => {
	const issues =
		typeof args.rootCause === 'string'
			? await ctx.tx.byIndex('issues', 'rootCause', args.rootCause)
			: await ctx.tx.all('issues');
	for (const issue of issues) await requeue(ctx, issue);
};

/** Turning an import or the poll on runs it at once, rather than at the scheduler's next round. */
export const runWhatWasTurnedOn: Effect = async (ctx, args) => {
	const provider = String(args.provider);
	const settings = (args.settings ?? {}) as Record<string, unknown>;
	const kinds = [
		...(settings.importTicketCharges === true ? (['importTicketCharges'] as const) : []),
		...(settings.pollOpportunities === true ? (['pollOpportunities'] as const) : [])
	];
	for (const kind of kinds) {
		await enqueueJob(ctx.trx, { orgId: ctx.orgId, provider, kind, entityId: provider, runAt: ctx.now }, ctx.now);
	}
};
