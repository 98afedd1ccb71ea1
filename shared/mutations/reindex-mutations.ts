// Re-index (Admin › Tools › Maintenance, and "Re-index this record" on a sync issue). Like the issue
// mutations, these only mark intent so an admin can ask offline; the gateway's server effects enqueue
// the re-index job in the same transaction, and the job reports on the `reindexRuns` row.

import { z } from 'zod';
import { DomainError } from '../errors.ts';
import { provider, PROVIDERS, type Provider } from '../psa/providers.ts';
import { isReindexableTable, NO_COUNTS, reindexEntity, reindexRunId } from '../psa/reindex.ts';
import { REINDEX_LABELS } from '../psa/reindex.ts';
import { id } from '../schema/entities.ts';
import type { ReindexRun } from '../schema/psa-entities.ts';
import type { Tx } from '../sync/tx.ts';
import { defineMutation } from './define.ts';

async function markQueued(
	tx: Tx,
	run: Omit<ReindexRun, 'state' | 'counts' | 'startedAt' | 'finishedAt' | 'message' | 'done' | 'total'>
) {
	const previous = await tx.get('reindexRuns', run.id);
	await tx.put('reindexRuns', {
		counts: NO_COUNTS,
		done: 0,
		total: 0,
		startedAt: null,
		finishedAt: null,
		message: '',
		// The last result stays on screen until the new run starts.
		...previous,
		...run,
		state: 'queued'
	});
}

async function requireConnected(tx: Tx, name: Provider) {
	if (!(await tx.get('integrations', name))?.configured) throw DomainError.of('integrationNotConfigured');
}

export const reindexEntities = defineMutation({
	name: 'reindexEntities',
	permission: 'admin',
	stores: ['integrations', 'reindexRuns'],
	args: z.object({ provider, entity: reindexEntity }).strict(),
	async apply(tx, args, ctx) {
		await requireConnected(tx, args.provider);
		const runId = reindexRunId(args.provider, args.entity);
		const previous = await tx.get('reindexRuns', runId);
		if (previous?.state === 'queued' || previous?.state === 'running') throw DomainError.of('alreadySynchronizing');
		await markQueued(tx, {
			id: runId,
			provider: args.provider,
			entity: args.entity,
			label: REINDEX_LABELS[args.entity],
			updatedAt: ctx.now
		});
	}
});

export const reindexRecord = defineMutation({
	name: 'reindexRecord',
	permission: 'admin',
	stores: ['issues', 'integrations', 'reindexRuns'],
	/** The sync issue whose record is re-indexed; the issue is retried once the record's links are repaired. */
	args: z.object({ issueId: id }).strict(),
	async apply(tx, { issueId }, ctx) {
		const issue = await tx.get('issues', issueId);
		// Cleared meanwhile: nothing left to repair.
		if (!issue) return;
		// A distributor's issue (a purchase order) has no PSA links to re-index.
		const provider = PROVIDERS.find((p) => p === issue.provider);
		if (!isReindexableTable(issue.entityTable) || !provider) throw DomainError.of('notReindexable');
		await requireConnected(tx, provider);
		await tx.put('issues', { ...issue, state: 'retrying' });
		await markQueued(tx, {
			id: reindexRunId(provider, 'record'),
			provider,
			entity: 'record',
			label: issue.entityLabel,
			updatedAt: ctx.now
		});
	}
});
