// A HaloPSA client failure as the runner's PsaFailure: resets and timeouts may be retried, 429s wait,
// everything else needs a person, and refused credentials point at the one fix (re-enter them). Pure.

import type { HaloFailure } from './client/failures.ts';
import type { PsaFailure } from '../../psa/provider.ts';

export function toPsaFailure(failure: HaloFailure): PsaFailure {
	switch (failure.code) {
		case 'connection_reset':
		case 'timeout':
			return { ok: false, kind: 'transient', message: failure.message };
		case 'rate_limited':
			return { ok: false, kind: 'rate_limited', message: failure.message, retryAfterMs: failure.retryAfterMs };
		case 'auth_failed':
			return { ok: false, kind: 'permanent', message: failure.message, rootCause: { kind: 'credentials' } };
		default:
			return { ok: false, kind: 'permanent', message: failure.message };
	}
}

export function permanent(message: string): PsaFailure {
	return { ok: false, kind: 'permanent', message };
}
