// Which quote status may follow which. An accepted quote is final: nothing about it changes again.

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

export function isQuoteEditable(status: QuoteStatus): boolean {
	return status !== 'accepted';
}
