// What a job's outcome does to its sync issue (pure): a failure opens or updates the issue for that
// provider, operation and job; a success clears it, or leaves a warning when it synced with one.
// A quote sync's issue names the record that failed (its contact, opportunity, a product), linked
// back to the quote; it keeps one id per quote, so the next sync of the quote clears or updates it.

import type { Issue, JobKind } from '../../shared/schema/psa-entities.ts';
import { issueId } from '../../shared/schema/psa-entities.ts';
import type { FailedEntity, RootCause } from '../psa/provider.ts';

export type IssueSubject = {
	provider: string;
	operation: JobKind;
	entityTable: string;
	entityId: string;
	label: string;
	/** The quote the job works for; null for company and integration-wide work. */
	quoteId: string | null;
};

/** Credentials and payment terms are per PSA; a category's billing code is Autotask's alone. */
export function rootCauseKey(cause: RootCause | undefined, provider: string): string | null {
	if (!cause) return null;
	return cause.kind === 'categoryBillingCode' ? `categoryBillingCode:${cause.categoryId}` : `${cause.kind}:${provider}`;
}

export function failedIssue(
	existing: Issue | undefined,
	subject: IssueSubject,
	failure: { message: string; rootCause?: RootCause; severity?: Issue['severity']; entity?: FailedEntity },
	now: number
): Issue {
	const entity = failure.entity;
	return {
		id: issueId(subject.provider, subject.operation, subject.entityId),
		provider: subject.provider as Issue['provider'],
		operation: subject.operation,
		entityTable: entity?.table ?? subject.entityTable,
		entityId: entity?.id ?? subject.entityId,
		entityLabel: (entity ? `${entity.label} · ${subject.label}` : subject.label).slice(0, 300),
		quoteId: subject.quoteId,
		severity: failure.severity ?? 'error',
		message: failure.message.slice(0, 2_000),
		rootCause: rootCauseKey(failure.rootCause, subject.provider),
		firstSeenAt: existing?.firstSeenAt ?? now,
		lastSeenAt: now,
		attempts: (existing?.attempts ?? 0) + 1,
		state: 'open'
	};
}
