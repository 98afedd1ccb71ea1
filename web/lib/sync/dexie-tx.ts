// Tx over Dexie, used inside one IndexedDB transaction. While a pending mutation runs, the first
// write to each row first keeps the row's confirmed value aside, so a pull can always rebuild
// "confirmed state + pending mutations" exactly (DESIGN section 3).

import { Dexie } from 'dexie';
import type { IndexOf, RowOf, TableName } from '../../../shared/schema/tables.ts';
import type { Tx } from '../../../shared/sync/tx.ts';
import { entityTable, type LocalDb } from '../platform/local-db.ts';

export function createDexieTx(db: LocalDb, options: { keepConfirmed: boolean }): Tx {
	// Within one transaction each row is read from IndexedDB at most once: the mutation's own reads
	// and the confirmed-value bookkeeping share what was read or written (about 1 ms a request here).
	const rows = new Map<string, { id: string } | null>();
	const confirmedKept = new Set<string>();
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

	async function keepConfirmed(table: TableName, id: string): Promise<void> {
		const key = keyOf(table, id);
		if (!options.keepConfirmed || confirmedKept.has(key)) return;
		confirmedKept.add(key);
		if (await db.confirmed.get([table, id])) return;
		await db.confirmed.put({ table, id, value: await current(table, id) });
	}

	return {
		get<T extends TableName>(table: T, id: string) {
			return current(table, id).then(
				(row) => (row === null ? undefined : structuredClone(row)) as RowOf<T> | undefined
			);
		},
		async put(table, row) {
			await keepConfirmed(table, row.id);
			await entityTable(db, table).put(row);
			rows.set(keyOf(table, row.id), structuredClone(row));
		},
		async delete(table, id) {
			await keepConfirmed(table, id);
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
		async all<T extends TableName>(table: T) {
			return (await entityTable(db, table).orderBy('id').toArray()) as RowOf<T>[];
		}
	};
}
