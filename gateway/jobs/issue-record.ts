// What a job's outcome does to its sync issue (pure): a failure opens or updates the issue for that
// provider, operation and entity; a success clears it, or leaves a warning when it synced with one.

import type { Issue, JobKind } from '../../shared/schema/psa-entities.ts';
import { issueId } from '../../shared/schema/psa-entities.ts';
import type { RootCause } from '../psa/provider.ts';

export type IssueSubject = {
	provider: string;
	operation: JobKind;
	entityTable: string;
	entityId: string;
	label: string;
};

/** Credentials and payment terms are per PSA; a category's billing code is Autotask's alone. */
export function rootCauseKey(cause: RootCause | undefined, provider: string): string | null {
	if (!cause) return null;
	return cause.kind === 'categoryBillingCode' ? `categoryBillingCode:${cause.categoryId}` : `${cause.kind}:${provider}`;
}

export function failedIssue(
	existing: Issue | undefined,
	subject: IssueSubject,
	failure: { message: string; rootCause?: RootCause; severity?: Issue['severity'] },
	now: number
): Issue {
	return {
		id: issueId(subject.provider, subject.operation, subject.entityId),
		provider: subject.provider as Issue['provider'],
		operation: subject.operation,
		entityTable: subject.entityTable,
		entityId: subject.entityId,
		entityLabel: subject.label.slice(0, 300),
		severity: failure.severity ?? 'error',
		message: failure.message.slice(0, 2_000),
		rootCause: rootCauseKey(failure.rootCause, subject.provider),
		firstSeenAt: existing?.firstSeenAt ?? now,
		lastSeenAt: now,
		attempts: (existing?.attempts ?? 0) + 1,
		state: 'open'
	};
}
