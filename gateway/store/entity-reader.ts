// Reads replicated rows outside a push (sign-in, guards, admin routes). Writes always go through a
// push transaction's Tx so they are versioned and replicate.

import type { Kysely } from 'kysely';
import { TABLES, type RowOf, type TableName } from '../../shared/schema/tables.ts';
import type { Database } from './schema.ts';

export async function readEntity<T extends TableName>(
	db: Kysely<Database>,
	orgId: string,
	table: T,
	id: string
): Promise<RowOf<T> | undefined> {
	const row = await db
		.selectFrom('entities')
		.select('value')
		.where('org_id', '=', orgId)
		.where('tbl', '=', table)
		.where('id', '=', id)
		.where('deleted', '=', 0)
		.executeTakeFirst();
	return row ? (TABLES[table].schema.parse(JSON.parse(row.value)) as RowOf<T>) : undefined;
}

export async function readEntities<T extends TableName>(
	db: Kysely<Database>,
	orgId: string,
	table: T,
	ids?: readonly string[]
): Promise<RowOf<T>[]> {
	if (ids && ids.length === 0) return [];
	let query = db
		.selectFrom('entities')
		.select('value')
		.where('org_id', '=', orgId)
		.where('tbl', '=', table)
		.where('deleted', '=', 0);
	if (ids) query = query.where('id', 'in', ids);
	const rows = await query.orderBy('id').execute();
	return rows.map((r) => TABLES[table].schema.parse(JSON.parse(r.value)) as RowOf<T>);
}
