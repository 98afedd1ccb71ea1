import { describe, expect, it } from 'vitest';
import type { Opportunity } from '../../../shared/schema/psa-entities.ts';
import { buildIssue } from './psa-builders.ts';
import { quotePsaStatus } from './quote-psa-status.ts';

function opportunity(overrides: Partial<Opportunity>): Opportunity {
	return {
		id: 'opp-1',
		provider: 'autotask',
		externalId: '4711',
		quoteId: 'quote-1',
		companyId: null,
		title: 'Laptops',
		status: 'Active',
		stage: 'Proposal',
		amount: 100,
		lastActivityAt: 1_000,
		...overrides
	};
}

describe('quotePsaStatus', () => {
	it('says nothing before the quote reached the PSA', () => {
		expect(quotePsaStatus('quote-1', [], [])).toEqual({ opportunity: null, failure: null });
	});

	it('names the newest opportunity of this quote as the PSA reported it', () => {
		const status = quotePsaStatus(
			'quote-1',
			[
				opportunity({}),
				opportunity({ id: 'opp-2', externalId: '4800', lastActivityAt: 2_000, stage: '' }),
				opportunity({ id: 'opp-3', quoteId: 'quote-2', lastActivityAt: 9_000 })
			],
			[]
		);
		expect(status.opportunity).toBe('Autotask opportunity 4800: Active');
	});

	it('names the opportunity alone until the PSA reports its status', () => {
		const status = quotePsaStatus('quote-1', [opportunity({ status: '', stage: '' })], []);
		expect(status.opportunity).toBe('Autotask opportunity 4711');
	});

	it('gives the newest failure of this quote word for word', () => {
		const status = quotePsaStatus(
			'quote-1',
			[],
			[
				buildIssue({ entityId: 'quote-1', message: 'old', lastSeenAt: 1 }),
				buildIssue({
					id: 'b',
					entityId: 'quote-1',
					message: 'BillingCode does not exist or is invalid',
					state: 'retrying'
				}),
				buildIssue({ id: 'c', entityId: 'quote-2', lastSeenAt: 99_999 }),
				buildIssue({ id: 'd', entityTable: 'companies', entityId: 'quote-1', lastSeenAt: 99_999 })
			]
		);
		expect(status.failure).toEqual({ message: 'BillingCode does not exist or is invalid', retrying: true });
	});
});
