// Everything the store holds for one organisation, in a stable order: compared before and after an
// attack from elsewhere, any difference is a write that got through.

import type { Store } from '../store/store.ts';

export async function orgSnapshot(store: Store, orgId: string) {
	const db = store.db;
	return {
		org: await db.selectFrom('orgs').selectAll().where('id', '=', orgId).execute(),
		entities: await db
			.selectFrom('entities')
			.selectAll()
			.where('org_id', '=', orgId)
			.orderBy('tbl')
			.orderBy('id')
			.execute(),
		users: await db.selectFrom('users').selectAll().where('org_id', '=', orgId).orderBy('id').execute(),
		mail: await db.selectFrom('sent_mail').selectAll().where('org_id', '=', orgId).orderBy('id').execute(),
		jobs: await db.selectFrom('jobs').selectAll().where('org_id', '=', orgId).execute(),
		credentials: await db.selectFrom('integration_credentials').selectAll().where('org_id', '=', orgId).execute()
	};
}

/** The replicated rows of an organisation that are not deleted, keyed `table/id`, values parsed. */
export async function liveRows(store: Store, orgId: string): Promise<Map<string, unknown>> {
	const rows = await store.db
		.selectFrom('entities')
		.select(['tbl', 'id', 'value'])
		.where('org_id', '=', orgId)
		.where('deleted', '=', 0)
		.execute();
	return new Map(rows.map((r) => [`${r.tbl}/${r.id}`, JSON.parse(r.value)]));
}
