// The sign_in_attempts table behind the throttle: one row per counted attempt under each counter's
// key, read before the password is checked and pruned as it goes. The decisions are sign-in-throttle.ts's.

import type { Store } from '../store/store.ts';
import { decideThrottle, THROTTLE_RULES, type ThrottleCounter, type ThrottleDecision } from './sign-in-throttle.ts';

export type SignInAttempts = {
	/** Whether one more attempt may go ahead; the same query whether or not the account exists. */
	check(counters: readonly ThrottleCounter[]): Promise<ThrottleDecision>;
	record(counters: readonly ThrottleCounter[]): Promise<void>;
	clear(counter: ThrottleCounter): Promise<void>;
};

const LONGEST_WINDOW_MS = Math.max(...Object.values(THROTTLE_RULES).map((r) => r.windowMs));
const PRUNE_EVERY_MS = 60_000;

export function createSignInAttempts(store: Store, now: () => number): SignInAttempts {
	let prunedAt = Number.NEGATIVE_INFINITY;
	return {
		async check(counters) {
			const t = now();
			const keys = counters.map((c) => c.key);
			const rows = await store.db
				.selectFrom('sign_in_attempts')
				.select(['key', 'at'])
				.where('key', 'in', keys)
				.where('at', '>', t - LONGEST_WINDOW_MS)
				.execute();
			const counts = counters.map((c) => ({
				rule: c.rule,
				attempts: rows.filter((r) => r.key === c.key).map((r) => r.at)
			}));
			return decideThrottle(counts, t);
		},
		async record(counters) {
			const t = now();
			await store.db
				.insertInto('sign_in_attempts')
				.values(counters.map((c) => ({ key: c.key, at: t })))
				.execute();
			if (Math.abs(t - prunedAt) < PRUNE_EVERY_MS) return;
			prunedAt = t;
			await store.db
				.deleteFrom('sign_in_attempts')
				.where('at', '<=', t - LONGEST_WINDOW_MS)
				.execute();
		},
		async clear(counter) {
			await store.db.deleteFrom('sign_in_attempts').where('key', '=', counter.key).execute();
		}
	};
}
