import { describe, expect, it } from 'vitest';
import { QUOTE_STATUSES, type QuoteStatus } from '../schema/entities.ts';
import { canMoveQuote, isQuoteEditable, sendBlocker } from './status-flow.ts';

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
		expect(isQuoteEditable(status)).toBe(status === 'draft');
	});
});

describe('sendBlocker', () => {
	const line = (unitPrice: number, extra: object = {}) => ({ quantity: 1, unitPrice, ...extra });

	it('refuses a quote with no lines', () => {
		expect(sendBlocker([])).toBe('quoteEmpty');
	});

	it('refuses lines that add up to nothing', () => {
		expect(sendBlocker([line(0), line(0)])).toBe('quoteZeroTotal');
	});

	it('refuses a quote whose only priced lines are optional', () => {
		expect(sendBlocker([line(5000, { optional: true }), line(0)])).toBe('quoteZeroTotal');
	});

	it('refuses lines that cancel out to zero', () => {
		expect(sendBlocker([line(5000), line(-5000)])).toBe('quoteZeroTotal');
	});

	it('sends a quote priced only monthly', () => {
		expect(sendBlocker([line(0), line(1200, { billing: 'monthly' })])).toBeNull();
	});

	it('sends a quote with one priced line', () => {
		expect(sendBlocker([line(1)])).toBeNull();
	});
});
