// Lookups every quote mutation starts with: the row must exist and the quote must still be editable.

import { DomainError } from '../errors.ts';
import type { Quote, QuoteLine } from '../schema/entities.ts';
import { isQuoteEditable } from '../quotes/status-flow.ts';
import type { Tx } from '../sync/tx.ts';

export async function requireQuote(tx: Tx, id: string): Promise<Quote> {
	const quote = await tx.get('quotes', id);
	if (!quote) throw DomainError.of('quoteNotFound');
	return quote;
}

export async function requireEditableQuote(tx: Tx, id: string): Promise<Quote> {
	const quote = await requireQuote(tx, id);
	if (!isQuoteEditable(quote.status)) throw DomainError.of('quoteReadOnly');
	return quote;
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
