// The rate budget of a PSA tenant, kept in the store so every replica spends from the same one:
// requests per rolling hour (counted in minute buckets) and requests in flight per endpoint.

import { sql } from 'kysely';
import type { BudgetLimits } from '../psa/registry.ts';
import type { Store } from '../store/store.ts';

export type { BudgetLimits };

export type Admission = { ok: true; token: string } | { ok: false; reason: 'hourly' | 'concurrency'; waitMs: number };

export const HOUR_MS = 60 * 60 * 1000;
const MINUTE_MS = 60 * 1000;
/** A request that never released its slot (its replica died) frees it after this long. */
const INFLIGHT_LEASE_MS = 2 * MINUTE_MS;

/**
 * The oldest minute bucket that overlaps the rolling hour ending at `now`. Counting whole buckets
 * errs on the safe side: every request of the last hour is counted, plus at most a minute more.
 */
export function firstCountedMinute(now: number): number {
	return Math.floor((now - HOUR_MS) / MINUTE_MS);
}

/** How long until the oldest counted bucket leaves the window, freeing its requests. */
export function msUntilBucketExpires(oldestMinute: number, now: number): number {
	return Math.max(1, (oldestMinute + 1) * MINUTE_MS + HOUR_MS - now);
}

export type RateBudget = {
	admit(key: string, endpoint: string, limits: BudgetLimits): Promise<Admission>;
	release(token: string): Promise<void>;
	/** Requests counted in the rolling hour. */
	lastHour(key: string): Promise<number>;
};

export function createRateBudget(store: Store, clock: { now(): number }): RateBudget {
	async function lastHourIn(db: Store['db'], key: string, now: number) {
		const row = await db
			.selectFrom('rate_usage')
			.select([sql<number>`coalesce(sum(count), 0)`.as('total'), sql<number | null>`min(minute)`.as('oldest')])
			.where('budget_key', '=', key)
			.where('minute', '>=', firstCountedMinute(now))
			.executeTakeFirstOrThrow();
		return { total: Number(row.total), oldest: row.oldest === null ? null : Number(row.oldest) };
	}

	return {
		admit(key, endpoint, limits) {
			return store.write(async (trx) => {
				const now = clock.now();
				if (store.kind === 'postgres') {
					await trx
						.insertInto('rate_budgets')
						.values({ budget_key: key })
						.onConflict((oc) => oc.doNothing())
						.execute();
					await sql`SELECT 1 FROM rate_budgets WHERE budget_key = ${key} FOR UPDATE`.execute(trx);
				}
				if (limits.hourly !== null) {
					const { total, oldest } = await lastHourIn(trx, key, now);
					if (total >= limits.hourly) {
						return {
							ok: false,
							reason: 'hourly',
							waitMs: msUntilBucketExpires(oldest ?? Math.floor(now / MINUTE_MS), now)
						};
					}
				}
				if (limits.concurrentPerEndpoint !== null) {
					await trx.deleteFrom('rate_inflight').where('budget_key', '=', key).where('lease_until', '<', now).execute();
					const row = await trx
						.selectFrom('rate_inflight')
						.select(sql<number>`count(*)`.as('n'))
						.where('budget_key', '=', key)
						.where('endpoint', '=', endpoint)
						.executeTakeFirstOrThrow();
					if (Number(row.n) >= limits.concurrentPerEndpoint) return { ok: false, reason: 'concurrency', waitMs: 25 };
				}
				const minute = Math.floor(now / MINUTE_MS);
				await trx
					.insertInto('rate_usage')
					.values({ budget_key: key, minute, count: 1 })
					.onConflict((oc) => oc.columns(['budget_key', 'minute']).doUpdateSet({ count: sql`rate_usage.count + 1` }))
					.execute();
				await trx
					.deleteFrom('rate_usage')
					.where('budget_key', '=', key)
					.where('minute', '<', firstCountedMinute(now) - 60)
					.execute();
				const token = crypto.randomUUID();
				await trx
					.insertInto('rate_inflight')
					.values({ token, budget_key: key, endpoint, lease_until: now + INFLIGHT_LEASE_MS })
					.execute();
				return { ok: true, token };
			});
		},
		async release(token) {
			await store.db.deleteFrom('rate_inflight').where('token', '=', token).execute();
		},
		async lastHour(key) {
			return (await lastHourIn(store.db, key, clock.now())).total;
		}
	};
}
