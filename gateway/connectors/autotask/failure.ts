// Autotask client failures as the runner's PsaFailure: what may be retried, and the seeds' words.

import { AUTOTASK_MESSAGES, type AutotaskFailure } from './client/failures.ts';
import type { PsaFailure, RootCause } from '../../psa/provider.ts';

export const AUTOTASK_SYNC_MESSAGES = {
	opportunityNotFound: 'Opportunity was not found in Autotask',
	companyWithoutId: 'Company has no external identifier',
	contactWithoutId: 'Contact has no external identifier',
	someLinesNotSynced: 'Some line items not synchronized',
	paymentTermDeleted: 'Payment term/type is deleted',
	billingCodeInvalid: 'BillingCode does not exist or is invalid'
} as const;

export function fromAutotask(failure: AutotaskFailure, rootCause?: RootCause): PsaFailure {
	switch (failure.code) {
		case 'connection_reset':
		case 'timeout':
			return { ok: false, kind: 'transient', message: failure.message };
		case 'rate_limited':
			return { ok: false, kind: 'rate_limited', message: failure.message, retryAfterMs: failure.retryAfterMs };
		case 'not_found':
			// A stored external identifier that no longer matches any Autotask record (seeds).
			return { ok: false, kind: 'permanent', message: AUTOTASK_MESSAGES.noMatchingRecords };
		case 'auth_failed':
			return { ok: false, kind: 'permanent', message: failure.message, rootCause: { kind: 'credentials' } };
		default:
			return { ok: false, kind: 'permanent', message: failure.message, ...(rootCause ? { rootCause } : {}) };
	}
}

export const permanent = (message: string, rootCause?: RootCause): PsaFailure => ({
	ok: false,
	kind: 'permanent',
	message,
	...(rootCause ? { rootCause } : {})
});

/** "Company has no external identifier. <why it could not get one>" keeps the seeds' words first. */
export function prefixed(prefix: string, failure: PsaFailure): PsaFailure {
	return failure.kind === 'permanent' && failure.rootCause?.kind !== 'credentials'
		? { ...failure, message: `${prefix}. ${failure.message}` }
		: failure;
}

/** Autotask's own text says the billing code is the problem. */
export function isBillingCodeFailure(failure: AutotaskFailure): boolean {
	return failure.code === 'rejected' && failure.message.includes(AUTOTASK_SYNC_MESSAGES.billingCodeInvalid);
}
