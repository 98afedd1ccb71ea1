// Effects that only the gateway may have, run in the same transaction as the mutation they follow:
// the client never invents a quote number, it shows "provisional" until this one arrives.

import type { Transaction } from 'kysely';
import { sql } from 'kysely';
import type { Tx } from '../../shared/sync/tx.ts';
import type { Database } from '../store/schema.ts';

type Effect = (trx: Transaction<Database>, tx: Tx, orgId: string, args: { id: string }) => Promise<void>;

export const SERVER_EFFECTS: Partial<Record<string, Effect>> = {
	async createQuote(trx, tx, orgId, args) {
		const quote = await tx.get('quotes', args.id);
		if (!quote || quote.number !== null) return;
		const { next_quote_number: n } = await trx
			.updateTable('orgs')
			.set({ next_quote_number: sql`next_quote_number + 1` })
			.where('id', '=', orgId)
			.returning('next_quote_number')
			.executeTakeFirstOrThrow();
		await tx.put('quotes', { ...quote, number: formatQuoteNumber(n - 1) });
	}
};

export function formatQuoteNumber(n: number): string {
	return `Q-${String(n).padStart(5, '0')}`;
}
