// Which quote status may follow which, which status may be edited, and what a quote needs before it
// is sent. An accepted quote is final: nothing about it changes again.

import type { ErrorKey } from '../errors.ts';
import { quoteTotals, type PricedLine } from '../pricing/quote-totals.ts';
import type { QuoteStatus } from '../schema/entities.ts';

const NEXT: Record<QuoteStatus, readonly QuoteStatus[]> = {
	draft: ['sent'],
	sent: ['accepted', 'declined', 'retracted'],
	declined: ['draft'],
	retracted: ['draft'],
	accepted: []
};

export function canMoveQuote(from: QuoteStatus, to: QuoteStatus): boolean {
	return from === to || NEXT[from].includes(to);
}

/** Only a draft is edited: what the customer has seen stays as they saw it; a revision changes it. */
export function isQuoteEditable(status: QuoteStatus): boolean {
	return status === 'draft';
}

/** Why these lines cannot go to a customer yet, or null when they can. Optional lines are not counted. */
export function sendBlocker(lines: readonly PricedLine[]): Extract<ErrorKey, 'quoteEmpty' | 'quoteZeroTotal'> | null {
	if (lines.length === 0) return 'quoteEmpty';
	const { price } = quoteTotals(lines);
	return Object.values(price).every((total) => total === 0) ? 'quoteZeroTotal' : null;
}
