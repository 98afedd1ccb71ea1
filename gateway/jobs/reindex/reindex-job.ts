// The re-index job (kind 'reindex'): for an entity type, or for one record (`quotes/<id>`), checks each
// Outpost → PSA link with the adapter's own lookups, repairs what it can, and counts the verdicts on
// the replicated `reindexRuns` row the maintenance screen shows. Each record's result, link change and
// checkpoint commit together, so a run that stops (a restart, a spent budget, a retry) resumes after
// the last finished record. Every PSA call goes through the runner's budgeted fetch.

import { PROVIDER_LABELS, type Provider } from '../../../shared/psa/providers.ts';
import {
	NO_COUNTS,
	parseScope,
	REINDEX_LABELS,
	reindexRunId,
	type ReindexEntity,
	type ReindexVerdict
} from '../../../shared/psa/reindex.ts';
import type { ReindexRun } from '../../../shared/schema/psa-entities.ts';
import type { Tx } from '../../../shared/sync/tx.ts';
import type { PsaAdapter, PsaFailure, PsaResult, ReindexLookup, SyncContext } from '../../psa/provider.ts';
import { readEntities } from '../../store/entity-reader.ts';
import type { HandlerDeps, Handled } from '../job-handlers.ts';
import { enqueueJob } from '../job-store.ts';
import { decideLink } from './decide-link.ts';
import { linkHolder } from './link-holders.ts';
import { clearCheckpoint, readCheckpoint, writeCheckpoint, type CheckpointKey } from './reindex-checkpoint.ts';
import { countEntityTargets, entityTargets, recordTargets, type Target } from './reindex-targets.ts';
import { openUsersLookup } from './users-lookup.ts';

export type ReindexDeps = Omit<HandlerDeps, 'now'> & { now(): number };

const BATCH = 50;

const permanent = (message: string): PsaFailure => ({ ok: false, kind: 'permanent', message });

export async function runReindex(
	adapter: PsaAdapter,
	ctx: SyncContext,
	scope: string,
	deps: ReindexDeps
): Promise<Handled> {
	const parsed = parseScope(scope);
	if (!parsed) return permanent(`Outpost cannot re-index "${scope}".`);
	const key: CheckpointKey = { orgId: deps.orgId, provider: deps.provider, scope };
	const runId = reindexRunId(deps.provider, parsed.kind === 'entity' ? parsed.entity : 'record');
	const saved = await readCheckpoint(deps.store.db, key);
	const checkpoint = saved?.job === deps.jobId ? saved : { job: deps.jobId, after: null, position: 0 };

	const targets =
		parsed.kind === 'record' ? await recordTargets(deps.store, deps.orgId, parsed.table, parsed.id) : null;
	if (saved?.job !== deps.jobId) {
		const total =
			parsed.kind === 'entity' ? await countEntityTargets(deps.store, deps, parsed.entity) : targets!.length;
		await deps.write(deps.orgId, async (tx, trx) => {
			// A one-record run keeps the label the issue gave it ("Quote Q-1042 · Acme").
			const label =
				parsed.kind === 'entity'
					? REINDEX_LABELS[parsed.entity]
					: ((await tx.get('reindexRuns', runId))?.label ?? `${parsed.table} ${parsed.id}`);
			await tx.put('reindexRuns', freshRun(runId, deps.provider, parsed, label, total, deps.now()));
			await writeCheckpoint(trx, key, checkpoint);
		});
	}

	const lookups = await openLookups(adapter, ctx, deps, parsed.kind === 'entity' ? parsed.entity : null);
	if (!lookups.ok) return failRun(deps, runId, lookups);
	if (parsed.kind === 'entity' && !lookups.value[parsed.entity]) {
		const message = `${PROVIDER_LABELS[deps.provider]} keeps no ${REINDEX_LABELS[parsed.entity].toLowerCase()} linked to Outpost: nothing to re-index.`;
		return finishRun(deps, key, runId, message);
	}

	const step = async (target: Target, next: { after: string | null; position: number }) => {
		const lookup = lookups.value[target.kind];
		const result = lookup ? await checkOne(deps, lookup, target) : null;
		if (result && !result.ok) return result;
		await deps.write(deps.orgId, async (tx, trx) => {
			if (result?.value.change) {
				await linkHolder(deps.store, deps.orgId, deps.provider, target.kind).apply(
					tx,
					trx,
					target.localId,
					result.value.change
				);
			}
			await countVerdict(tx, runId, result?.value.verdict ?? 'unchanged', deps.now());
			await writeCheckpoint(trx, key, { job: deps.jobId, ...next });
		});
		return null;
	};

	if (targets) {
		for (let position = checkpoint.position; position < targets.length; position++) {
			const failed = await step(targets[position]!, { after: null, position: position + 1 });
			if (failed) return failRun(deps, runId, failed);
		}
	} else if (parsed.kind === 'entity') {
		let after = checkpoint.after;
		for (;;) {
			const ids = await entityTargets(deps.store, deps, parsed.entity, after, BATCH);
			if (ids.length === 0) break;
			for (const localId of ids) {
				const failed = await step({ kind: parsed.entity, localId }, { after: localId, position: 0 });
				if (failed) return failRun(deps, runId, failed);
				after = localId;
			}
		}
	}
	const finished = await finishRun(deps, key, runId, '');
	if (parsed.kind === 'record') await retryIssuesOf(deps, parsed.table, parsed.id);
	return finished;
}

async function openLookups(
	adapter: PsaAdapter,
	ctx: SyncContext,
	deps: ReindexDeps,
	entity: ReindexEntity | null
): Promise<PsaResult<Partial<Record<ReindexEntity, ReindexLookup>>>> {
	if (entity === 'users') {
		const users = await openUsersLookup(adapter, ctx, deps);
		return users.ok ? { ok: true, value: { users: users.value } } : users;
	}
	if (!adapter.openReindex) return { ok: true, value: {} };
	return adapter.openReindex(ctx);
}

/** The link first; the adapter's markers and natural keys only when the link no longer leads anywhere. */
async function checkOne(deps: ReindexDeps, lookup: ReindexLookup, target: Target) {
	const linked = await linkHolder(deps.store, deps.orgId, deps.provider, target.kind).read(target.localId);
	let stillThere = false;
	if (linked !== null) {
		const exists = await lookup.exists(linked);
		if (!exists.ok) return exists;
		stillThere = exists.value;
	}
	if (stillThere) return { ok: true as const, value: decideLink(linked, true, []) };
	const candidates = await lookup.candidates(target.localId);
	if (!candidates.ok) return candidates;
	return { ok: true as const, value: decideLink(linked, false, candidates.value) };
}

function freshRun(
	id: string,
	provider: Provider,
	parsed: NonNullable<ReturnType<typeof parseScope>>,
	label: string,
	total: number,
	now: number
): ReindexRun {
	return {
		id,
		provider,
		entity: parsed.kind === 'entity' ? parsed.entity : 'record',
		label: label.slice(0, 300),
		state: 'running',
		done: 0,
		total,
		counts: NO_COUNTS,
		startedAt: now,
		updatedAt: now,
		finishedAt: null,
		message: ''
	};
}

async function countVerdict(tx: Tx, runId: string, verdict: ReindexVerdict, now: number) {
	const run = await tx.get('reindexRuns', runId);
	if (!run) return;
	const counts = { ...run.counts, [verdict]: run.counts[verdict] + 1 };
	// Links added while the run went (a sync in between) may make it visit more than it counted at the start.
	const done = run.done + 1;
	await tx.put('reindexRuns', {
		...run,
		state: 'running',
		done,
		total: Math.max(run.total, done),
		counts,
		updatedAt: now
	});
}

function summaryOf(run: ReindexRun | undefined): string {
	if (!run) return '';
	const { relinked, unlinked, unchanged, undecided } = run.counts;
	return `${run.label}: ${relinked} re-linked, ${unlinked} unlinked, ${unchanged} unchanged, ${undecided} could not be decided.`;
}

async function finishRun(deps: ReindexDeps, key: CheckpointKey, runId: string, message: string): Promise<Handled> {
	const summary = await deps.write(deps.orgId, async (tx, trx) => {
		const run = await tx.get('reindexRuns', runId);
		await clearCheckpoint(trx, key);
		if (!run) return message;
		const undecided =
			run.counts.undecided > 0 ? `${run.counts.undecided} records match several PSA records: link them by hand.` : '';
		const now = deps.now();
		await tx.put('reindexRuns', {
			...run,
			state: 'done',
			updatedAt: now,
			finishedAt: now,
			message: (message || undecided).slice(0, 2_000)
		});
		return message || summaryOf(run);
	});
	return { ok: true, value: { warnings: [], summary } };
}

/** Transient failures are retried by the runner and resume from the checkpoint; the row says why it waits. */
async function failRun(deps: ReindexDeps, runId: string, failure: PsaFailure): Promise<Handled> {
	await deps.write(deps.orgId, async (tx) => {
		const run = await tx.get('reindexRuns', runId);
		if (!run) return;
		const state = failure.kind === 'permanent' ? 'failed' : 'running';
		await tx.put('reindexRuns', { ...run, state, message: failure.message.slice(0, 2_000), updatedAt: deps.now() });
	});
	return failure;
}

/** With its links repaired, the record's failed syncs run again: a success clears their issues. */
async function retryIssuesOf(deps: ReindexDeps, table: string, id: string): Promise<void> {
	const issues = (await readIssues(deps)).filter(
		(i) => i.entityTable === table && i.entityId === id && i.provider === deps.provider && i.operation !== 'reindex'
	);
	for (const issue of issues) {
		await enqueueJob(
			deps.store.db,
			{
				orgId: deps.orgId,
				provider: issue.provider,
				kind: issue.operation,
				entityId: issue.entityId,
				runAt: deps.now()
			},
			deps.now()
		);
	}
}

async function readIssues(deps: ReindexDeps) {
	return readEntities(deps.store.db, deps.orgId, 'issues');
}
