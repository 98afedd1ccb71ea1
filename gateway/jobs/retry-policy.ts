// When a failed PSA request is retried automatically, by the provider's policy (each system's numbers
// are in its spec: gateway/connectors/<system>/spec.ts). Pure: the runner stores the count and the
// clock decides when.

import type { PsaFailure } from '../psa/provider.ts';
import type { RetryPolicy } from '../psa/registry.ts';

export type { RetryPolicy };

export type RetryDecision = { retry: true; delayMs: number } | { retry: false };

/** `retries`: automatic retries this job has already had. */
export function decideRetry(policy: RetryPolicy, failure: PsaFailure, retries: number): RetryDecision {
	if (failure.kind === 'permanent') return { retry: false };
	const schedule = failure.kind === 'transient' ? policy.transient : policy.rateLimited;
	const delay = schedule[retries];
	if (delay === undefined) return { retry: false };
	return { retry: true, delayMs: Math.max(delay, failure.retryAfterMs ?? 0) };
}

/** Every delay a failure that keeps coming back would be retried after, in order. */
export function retrySchedule(policy: RetryPolicy, failure: PsaFailure): number[] {
	const delays: number[] = [];
	for (let retries = 0; ; retries++) {
		const decision = decideRetry(policy, failure, retries);
		if (!decision.retry) return delays;
		delays.push(decision.delayMs);
	}
}
