import { describe, expect, it } from 'vitest';
import type { PsaFailure } from '../psa/provider.ts';
import { decideRetry, RETRY_POLICIES } from './retry-policy.ts';

const reset: PsaFailure = { ok: false, kind: 'transient', message: 'The connection to Autotask was reset.' };
const limited = (retryAfterMs: number | null = null): PsaFailure => ({
	ok: false,
	kind: 'rate_limited',
	message: 'ConnectWise API rate limit exceeded',
	retryAfterMs
});

function schedule(provider: keyof typeof RETRY_POLICIES, failure: PsaFailure): number[] {
	const delays: number[] = [];
	for (let retries = 0; ; retries++) {
		const decision = decideRetry(RETRY_POLICIES[provider], failure, retries);
		if (!decision.retry) return delays;
		delays.push(decision.delayMs);
	}
}

describe('decideRetry', () => {
	it('retries an Autotask connection reset twice, then gives up', () => {
		expect(schedule('autotask', reset)).toHaveLength(2);
	});

	it('backs off a ConnectWise rate limit 5, 10, 20, then 60 s: four retries', () => {
		expect(schedule('connectwise', limited())).toEqual([5_000, 10_000, 20_000, 60_000]);
	});

	it('waits longer when the PSA asks for it in Retry-After', () => {
		expect(decideRetry(RETRY_POLICIES.connectwise, limited(30_000), 0)).toEqual({ retry: true, delayMs: 30_000 });
	});

	it('never retries a permanent failure', () => {
		const failure: PsaFailure = { ok: false, kind: 'permanent', message: 'BillingCode does not exist or is invalid' };
		expect(decideRetry(RETRY_POLICIES.autotask, failure, 0)).toEqual({ retry: false });
	});
});
