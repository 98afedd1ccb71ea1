// Our Tx interface over a Replicache write transaction, so the Replicache reference runs the very
// same shared mutation code (shared/mutations) and only the storage engine differs. Keys are
// "<table>/<id>"; each table's one secondary index is a Replicache index named "<table>.<field>".

import type { IndexDefinitions, ReadonlyJSONValue, WriteTransaction } from 'replicache';
import { TABLES, TABLE_NAMES, type RowOf, type TableName } from '../../shared/schema/tables.ts';
import { greatestKey } from '../../shared/sync/greatest-key.ts';
import type { Tx } from '../../shared/sync/tx.ts';

export const replicacheKey = (table: string, id: string) => `${table}/${id}`;

export const REPLICACHE_INDEXES: IndexDefinitions = Object.fromEntries(
	TABLE_NAMES.flatMap((table) => {
		const field = TABLES[table].index;
		return field ? [[`${table}.${field}`, { prefix: `${table}/`, jsonPointer: `/${field}` }]] : [];
	})
);

export function createReplicacheTx(tx: WriteTransaction): Tx {
	return {
		async get<T extends TableName>(table: T, id: string) {
			return (await tx.get(replicacheKey(table, id))) as RowOf<T> | undefined;
		},
		async put(table, row) {
			await tx.set(replicacheKey(table, row.id), row as unknown as ReadonlyJSONValue);
		},
		async delete(table, id) {
			await tx.del(replicacheKey(table, id));
		},
		async byIndex<T extends TableName>(table: T, field: string, value: string) {
			const rows: RowOf<T>[] = [];
			for await (const [[secondary], row] of tx
				.scan({ indexName: `${table}.${field}`, start: { key: [value] } })
				.entries()) {
				if (secondary !== value) break;
				rows.push(row as unknown as RowOf<T>);
			}
			return rows;
		},
		async greatestByIndex(table, field, value, key) {
			return greatestKey(await this.byIndex(table, field, value), key);
		},
		async all<T extends TableName>(table: T) {
			return (await tx
				.scan({ prefix: `${table}/` })
				.values()
				.toArray()) as unknown as RowOf<T>[];
		}
	};
}
