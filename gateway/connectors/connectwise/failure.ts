// A ConnectWise client failure as the runner's PsaFailure: transient for a lost connection, rate_limited
// for a 429, permanent otherwise, with credentials as the root cause of a 401. Pure.

import { CONNECTWISE_MESSAGES, type ConnectwiseFailure } from './client/failures.ts';
import type { PsaFailure } from '../../psa/provider.ts';

export function toPsaFailure(failure: ConnectwiseFailure): PsaFailure {
	switch (failure.code) {
		case 'auth_failed':
			return credentialsFailure();
		case 'rate_limited':
			return {
				ok: false,
				kind: 'rate_limited',
				message: CONNECTWISE_MESSAGES.rateLimited,
				retryAfterMs: failure.retryAfterMs
			};
		case 'connection_reset':
		case 'timeout':
			return { ok: false, kind: 'transient', message: failure.message };
		default:
			return permanent(failure.message);
	}
}

export function credentialsFailure(): PsaFailure {
	return {
		ok: false,
		kind: 'permanent',
		message: CONNECTWISE_MESSAGES.authentication,
		rootCause: { kind: 'credentials' }
	};
}

export const permanent = (message: string): PsaFailure => ({ ok: false, kind: 'permanent', message });

/** Failures that stop the whole sync, not just one line: the next call would fail the same way. */
export const stopsTheRun = (failure: PsaFailure) => failure.kind !== 'permanent' || failure.rootCause !== undefined;
