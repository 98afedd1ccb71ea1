import { describe, expect, it } from 'vitest';
import type { PsaFailure } from '../psa/provider.ts';
import { decideRetry, retrySchedule, type RetryPolicy } from './retry-policy.ts';

const policy: RetryPolicy = { transient: [2_000, 10_000], rateLimited: [5_000, 10_000, 20_000] };
const reset: PsaFailure = { ok: false, kind: 'transient', message: 'The connection was reset.' };
const limited = (retryAfterMs: number | null = null): PsaFailure => ({
	ok: false,
	kind: 'rate_limited',
	message: 'API rate limit exceeded',
	retryAfterMs
});

describe('decideRetry', () => {
	it('retries a transient failure once per delay of the policy, then gives up', () => {
		expect(retrySchedule(policy, reset)).toEqual([2_000, 10_000]);
	});

	it('backs off a rate limit by the policy’s own delays', () => {
		expect(retrySchedule(policy, limited())).toEqual([5_000, 10_000, 20_000]);
	});

	it('waits longer when the PSA asks for it in Retry-After', () => {
		expect(decideRetry(policy, limited(30_000), 0)).toEqual({ retry: true, delayMs: 30_000 });
	});

	it('never retries a permanent failure', () => {
		const failure: PsaFailure = { ok: false, kind: 'permanent', message: 'BillingCode does not exist or is invalid' };
		expect(decideRetry(policy, failure, 0)).toEqual({ retry: false });
	});
});
