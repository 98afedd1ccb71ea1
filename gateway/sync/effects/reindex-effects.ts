// Re-index mutations become jobs here, in the push transaction, like the issue mutations: a re-index
// asked for offline reaches the queue when the admin's device reconnects.

import { DomainError } from '../../../shared/errors.ts';
import type { Provider } from '../../../shared/psa/providers.ts';
import { isReindexableTable, recordScope, type ReindexEntity } from '../../../shared/psa/reindex.ts';
import { enqueueJob } from '../../jobs/job-store.ts';
import type { Effect } from './effect-context.ts';

export const enqueueReindex: Effect<{ provider: Provider; entity: ReindexEntity }> = async (ctx, args) => {
	const queued = await enqueueJob(
		ctx.trx,
		{ orgId: ctx.orgId, provider: args.provider, kind: 'reindex', entityId: args.entity, runAt: ctx.now },
		ctx.now
	);
	if (!queued.ok) throw DomainError.of('alreadySynchronizing');
};

/** A re-index of the same record already queued or running is already happening: nothing to add. */
export const enqueueRecordReindex: Effect<{ issueId: string }> = async (ctx, { issueId }) => {
	const issue = await ctx.tx.get('issues', issueId);
	if (!issue || !isReindexableTable(issue.entityTable)) return;
	await enqueueJob(
		ctx.trx,
		{
			orgId: ctx.orgId,
			provider: issue.provider,
			kind: 'reindex',
			entityId: recordScope(issue.entityTable, issue.entityId),
			runAt: ctx.now
		},
		ctx.now
	);
};
