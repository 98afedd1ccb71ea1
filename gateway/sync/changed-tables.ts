// The replicated tables a push changed, read after it committed: every row it wrote (effects
// included) carries the version its client was advanced to. Index-only: one seek per table.
// Undefined when that cannot be read: then every stream of the organisation is poked, as before.

import { TABLE_NAMES, type TableName } from '../../shared/schema/tables.ts';
import type { Store } from '../store/store.ts';

export async function changedTables(store: Store, orgId: string, clientID: string): Promise<TableName[] | undefined> {
	return readChangedTables(store, orgId, clientID).catch(() => undefined);
}

async function readChangedTables(store: Store, orgId: string, clientID: string): Promise<TableName[]> {
	const client = await store.db.selectFrom('clients').select('version').where('id', '=', clientID).executeTakeFirst();
	if (!client) return [];
	const row = await store.db
		.selectNoFrom((eb) =>
			TABLE_NAMES.map((table) =>
				eb
					.exists(
						eb
							.selectFrom('entities')
							.select('id')
							.where('org_id', '=', orgId)
							.where('version', '=', client.version)
							.where('tbl', '=', table)
					)
					.as(table)
			)
		)
		.executeTakeFirstOrThrow();
	const found = row as Record<TableName, unknown>;
	return TABLE_NAMES.filter((table) => Boolean(found[table]));
}
