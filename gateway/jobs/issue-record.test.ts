import { describe, expect, it } from 'vitest';
import { failedIssue, rootCauseKey, type IssueSubject } from './issue-record.ts';

const subject: IssueSubject = {
	provider: 'autotask',
	operation: 'syncQuote',
	entityTable: 'quotes',
	entityId: 'quote-1',
	label: 'Quote Q-1 · Acme',
	quoteId: 'quote-1'
};

describe('failedIssue', () => {
	it('opens an issue with one attempt and the failure verbatim', () => {
		const issue = failedIssue(undefined, subject, { message: 'BillingCode does not exist or is invalid' }, 1_000);
		expect(issue).toMatchObject({
			id: 'autotask:syncQuote:quote-1',
			message: 'BillingCode does not exist or is invalid',
			firstSeenAt: 1_000,
			lastSeenAt: 1_000,
			attempts: 1,
			state: 'open',
			severity: 'error'
		});
	});

	it('keeps the first sighting and counts attempts when it fails again, back to open', () => {
		const first = failedIssue(undefined, subject, { message: 'a' }, 1_000);
		const again = failedIssue({ ...first, state: 'retrying' }, subject, { message: 'b' }, 5_000);
		expect(again).toMatchObject({ firstSeenAt: 1_000, lastSeenAt: 5_000, attempts: 2, message: 'b', state: 'open' });
	});

	it('files a quote sync’s failure against the record that failed, linked back to its quote', () => {
		const issue = failedIssue(
			undefined,
			subject,
			{
				message: 'companyID is not associated with contactID',
				entity: { table: 'contacts', id: 'contact-ada', label: 'Contact Ada Lovelace' }
			},
			1_000
		);
		expect(issue).toMatchObject({
			id: 'autotask:syncQuote:quote-1',
			entityTable: 'contacts',
			entityId: 'contact-ada',
			entityLabel: 'Contact Ada Lovelace · Quote Q-1 · Acme',
			quoteId: 'quote-1'
		});
	});

	it('files a failure with no other record against the job’s own, and integration work under no quote', () => {
		expect(failedIssue(undefined, subject, { message: 'x' }, 1)).toMatchObject({
			entityTable: 'quotes',
			entityId: 'quote-1',
			quoteId: 'quote-1'
		});
		const synchronize: IssueSubject = {
			provider: 'autotask',
			operation: 'synchronize',
			entityTable: 'integrations',
			entityId: 'autotask',
			label: 'Autotask · Synchronize',
			quoteId: null
		};
		expect(failedIssue(undefined, synchronize, { message: 'x' }, 1).quoteId).toBeNull();
	});

	it('names the root cause so one fix groups its issues', () => {
		expect(rootCauseKey({ kind: 'categoryBillingCode', categoryId: 'cat-7' }, 'autotask')).toBe(
			'categoryBillingCode:cat-7'
		);
		expect(rootCauseKey({ kind: 'credentials' }, 'halopsa')).toBe('credentials:halopsa');
		expect(rootCauseKey(undefined, 'autotask')).toBeNull();
	});
});
