// Durable PSA jobs in the store. A job holds its entity's lock from enqueue until it ends, so a second
// sync of the same entity is refused ("Already synchronizing"). One tenant (organisation and PSA) runs
// one job at a time across every replica, so two quotes of a new company never both create it.

import { sql, type Kysely, type Transaction } from 'kysely';
import type { JobKind } from '../../shared/schema/psa-entities.ts';
import type { Database } from '../store/schema.ts';
import type { Store } from '../store/store.ts';

export type Job = Database['jobs'];
export type JobRequest = {
	orgId: string;
	provider: string;
	kind: JobKind;
	entityId: string;
	runAt: number;
	requestedBy?: string | null;
};
export type Enqueued = { ok: true; id: string } | { ok: false; reason: 'locked'; id: string };

type Db = Kysely<Database> | Transaction<Database>;

export const lockKeyOf = (r: Pick<JobRequest, 'orgId' | 'provider' | 'kind' | 'entityId'>) =>
	`${r.orgId}|${r.provider}|${r.kind}|${r.entityId}`;

/** Inserts the job unless one for the same entity is queued or running. Safe inside a push transaction. */
export async function enqueueJob(db: Db, request: JobRequest, now: number): Promise<Enqueued> {
	const lockKey = lockKeyOf(request);
	const id = crypto.randomUUID();
	const inserted = await db
		.insertInto('jobs')
		.values({
			id,
			org_id: request.orgId,
			provider: request.provider,
			kind: request.kind,
			entity_id: request.entityId,
			lock_key: lockKey,
			status: 'queued',
			attempts: 0,
			retries: 0,
			run_at: request.runAt,
			lease_until: null,
			last_error: null,
			requested_by: request.requestedBy ?? null,
			created_at: now,
			updated_at: now
		})
		.onConflict((oc) => oc.column('lock_key').doNothing())
		.returning('id')
		.executeTakeFirst();
	if (inserted) return { ok: true, id };
	const holder = await db.selectFrom('jobs').select('id').where('lock_key', '=', lockKey).executeTakeFirst();
	return { ok: false, reason: 'locked', id: holder?.id ?? '' };
}

/** A run's hold on a job: the job, as of the attempt that claimed it. */
export type Claim = Pick<Job, 'id' | 'attempts'>;

export type JobStore = {
	/** The next due job, marked running under a lease; a running job whose lease lapsed (its replica died) counts as due. */
	claim(now: number, leaseMs: number): Promise<Job | null>;
	/** False when the claim lapsed or was taken over: the lease is not ours to extend any more. */
	extendLease(job: Pick<Job, 'id' | 'attempts'>, now: number, until: number): Promise<boolean>;
	/**
	 * Ends the job, inside the caller's transaction so its sync issue is written with it. False when the
	 * claim is no longer this run's (its lease lapsed and another runner took the job over): nothing changed.
	 */
	finish(
		trx: Transaction<Database>,
		claim: Claim,
		status: 'done' | 'failed',
		now: number,
		error: string | null
	): Promise<boolean>;
	/**
	 * Back to the queue: `countsAsRetry` spends one of the retry policy's retries. Without it (the rate
	 * budget turned the run away) the run left nothing unlinked, so it does not count as an attempt either:
	 * the next run is not "resumed" and spends no calls looking for records by their markers.
	 */
	reschedule(claim: Claim, runAt: number, now: number, error: string, countsAsRetry: boolean): Promise<boolean>;
	/** When a job of this kind last finished, for periodic work. */
	lastFinished(orgId: string, provider: string, kind: JobKind): Promise<number | null>;
	get(id: string): Promise<Job | undefined>;
};

export function createJobStore(store: Store): JobStore {
	const ended = (status: 'done' | 'failed', now: number, error: string | null) =>
		({ status, lock_key: null, lease_until: null, updated_at: now, last_error: error }) as const;

	async function claimIn(trx: Transaction<Database>, now: number, leaseMs: number): Promise<Job | null> {
		let candidates = trx
			.selectFrom('jobs')
			.selectAll()
			.where((eb) =>
				eb.or([
					eb.and([eb('status', '=', 'queued'), eb('run_at', '<=', now)]),
					eb.and([eb('status', '=', 'running'), eb('lease_until', '<', now)])
				])
			)
			.where((eb) =>
				eb.not(
					eb.exists(
						eb
							.selectFrom('jobs as r')
							.select('r.id')
							.whereRef('r.org_id', '=', 'jobs.org_id')
							.whereRef('r.provider', '=', 'jobs.provider')
							.where('r.status', '=', 'running')
							.where('r.lease_until', '>=', now)
					)
				)
			)
			.orderBy('run_at')
			.orderBy('created_at')
			.limit(4);
		if (store.kind === 'postgres') candidates = candidates.forUpdate().skipLocked();
		for (const job of await candidates.execute()) {
			if (store.kind === 'postgres') {
				// Serialise claims per tenant, then look again with a fresh snapshot: another replica may just have claimed one.
				const tenant = `jobs|${job.org_id}|${job.provider}`;
				await trx
					.insertInto('rate_budgets')
					.values({ budget_key: tenant })
					.onConflict((oc) => oc.doNothing())
					.execute();
				await sql`SELECT 1 FROM rate_budgets WHERE budget_key = ${tenant} FOR UPDATE`.execute(trx);
				const busy = await trx
					.selectFrom('jobs')
					.select('id')
					.where('org_id', '=', job.org_id)
					.where('provider', '=', job.provider)
					.where('status', '=', 'running')
					.where('lease_until', '>=', now)
					.where('id', '!=', job.id)
					.executeTakeFirst();
				if (busy) continue;
			}
			const claimed = {
				status: 'running',
				lease_until: now + leaseMs,
				attempts: job.attempts + 1,
				updated_at: now
			} as const;
			await trx.updateTable('jobs').set(claimed).where('id', '=', job.id).execute();
			return { ...job, ...claimed };
		}
		return null;
	}

	return {
		claim: (now, leaseMs) => store.write((trx) => claimIn(trx, now, leaseMs)),
		async extendLease(job, now, until) {
			const result = await store.db
				.updateTable('jobs')
				.set({ lease_until: until })
				.where('id', '=', job.id)
				.where('status', '=', 'running')
				.where('attempts', '=', job.attempts)
				.where('lease_until', '>=', now)
				.executeTakeFirst();
			return result.numUpdatedRows > 0n;
		},
		async finish(trx, claim, status, now, error) {
			const result = await trx
				.updateTable('jobs')
				.set(ended(status, now, error))
				.where('id', '=', claim.id)
				.where('status', '=', 'running')
				.where('attempts', '=', claim.attempts)
				.executeTakeFirst();
			return result.numUpdatedRows > 0n;
		},
		async reschedule(claim, runAt, now, error, countsAsRetry) {
			const result = await store.db
				.updateTable('jobs')
				.set({
					status: 'queued',
					run_at: runAt,
					lease_until: null,
					last_error: error,
					updated_at: now,
					...(countsAsRetry ? { retries: sql`retries + 1` } : { attempts: sql`attempts - 1` })
				})
				.where('id', '=', claim.id)
				.where('status', '=', 'running')
				.where('attempts', '=', claim.attempts)
				.executeTakeFirst();
			return result.numUpdatedRows > 0n;
		},
		async lastFinished(orgId, provider, kind) {
			const row = await store.db
				.selectFrom('jobs')
				.select(sql<number | null>`max(updated_at)`.as('at'))
				.where('org_id', '=', orgId)
				.where('provider', '=', provider)
				.where('kind', '=', kind)
				.where('status', 'in', ['done', 'failed'])
				.executeTakeFirstOrThrow();
			return row.at === null ? null : Number(row.at);
		},
		get: (id) => store.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst()
	};
}
