// Writes many replicated rows at once, the way the sync store's put() stores each (validated, stamped
// with the transaction's space version, scoped, indexed by parent), in a few multi-row inserts: the
// demo's quotes and lines are thousands of rows and seeding must stay quick on every first start.
// Only for rows that are new: it does not revoke or rescope what was there (put() does).

import type { Transaction } from 'kysely';
import { TABLES, type RowOf, type TableName } from '../../shared/schema/tables.ts';
import type { Database } from '../store/schema.ts';

export type NewEntity<T extends TableName = TableName> = { table: T; row: RowOf<T>; scope: string | null };

/** Rows per INSERT: eight parameters a row stays far below PostgreSQL's 65,535. */
const CHUNK = 500;

export async function insertEntities(
	trx: Transaction<Database>,
	orgId: string,
	version: number,
	entities: readonly NewEntity[]
): Promise<void> {
	const values = entities.map(({ table, row, scope }) => {
		const data = TABLES[table].schema.parse(row) as Record<string, unknown>;
		const index = TABLES[table].index;
		const parent = index ? String(data[index]) : null;
		return { org_id: orgId, tbl: table, id: row.id, version, deleted: 0, scope, parent, value: JSON.stringify(data) };
	});
	for (let start = 0; start < values.length; start += CHUNK) {
		await trx
			.insertInto('entities')
			.values(values.slice(start, start + CHUNK))
			.execute();
	}
}
