// Autotask client failures as the runner's PsaFailure: the shared mapper (../common/failure.ts) with
// the seeds' words, and the sync's own texts.

import { AUTOTASK_MESSAGES, type AutotaskFailure } from './client/failures.ts';
import { failureMapper } from '../common/failure.ts';
import type { PsaFailure } from '../../psa/provider.ts';

export { permanent } from '../common/failure.ts';
export { against } from '../common/failed-records.ts';

export const AUTOTASK_SYNC_MESSAGES = {
	opportunityNotFound: 'Opportunity was not found in Autotask',
	companyWithoutId: 'Company has no external identifier',
	contactWithoutId: 'Contact has no external identifier',
	someLinesNotSynced: 'Some line items not synchronized',
	paymentTermDeleted: 'Payment term/type is deleted',
	billingCodeInvalid: 'BillingCode does not exist or is invalid',
	lineWithoutProduct: 'The line has no product; an Autotask quote item needs one'
} as const;

export const { toPsaFailure, lift } = failureMapper<AutotaskFailure>({
	// A stored external identifier that no longer matches any Autotask record (seeds).
	not_found: AUTOTASK_MESSAGES.noMatchingRecords
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
