import { describe, expect, it } from 'vitest';
import { canMoveQuote } from '../../../shared/quotes/status-flow.ts';
import { QUOTE_STATUSES } from '../../../shared/schema/entities.ts';
import { blockedReason, quoteActions } from './quote-status-actions.ts';

const labels = (status: (typeof QUOTE_STATUSES)[number]) => quoteActions(status).map((a) => a.label);

describe('quoteActions', () => {
	it('offers only moves the status flow allows, and never accepting for the customer', () => {
		for (const status of QUOTE_STATUSES) {
			for (const action of quoteActions(status)) {
				if (action.kind !== 'status') continue;
				expect(canMoveQuote(status, action.to)).toBe(true);
				expect(action.to).not.toBe('accepted');
			}
		}
	});

	it('puts the next step first: send a draft, revise what the customer has seen, reopen a retracted one', () => {
		expect(labels('draft')).toEqual(['Mark as sent', 'Duplicate']);
		expect(labels('sent')).toEqual(['Revise', 'Retract', 'Duplicate']);
		expect(labels('declined')).toEqual(['Revise', 'Back to draft', 'Duplicate']);
		expect(labels('retracted')).toEqual(['Back to draft', 'Revise', 'Duplicate']);
		expect(labels('accepted')).toEqual(['Revise', 'Duplicate']);
	});

	it('never offers to revise a draft, which is edited directly', () => {
		expect(quoteActions('draft').some((a) => a.kind === 'revise')).toBe(false);
	});
});

describe('blockedReason', () => {
	const [send] = quoteActions('draft');

	it('says to add a line before sending an empty quote', () => {
		expect(blockedReason(send!, [])).toBe('Add a line before sending this quote.');
	});

	it('says to price a line before sending a quote that totals nothing', () => {
		expect(blockedReason(send!, [{ quantity: 2, unitPrice: 0 }])).toBe(
			'This quote totals nothing; price a line before sending it.'
		);
	});

	it('lets a priced quote be sent', () => {
		expect(blockedReason(send!, [{ quantity: 2, unitPrice: 100 }])).toBeNull();
	});

	it('never blocks anything but sending', () => {
		for (const action of quoteActions('sent')) expect(blockedReason(action, [])).toBeNull();
	});
});
