// Tx over plain Maps, one per table: the reference implementation for pure tests of mutations.
// It knows nothing of versions, scopes or persistence; rows are copied in and out like a real store.

import { TABLE_NAMES, TABLES, type IndexOf, type RowOf, type TableName } from '../schema/tables.ts';
import { greatestKey } from './greatest-key.ts';
import type { Tx } from './tx.ts';

export type MemoryTables = { [T in TableName]?: RowOf<T>[] };

export type MemoryTx = Tx & {
	/** Every table's rows in id order: a deep copy, handy for "nothing changed" assertions. */
	dump(): { [T in TableName]: RowOf<T>[] };
};

export function createMemoryTx(initial: MemoryTables = {}): MemoryTx {
	const tables = new Map<TableName, Map<string, unknown>>();
	const tableOf = (name: TableName) => {
		let table = tables.get(name);
		if (!table) tables.set(name, (table = new Map()));
		return table;
	};
	for (const [name, rows] of Object.entries(initial) as [TableName, { id: string }[]][]) {
		for (const row of rows) tableOf(name).set(row.id, structuredClone(row));
	}
	const indexed = <T extends TableName>(table: T, field: IndexOf<T>, value: string) =>
		([...tableOf(table).values()] as RowOf<T>[]).filter((row) => (row as Record<string, unknown>)[field] === value);
	const sorted = <R extends { id: string }>(rows: R[]) => rows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

	return {
		async get<T extends TableName>(table: T, id: string) {
			const row = tableOf(table).get(id);
			return row === undefined ? undefined : (structuredClone(row) as RowOf<T>);
		},
		async put(table, row) {
			tableOf(table).set(row.id, structuredClone(row));
		},
		async delete(table, id) {
			tableOf(table).delete(id);
		},
		async byIndex<T extends TableName>(table: T, field: IndexOf<T>, value: string) {
			if (TABLES[table].index !== field) throw new Error(`${table} has no index on ${String(field)}`);
			return sorted(indexed(table, field, value).map((row) => structuredClone(row)));
		},
		async greatestByIndex(table, field, value, key) {
			if (TABLES[table].index !== field) throw new Error(`${table} has no index on ${String(field)}`);
			return greatestKey(indexed(table, field, value), key);
		},
		async all<T extends TableName>(table: T) {
			return sorted(structuredClone([...tableOf(table).values()]) as RowOf<T>[]);
		},
		dump() {
			const copyOf = (name: TableName) => sorted(structuredClone([...tableOf(name).values()]) as { id: string }[]);
			return Object.fromEntries(TABLE_NAMES.map((name) => [name, copyOf(name)])) as ReturnType<MemoryTx['dump']>;
		}
	};
}
