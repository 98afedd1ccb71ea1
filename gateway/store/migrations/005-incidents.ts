// Platform incidents: the recent outcomes of Outpost's calls to each outside system (and its own
// unexpected errors), which the health rule reads to open and close measured incidents. The incidents
// themselves are replicated rows in `entities`; these outcomes never leave the gateway.

import type { Kysely, Migration } from 'kysely';

export const incidents: Migration = {
	async up(db: Kysely<unknown>) {
		await db.schema
			.createTable('health_outcomes')
			.addColumn('id', 'text', (c) => c.primaryKey())
			.addColumn('org_id', 'text', (c) => c.notNull())
			.addColumn('system', 'text', (c) => c.notNull())
			.addColumn('at', 'bigint', (c) => c.notNull())
			.addColumn('outcome', 'text', (c) => c.notNull())
			.execute();
		await db.schema
			.createIndex('health_outcomes_by_system')
			.on('health_outcomes')
			.columns(['org_id', 'system', 'at'])
			.execute();
	}
};
