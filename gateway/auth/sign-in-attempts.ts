// The sign_in_attempts table behind the throttle: one row per counted attempt under each counter's
// key, pruned as it goes. An attempt is reserved (its rows inserted) before the password is checked,
// under a lock per key, so concurrent attempts cannot all pass one read of the count. The decisions
// are sign-in-throttle.ts's.

import { sql, type Transaction } from 'kysely';
import type { Database } from '../store/schema.ts';
import type { Store } from '../store/store.ts';
import { decideThrottle, THROTTLE_RULES, type ThrottleCounter, type ThrottleDecision } from './sign-in-throttle.ts';

/** An attempt that holds a place under each of its counters until it is released. */
export type Reservation = { keys: readonly string[]; at: number };

export type Reserved = { ok: true; reservation: Reservation } | Extract<ThrottleDecision, { ok: false }>;

export type SignInAttempts = {
	/**
	 * Counts one more attempt under every counter when each has room, atomically: the same work
	 * whether or not the account exists. A refused attempt is not counted.
	 */
	reserve(counters: readonly ThrottleCounter[]): Promise<Reserved>;
	/** Takes back a reserved attempt that turned out not to be a failure (the password was right). */
	release(reservation: Reservation): Promise<void>;
	clear(counter: ThrottleCounter): Promise<void>;
};

const LONGEST_WINDOW_MS = Math.max(...Object.values(THROTTLE_RULES).map((r) => r.windowMs));
const PRUNE_EVERY_MS = 60_000;

export function createSignInAttempts(store: Store, now: () => number): SignInAttempts {
	let prunedAt = Number.NEGATIVE_INFINITY;
	/** SQLite runs one transaction at a time; Postgres takes a lock per key until commit (sorted: no deadlock). */
	const lockKeys = async (trx: Transaction<Database>, keys: readonly string[]) => {
		if (store.kind !== 'postgres') return;
		for (const key of [...new Set(keys)].sort())
			await sql`select pg_advisory_xact_lock(hashtext(${`sign-in:${key}`}))`.execute(trx);
	};

	async function prune(t: number) {
		if (Math.abs(t - prunedAt) < PRUNE_EVERY_MS) return;
		prunedAt = t;
		await store.db
			.deleteFrom('sign_in_attempts')
			.where('at', '<=', t - LONGEST_WINDOW_MS)
			.execute();
	}

	return {
		async reserve(counters) {
			const keys = counters.map((c) => c.key);
			const answer = await store.write(async (trx): Promise<Reserved> => {
				await lockKeys(trx, keys);
				const t = now();
				const rows = await trx
					.selectFrom('sign_in_attempts')
					.select(['key', 'at'])
					.where('key', 'in', keys)
					.where('at', '>', t - LONGEST_WINDOW_MS)
					.execute();
				const counts = counters.map((c) => ({
					rule: c.rule,
					attempts: rows.filter((r) => r.key === c.key).map((r) => r.at)
				}));
				const decision = decideThrottle(counts, t);
				if (!decision.ok) return decision;
				await trx
					.insertInto('sign_in_attempts')
					.values(keys.map((key) => ({ key, at: t })))
					.execute();
				return { ok: true, reservation: { keys, at: t } };
			});
			await prune(now());
			return answer;
		},
		async release({ keys, at }) {
			await store.write(async (trx) => {
				await lockKeys(trx, keys);
				// Rows have no id: take one (key, at) row back by rewriting that pair's count minus one.
				for (const key of keys) {
					const same = trx.deleteFrom('sign_in_attempts').where('key', '=', key).where('at', '=', at);
					const gone = (await same.returning('key').execute()).length;
					if (gone > 1)
						await trx
							.insertInto('sign_in_attempts')
							.values(Array.from({ length: gone - 1 }, () => ({ key, at })))
							.execute();
				}
			});
		},
		async clear(counter) {
			await store.db.deleteFrom('sign_in_attempts').where('key', '=', counter.key).execute();
		}
	};
}
