import { describe, expect, it } from 'vitest';
import { queuedQuoteSync } from '../../shared/schema/quote-sync-entities.ts';
import { sendingQuoteSync, settledQuoteSync, waitingQuoteSync } from './quote-sync-record.ts';

const queued = queuedQuoteSync('quote-1', undefined, 100);

describe('quote sync record', () => {
	it('is sending from the moment the runner picks the job up', () => {
		expect(sendingQuoteSync('quote-1', queued, 'autotask', 200)).toMatchObject({
			state: 'sending',
			provider: 'autotask',
			requestedAt: 100,
			startedAt: 200,
			finishedAt: null
		});
	});

	it('is queued again, saying why and until when, when the budget turned the run away', () => {
		const sending = sendingQuoteSync('quote-1', queued, 'autotask', 200);
		expect(waitingQuoteSync('quote-1', sending, 'autotask', 3_900_000, 250)).toMatchObject({
			state: 'queued',
			requestedAt: 100,
			startedAt: null,
			finishedAt: null,
			message: 'Waiting for Autotask’s hourly request budget',
			resumesAt: 3_900_000
		});
	});

	it('no longer waits once the runner picks it up again, nor once it ended', () => {
		const waiting = waitingQuoteSync('quote-1', queued, 'autotask', 3_900_000, 250);
		expect(sendingQuoteSync('quote-1', waiting, 'autotask', 3_900_000)).toMatchObject({
			state: 'sending',
			message: '',
			resumesAt: null
		});
		const failed = settledQuoteSync('quote-1', waiting, 'autotask', { ok: false, message: 'Boom' }, 300);
		expect(failed).toMatchObject({ state: 'failed', resumesAt: null });
	});

	it('is synced with the PSA record’s number and link', () => {
		const row = settledQuoteSync(
			'quote-1',
			sendingQuoteSync('quote-1', queued, 'autotask', 200),
			'autotask',
			{
				ok: true,
				value: { warnings: [], quote: { externalId: '77', warnings: [], url: 'https://ww3.autotask.net/x' } }
			},
			300
		);
		expect(row).toMatchObject({
			state: 'synced',
			externalId: '77',
			number: '77',
			url: 'https://ww3.autotask.net/x',
			finishedAt: 300,
			message: '',
			lines: []
		});
	});

	it('is a warning with the lines the PSA refused', () => {
		const lines = [{ lineId: 'line-2', message: 'BillingCode does not exist or is invalid' }];
		const row = settledQuoteSync(
			'quote-1',
			queued,
			'autotask',
			{
				ok: true,
				value: {
					warnings: ['Some line items not synchronized (1 of 2).'],
					quote: { externalId: '77', warnings: [], lines }
				}
			},
			300
		);
		expect(row).toMatchObject({ state: 'warning', message: 'Some line items not synchronized (1 of 2).', lines });
	});

	it('fails with the PSA’s text, keeping the record it became before', () => {
		const synced = settledQuoteSync(
			'quote-1',
			queued,
			'autotask',
			{ ok: true, value: { warnings: [], quote: { externalId: '77', warnings: [] } } },
			300
		);
		const row = settledQuoteSync(
			'quote-1',
			synced,
			'autotask',
			{ ok: false, message: 'Payment term/type is deleted' },
			400
		);
		expect(row).toMatchObject({
			state: 'failed',
			externalId: '77',
			number: '77',
			message: 'Payment term/type is deleted',
			finishedAt: 400
		});
	});

	it('stores no link that is not http(s)', () => {
		const row = settledQuoteSync(
			'quote-1',
			queued,
			'autotask',
			{ ok: true, value: { warnings: [], quote: { externalId: '77', warnings: [], url: 'javascript:alert(1)' } } },
			300
		);
		expect(row.url).toBeNull();
	});
});
