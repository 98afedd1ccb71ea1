// Distributor webhook deliveries already applied, by organisation and event id, so a replayed or
// redelivered event changes nothing. Rows older than the replay window are pruned as new ones arrive
// (gateway/procurement/webhook-events.ts); they never leave the gateway.

import type { Kysely, Migration } from 'kysely';

export const webhookEvents: Migration = {
	async up(db: Kysely<unknown>) {
		await db.schema
			.createTable('webhook_events')
			.addColumn('org_id', 'text', (c) => c.notNull())
			.addColumn('source', 'text', (c) => c.notNull())
			.addColumn('event_id', 'text', (c) => c.notNull())
			.addColumn('received_at', 'bigint', (c) => c.notNull())
			.addPrimaryKeyConstraint('webhook_events_pk', ['org_id', 'source', 'event_id'])
			.execute();
		await db.schema
			.createIndex('webhook_events_by_age')
			.on('webhook_events')
			.columns(['org_id', 'source', 'received_at'])
			.execute();
	}
};
