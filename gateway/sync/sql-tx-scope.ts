// Who may read a row (its scope column): a company's own rows, and a quote once it was sent to the
// customer; a quote's lines carry their quote's scope.

import { CUSTOMER_VISIBLE_QUOTE_STATUSES } from '../../shared/auth/read-scope.ts';
import type { RowOf, TableName } from '../../shared/schema/tables.ts';

/** `quoteScope` answers the scope the transaction sees on a quote (null: none, or no such quote). */
export async function scopeOf<T extends TableName>(
	table: T,
	row: RowOf<T>,
	quoteScope: (quoteId: string) => Promise<string | null>
): Promise<string | null> {
	switch (table) {
		case 'companies':
			return row.id;
		case 'quotes': {
			// A customer sees a quote once it has been sent to them; drafts and retracted ones stay in-house.
			const quote = row as RowOf<'quotes'>;
			return CUSTOMER_VISIBLE_QUOTE_STATUSES.has(quote.status) ? quote.companyId : null;
		}
		case 'users':
			return (row as RowOf<'users'>).companyId;
		case 'contacts':
			return (row as RowOf<'contacts'>).companyId;
		case 'quoteLines':
			return quoteScope((row as RowOf<'quoteLines'>).quoteId);
		case 'issues':
			// The quote an issue came from: who edits quotes reads it (shared/auth/read-scope.ts 'scoped').
			return (row as RowOf<'issues'>).quoteId;
		default:
			return null;
	}
}
