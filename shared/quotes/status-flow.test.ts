import { describe, expect, it } from 'vitest';
import { QUOTE_STATUSES, type QuoteStatus } from '../schema/entities.ts';
import { canMoveQuote, isQuoteEditable } from './status-flow.ts';

// The whole table, written out: a change to the flow must change this test on purpose.
const ALLOWED: Record<QuoteStatus, QuoteStatus[]> = {
	draft: ['draft', 'sent'],
	sent: ['sent', 'accepted', 'declined', 'retracted'],
	accepted: ['accepted'],
	declined: ['declined', 'draft'],
	retracted: ['retracted', 'draft']
};

const pairs = QUOTE_STATUSES.flatMap((from) => QUOTE_STATUSES.map((to) => [from, to] as const));

describe('canMoveQuote', () => {
	it('covers all 25 pairs of the five statuses', () => {
		expect(QUOTE_STATUSES).toEqual(['draft', 'sent', 'accepted', 'declined', 'retracted']);
		expect(pairs).toHaveLength(25);
	});

	it.each(pairs)('%s → %s', (from, to) => {
		expect(canMoveQuote(from, to)).toBe(ALLOWED[from].includes(to));
	});

	it('lets nothing leave accepted', () => {
		expect(QUOTE_STATUSES.filter((to) => to !== 'accepted' && canMoveQuote('accepted', to))).toEqual([]);
	});

	it('reaches accepted only from sent', () => {
		expect(QUOTE_STATUSES.filter((from) => from !== 'accepted' && canMoveQuote(from, 'accepted'))).toEqual(['sent']);
	});
});

describe('isQuoteEditable', () => {
	it.each(QUOTE_STATUSES)('%s', (status) => {
		expect(isQuoteEditable(status)).toBe(status !== 'accepted');
	});
});
