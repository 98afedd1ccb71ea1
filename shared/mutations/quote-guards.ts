// Lookups every quote mutation starts with: the row must exist and the quote must still be editable
// (a draft); a status change alone may also move a sent, declined or retracted quote.

import { DomainError } from '../errors.ts';
import type { Quote, QuoteLine } from '../schema/entities.ts';
import { isQuoteEditable, sendBlocker } from '../quotes/status-flow.ts';
import type { Tx } from '../sync/tx.ts';

export async function requireQuote(tx: Tx, id: string): Promise<Quote> {
	const quote = await tx.get('quotes', id);
	if (!quote) throw DomainError.of('quoteNotFound');
	return quote;
}

export async function requireEditableQuote(tx: Tx, id: string): Promise<Quote> {
	const quote = await requireOpenQuote(tx, id);
	if (!isQuoteEditable(quote.status)) throw DomainError.of('quoteNotDraft');
	return quote;
}

/** Any quote but an accepted one, which is final: the status of a sent quote may still move. */
export async function requireOpenQuote(tx: Tx, id: string): Promise<Quote> {
	const quote = await requireQuote(tx, id);
	if (quote.status === 'accepted') throw DomainError.of('quoteReadOnly');
	return quote;
}

/** A quote goes to the customer with at least one line and something to pay. */
export async function requireSendable(tx: Tx, quoteId: string): Promise<void> {
	const blocker = sendBlocker(await tx.byIndex('quoteLines', 'quoteId', quoteId));
	if (blocker) throw DomainError.of(blocker);
}

export async function requireLine(tx: Tx, id: string): Promise<QuoteLine> {
	const line = await tx.get('quoteLines', id);
	if (!line) throw DomainError.of('quoteLineNotFound');
	return line;
}

/** Marks the quote as changed so lists sorted by recent activity move it up. */
export async function touchQuote(tx: Tx, quote: Quote, now: number): Promise<void> {
	await tx.put('quotes', { ...quote, updatedAt: now });
}
