// The client never invents a quote number: it shows "provisional" until the gateway assigns the next
// one from the organisation's counter, in the transaction that first stores the quote.

import { sql } from 'kysely';
import type { Effect } from './effect-context.ts';

export const assignQuoteNumber: Effect = async ({ trx, tx, orgId }, args) => {
	const quote = await tx.get('quotes', String(args.id));
	if (!quote || quote.number !== null) return;
	const { next_quote_number: n } = await trx
		.updateTable('orgs')
		.set({ next_quote_number: sql`next_quote_number + 1` })
		.where('id', '=', orgId)
		.returning('next_quote_number')
		.executeTakeFirstOrThrow();
	await tx.put('quotes', { ...quote, number: formatQuoteNumber(n - 1) });
};

export function formatQuoteNumber(n: number): string {
	return `Q-${String(n).padStart(5, '0')}`;
}
