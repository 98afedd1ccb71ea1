import { describe, expect, it } from 'vitest';
import { canMoveQuote } from '../../../shared/quotes/status-flow.ts';
import { QUOTE_STATUSES } from '../../../shared/schema/entities.ts';
import { canRevise, statusActions } from './quote-status-actions.ts';

describe('statusActions', () => {
	it('offers only moves the status flow allows, and never accepting for the customer', () => {
		for (const status of QUOTE_STATUSES) {
			for (const action of statusActions(status)) {
				expect(canMoveQuote(status, action.to)).toBe(true);
				expect(action.to).not.toBe('accepted');
			}
		}
	});

	it('sends a draft, retracts a sent quote, takes a declined or retracted one back to draft', () => {
		expect(statusActions('draft').map((a) => a.to)).toEqual(['sent']);
		expect(statusActions('sent').map((a) => a.to)).toEqual(['retracted']);
		expect(statusActions('declined').map((a) => a.to)).toEqual(['draft']);
		expect(statusActions('retracted').map((a) => a.to)).toEqual(['draft']);
		expect(statusActions('accepted')).toEqual([]);
	});
});

describe('canRevise', () => {
	it('revises anything but a draft', () => {
		expect(QUOTE_STATUSES.filter(canRevise)).toEqual(['sent', 'accepted', 'declined', 'retracted']);
	});
});
