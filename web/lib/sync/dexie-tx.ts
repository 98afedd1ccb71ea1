// Tx over Dexie, used inside one IndexedDB transaction. While a pending mutation runs, the first
// write to each row first keeps the row's confirmed value aside, so a pull can always rebuild
// "confirmed state + pending mutations" exactly (DESIGN section 3).

import type { IndexOf, RowOf, TableName } from '../../../shared/schema/tables.ts';
import type { Tx } from '../../../shared/sync/tx.ts';
import { entityTable, type LocalDb } from '../platform/local-db.ts';

export function createDexieTx(db: LocalDb, options: { keepConfirmed: boolean }): Tx {
	async function keepConfirmed(table: TableName, id: string): Promise<void> {
		if (!options.keepConfirmed) return;
		if (await db.confirmed.get([table, id])) return;
		const current = await entityTable(db, table).get(id);
		await db.confirmed.put({ table, id, value: current ?? null });
	}

	return {
		async get<T extends TableName>(table: T, id: string) {
			return (await entityTable(db, table).get(id)) as RowOf<T> | undefined;
		},
		async put(table, row) {
			await keepConfirmed(table, row.id);
			await entityTable(db, table).put(row);
		},
		async delete(table, id) {
			await keepConfirmed(table, id);
			await entityTable(db, table).delete(id);
		},
		async byIndex<T extends TableName>(table: T, field: IndexOf<T>, value: string) {
			const rows = await entityTable(db, table).where(field as string).equals(value).toArray();
			return rows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)) as RowOf<T>[];
		},
		async all<T extends TableName>(table: T) {
			return (await entityTable(db, table).orderBy('id').toArray()) as RowOf<T>[];
		}
	};
}
