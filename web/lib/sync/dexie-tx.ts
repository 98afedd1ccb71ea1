// Tx over Dexie, used inside one IndexedDB transaction (the replay of pending mutations after a pull).
// Each row's value from before the transaction first wrote it is collected, for the outbox entry that
// wrote it (confirmed-values.ts), so a pull can always rebuild "confirmed state + pending mutations"
// exactly (DESIGN section 3).

import { Dexie } from 'dexie';
import type { IndexOf, RowOf, TableName } from '../../../shared/schema/tables.ts';
import { greatestKey } from '../../../shared/sync/greatest-key.ts';
import type { Tx } from '../../../shared/sync/tx.ts';
import { entityTable, type LocalDb } from '../platform/local-db.ts';
import type { RowBefore } from './confirmed-values.ts';

export type DexieTx = Tx & {
	/** The rows first written since the last call, as they were before; the list starts again empty. */
	takeBefore(): RowBefore[];
};

export function createDexieTx(db: LocalDb): DexieTx {
	// Within one transaction each row is read from IndexedDB at most once: the mutations' own reads
	// and the record of values before share what was read or written (about 1 ms a request here).
	const rows = new Map<string, { id: string } | null>();
	const written = new Set<string>();
	let before: RowBefore[] = [];
	const keyOf = (table: TableName, id: string) => `${table}\u0000${id}`;

	// Cached answers are Dexie promises, not native ones: Dexie gives up a transaction after about 100
	// awaits of native promises in a row that make no IndexedDB request (its zone echo limit).
	function current(table: TableName, id: string): Promise<{ id: string } | null> {
		const key = keyOf(table, id);
		if (rows.has(key)) return Dexie.Promise.resolve(rows.get(key)!);
		return entityTable(db, table)
			.get(id)
			.then((row) => {
				if (!rows.has(key)) rows.set(key, row ?? null);
				return rows.get(key)!;
			});
	}

	async function noteFirstWrite(table: TableName, id: string): Promise<void> {
		const key = keyOf(table, id);
		if (written.has(key)) return;
		written.add(key);
		before.push({ table, id, value: await current(table, id) });
	}

	return {
		takeBefore() {
			const taken = before;
			before = [];
			return taken;
		},
		get<T extends TableName>(table: T, id: string) {
			return current(table, id).then(
				(row) => (row === null ? undefined : structuredClone(row)) as RowOf<T> | undefined
			);
		},
		async put(table, row) {
			await noteFirstWrite(table, row.id);
			await entityTable(db, table).put(row);
			rows.set(keyOf(table, row.id), structuredClone(row));
		},
		async delete(table, id) {
			await noteFirstWrite(table, id);
			await entityTable(db, table).delete(id);
			rows.set(keyOf(table, id), null);
		},
		async byIndex<T extends TableName>(table: T, field: IndexOf<T>, value: string) {
			const rows = await entityTable(db, table)
				.where(field as string)
				.equals(value)
				.toArray();
			return rows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)) as RowOf<T>[];
		},
		async greatestByIndex(table, field, value, key) {
			return greatestKey(
				await entityTable(db, table)
					.where(field as string)
					.equals(value)
					.toArray(),
				key
			);
		},
		async all<T extends TableName>(table: T) {
			return (await entityTable(db, table).orderBy('id').toArray()) as RowOf<T>[];
		}
	};
}
