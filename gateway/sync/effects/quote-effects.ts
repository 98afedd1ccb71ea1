// The client never invents a quote number: it shows "provisional" until the gateway assigns the next
// one from the organisation's counter, in the transaction that first stores the quote: a new one, a
// duplicate or a revision.

import { sql } from 'kysely';
import type { Effect, EffectContext } from './effect-context.ts';

export const numberNewQuote: Effect<{ id: string }> = (ctx, { id }) => assignQuoteNumber(ctx, id);

/** A duplicate or revision is a new quote with its own number (`id` is the quote it copied). */
export const numberCopiedQuote: Effect<{ newId: string }> = (ctx, { newId }) => assignQuoteNumber(ctx, newId);

async function assignQuoteNumber({ trx, tx, orgId }: EffectContext, quoteId: string): Promise<void> {
	const quote = await tx.get('quotes', quoteId);
	if (!quote || quote.number !== null) return;
	const { next_quote_number: n } = await trx
		.updateTable('orgs')
		.set({ next_quote_number: sql`next_quote_number + 1` })
		.where('id', '=', orgId)
		.returning('next_quote_number')
		.executeTakeFirstOrThrow();
	await tx.put('quotes', { ...quote, number: formatQuoteNumber(n - 1) });
}

export function formatQuoteNumber(n: number): string {
	return `Q-${String(n).padStart(5, '0')}`;
}
