// Where a row's confirmed (server) value is kept while pending mutations change it (DESIGN section 3).
// Each outbox entry holds, for every row its mutation wrote, the row as it was just before: a local
// write keeps them in the entry it adds anyway, at no request of their own. The earliest pending entry
// that holds a row holds its confirmed value, since no pending mutation had touched the row before it.
// Later entries may hold a row too (a local write cannot know, without asking, that one already does);
// they never win while an earlier one is pending, and the replay after each pull, in the transaction
// that drops acknowledged entries, leaves each row's value only in the earliest entry that wrote it.

import type { TableName } from '../../../shared/schema/tables.ts';

/** A row as it was before a mutation first wrote it; null when it did not exist. */
export type RowBefore = { table: TableName; id: string; value: unknown | null };

/** Each row's confirmed value: the first value held for it, `entries` in outbox order. */
export function confirmedValues(entries: readonly { before?: readonly RowBefore[] }[]): RowBefore[] {
	const found = new Map<string, RowBefore>();
	for (const entry of entries) {
		for (const row of entry.before ?? []) {
			const key = `${row.table}\u0000${row.id}`;
			if (!found.has(key)) found.set(key, row);
		}
	}
	return [...found.values()];
}

/** Whether two entries hold the same values (rows are JSON from the wire or from the same store). */
export function sameBefores(a: readonly RowBefore[] | undefined, b: readonly RowBefore[]): boolean {
	return JSON.stringify(a ?? []) === JSON.stringify(b);
}
