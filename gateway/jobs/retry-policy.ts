// When a failed PSA request is retried automatically, per provider (seeds: Autotask connection resets
// up to 2 retries; ConnectWise rate limit 5 s, 10 s, 20 s, then the 60 s cap, 4 retries, then an issue).
// Pure: the runner stores the count and the clock decides when.

import type { Provider } from '../../shared/psa/providers.ts';
import type { PsaFailure } from '../psa/provider.ts';

export type RetryPolicy = {
	/** Delays before each automatic retry of a transient failure; its length is the number of retries. */
	transient: readonly number[];
	/** Delays before each retry after the PSA said "slow down" (a Retry-After it sends wins when longer). */
	rateLimited: readonly number[];
};

const SECOND = 1_000;

export const RETRY_POLICIES: Record<Provider, RetryPolicy> = {
	autotask: { transient: [2 * SECOND, 10 * SECOND], rateLimited: [60 * SECOND, 5 * 60 * SECOND, 15 * 60 * SECOND] },
	connectwise: {
		transient: [2 * SECOND, 10 * SECOND],
		rateLimited: [5 * SECOND, 10 * SECOND, 20 * SECOND, 60 * SECOND]
	},
	halopsa: { transient: [2 * SECOND, 10 * SECOND], rateLimited: [5 * SECOND, 10 * SECOND, 20 * SECOND, 60 * SECOND] }
};

export type RetryDecision = { retry: true; delayMs: number } | { retry: false };

/** `retries`: automatic retries this job has already had. */
export function decideRetry(policy: RetryPolicy, failure: PsaFailure, retries: number): RetryDecision {
	if (failure.kind === 'permanent') return { retry: false };
	const schedule = failure.kind === 'transient' ? policy.transient : policy.rateLimited;
	const delay = schedule[retries];
	if (delay === undefined) return { retry: false };
	return { retry: true, delayMs: Math.max(delay, failure.retryAfterMs ?? 0) };
}
