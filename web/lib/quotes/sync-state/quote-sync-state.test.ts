import { describe, expect, it } from 'vitest';
import type { Opportunity } from '../../../../shared/schema/psa-entities.ts';
import type { QuoteSync } from '../../../../shared/schema/quote-sync-entities.ts';
import { buildQuoteLine } from '../../../../shared/test/builders.ts';
import { buildIssue } from '../../psa/psa-builders.ts';
import { quoteSyncView, waitingText, type SyncInputs } from './quote-sync-state.ts';

const BILLING = 'BillingCode does not exist or is invalid';
const lines = [
	buildQuoteLine({ id: 'line-1', quoteId: 'quote-1', description: 'ThinkPad T14\nwith dock' }),
	buildQuoteLine({ id: 'line-2', quoteId: 'quote-1', description: '' })
];

function sync(overrides: Partial<QuoteSync>): QuoteSync {
	return {
		id: 'quote-1',
		provider: 'autotask',
		state: 'synced',
		requestedAt: 100,
		startedAt: 200,
		finishedAt: 300,
		externalId: '77',
		number: '77',
		url: 'https://ww3.autotask.net/x',
		message: '',
		lines: [],
		resumesAt: null,
		...overrides
	};
}

const opportunity: Opportunity = {
	id: 'autotask-opportunity-4711',
	provider: 'autotask',
	externalId: '4711',
	quoteId: 'quote-1',
	companyId: null,
	title: 'Laptops',
	status: '',
	stage: '',
	amount: 0,
	lastActivityAt: 50
};

const view = (inputs: Partial<SyncInputs>) =>
	quoteSyncView({ quoteId: 'quote-1', sync: undefined, issues: [], opportunities: [], lines, ...inputs });

const record = { name: 'Autotask quote', number: '77', url: 'https://ww3.autotask.net/x' };

describe('quoteSyncView', () => {
	it('is never sent with nothing replicated', () => {
		expect(view({})).toEqual({ state: 'never' });
	});

	it('is queued and sending as the row says, with nothing else to show', () => {
		expect(view({ sync: sync({ state: 'queued', startedAt: null, finishedAt: null }) })).toEqual({ state: 'queued' });
		expect(view({ sync: sync({ state: 'sending', finishedAt: null }) })).toEqual({ state: 'sending' });
	});

	describe('queued again because the PSA’s hourly budget is spent', () => {
		const RESUMES = Date.UTC(2026, 11, 7, 14, 5);
		const waiting = sync({
			state: 'queued',
			startedAt: null,
			finishedAt: null,
			message: 'Waiting for Autotask’s hourly request budget',
			resumesAt: RESUMES
		});

		it('is queued with the reason and when it resumes, never still “sending”', () => {
			expect(view({ sync: waiting })).toEqual({
				state: 'queued',
				waiting: { reason: 'Waiting for Autotask’s hourly request budget', resumesAt: RESUMES }
			});
		});

		it('reads as one sentence in the reader’s clock', () => {
			expect(
				waitingText({ reason: 'Waiting for Autotask’s hourly request budget', resumesAt: RESUMES }, 'en-GB', 'UTC')
			).toBe('Waiting for Autotask’s hourly request budget; resumes about 14:05');
		});

		it('an outcome newer than the request: the outcome, not the wait', () => {
			const issue = buildIssue({ message: BILLING, lastSeenAt: 150 });
			expect(view({ sync: waiting, issues: [issue] })).toMatchObject({ state: 'failed', psaText: BILLING });
		});

		it('a queued row replicated before rows said when they resume: plainly queued', () => {
			const { resumesAt: _, ...old } = sync({ state: 'queued', startedAt: null, finishedAt: null });
			expect(view({ sync: old as QuoteSync })).toEqual({ state: 'queued' });
		});
	});

	it('is synced with the PSA record’s number and link', () => {
		expect(view({ sync: sync({}) })).toEqual({ state: 'synced', record });
	});

	it('is a warning naming each failed line in the quote’s order, with a reason and the PSA’s text', () => {
		const row = sync({
			state: 'warning',
			message: 'Some line items not synchronized (2 of 2).',
			lines: [
				{ lineId: 'line-2', message: 'Quantity exceeds the maximum allowed.' },
				{ lineId: 'line-1', message: BILLING }
			]
		});
		expect(view({ sync: row })).toEqual({
			state: 'warning',
			record,
			reason: 'The quote is in the PSA, but some of its lines are not.',
			psaText: 'Some line items not synchronized (2 of 2).',
			lines: [
				{
					lineId: 'line-1',
					label: 'ThinkPad T14',
					reason: 'Its category has no valid billing code in the PSA. An admin can fix the mapping.',
					psaText: BILLING
				},
				{
					lineId: 'line-2',
					label: 'Line 2',
					reason: 'The PSA refused this line.',
					psaText: 'Quantity exceeds the maximum allowed.'
				}
			]
		});
	});

	it('is failed with the PSA’s text, keeping the record it had', () => {
		expect(view({ sync: sync({ state: 'failed', message: 'Payment term/type is deleted' }) })).toMatchObject({
			state: 'failed',
			record,
			psaText: 'Payment term/type is deleted',
			lines: []
		});
	});

	it('leaves out failed lines that were removed from the quote since', () => {
		const row = sync({ state: 'failed', message: BILLING, lines: [{ lineId: 'line-gone', message: BILLING }] });
		expect(view({ sync: row })).toMatchObject({ state: 'failed', lines: [] });
	});

	describe('when the rows disagree, the newest word wins', () => {
		it('a row that says synced and an issue recorded after it: failed', () => {
			const issue = buildIssue({ message: BILLING, lastSeenAt: 400 });
			expect(view({ sync: sync({}), issues: [issue] })).toMatchObject({ state: 'failed', psaText: BILLING });
		});

		it('a row that says synced and an issue older than it (not cleared yet): synced', () => {
			const issue = buildIssue({ message: BILLING, lastSeenAt: 250 });
			expect(view({ sync: sync({}), issues: [issue] })).toEqual({ state: 'synced', record });
		});

		it('a row still sending and an outcome newer than its start: the outcome', () => {
			const issue = buildIssue({
				severity: 'warning',
				message: 'Some line items not synchronized (1 of 2).',
				lastSeenAt: 250
			});
			expect(view({ sync: sync({ state: 'sending', finishedAt: null }), issues: [issue] })).toMatchObject({
				state: 'warning'
			});
		});

		it('a row queued and an issue from the run before: queued, never “sending” beside “failed”', () => {
			const issue = buildIssue({ lastSeenAt: 50 });
			const row = sync({ state: 'queued', requestedAt: 100, startedAt: null, finishedAt: null });
			expect(view({ sync: row, issues: [issue] })).toEqual({ state: 'queued' });
		});

		it('a failed row and its issue retried since: queued', () => {
			const issue = buildIssue({ state: 'retrying', lastSeenAt: 300 });
			expect(view({ sync: sync({ state: 'failed', message: BILLING }), issues: [issue] })).toEqual({ state: 'queued' });
		});

		it('a failed row whose issue an admin dismissed: still failed, in the row’s words', () => {
			expect(view({ sync: sync({ state: 'failed', message: BILLING }) })).toMatchObject({
				state: 'failed',
				psaText: BILLING
			});
		});

		it('a failed row with no text of its own: the issue’s', () => {
			const issue = buildIssue({ message: BILLING, lastSeenAt: 300 });
			expect(view({ sync: sync({ state: 'failed', message: '' }), issues: [issue] })).toMatchObject({
				psaText: BILLING
			});
		});

		it('another quote’s issue, or another operation’s, changes nothing', () => {
			const others = [
				buildIssue({ id: 'a', entityId: 'quote-2', quoteId: 'quote-2', lastSeenAt: 999 }),
				buildIssue({ id: 'b', operation: 'syncQuoteCharges', lastSeenAt: 999 })
			];
			expect(view({ sync: sync({}), issues: others })).toEqual({ state: 'synced', record });
		});

		it('an issue filed against the quote’s contact still belongs to the quote', () => {
			const issue = buildIssue({
				entityTable: 'contacts',
				entityId: 'contact-ada',
				quoteId: 'quote-1',
				lastSeenAt: 999
			});
			expect(view({ sync: sync({}), issues: [issue] })).toMatchObject({ state: 'failed' });
		});
	});

	describe('with no sync row (replicated before there were any)', () => {
		it('an opportunity: synced, named by it', () => {
			expect(view({ opportunities: [opportunity] })).toEqual({
				state: 'synced',
				record: { name: 'Autotask opportunity', number: '4711', url: null }
			});
		});

		it('an open issue: failed or warning, as the issue says; retrying: queued', () => {
			expect(view({ issues: [buildIssue({ message: BILLING })] })).toMatchObject({ state: 'failed', record: null });
			expect(view({ issues: [buildIssue({ severity: 'warning' })] })).toMatchObject({ state: 'warning' });
			expect(view({ issues: [buildIssue({ state: 'retrying' })] })).toEqual({ state: 'queued' });
		});
	});
});
