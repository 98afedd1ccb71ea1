import { describe, expect, it } from 'vitest';
import type { PsaFailure } from '../../psa/provider.ts';
import { retrySchedule } from '../../jobs/retry-policy.ts';
import { autotaskSpec } from './spec.ts';

describe('autotaskSpec', () => {
	it('retries a connection reset twice, then gives up (seeds)', () => {
		const reset: PsaFailure = { ok: false, kind: 'transient', message: 'The connection to Autotask was reset.' };
		expect(retrySchedule(autotaskSpec.retry, reset)).toHaveLength(2);
	});
});
