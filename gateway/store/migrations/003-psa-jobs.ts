// PSA sync: durable jobs with a per-entity lock, the links between Outpost rows and PSA records, the
// encrypted credentials, and the rate budgets every replica shares.

import type { Kysely, Migration } from 'kysely';

export const psaJobs: Migration = {
	async up(db: Kysely<unknown>) {
		await db.schema
			.createTable('jobs')
			.addColumn('id', 'text', (c) => c.primaryKey())
			.addColumn('org_id', 'text', (c) => c.notNull())
			.addColumn('provider', 'text', (c) => c.notNull())
			.addColumn('kind', 'text', (c) => c.notNull())
			.addColumn('entity_id', 'text', (c) => c.notNull())
			// Set while the job is queued or running: a second job for the same entity cannot be inserted.
			.addColumn('lock_key', 'text', (c) => c.unique())
			.addColumn('status', 'text', (c) => c.notNull())
			.addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
			.addColumn('retries', 'integer', (c) => c.notNull().defaultTo(0))
			.addColumn('run_at', 'bigint', (c) => c.notNull())
			.addColumn('lease_until', 'bigint')
			.addColumn('last_error', 'text')
			.addColumn('requested_by', 'text')
			.addColumn('created_at', 'bigint', (c) => c.notNull())
			.addColumn('updated_at', 'bigint', (c) => c.notNull())
			.execute();
		await db.schema.createIndex('jobs_due').on('jobs').columns(['status', 'run_at']).execute();
		await db.schema
			.createIndex('jobs_by_kind')
			.on('jobs')
			.columns(['org_id', 'provider', 'kind', 'updated_at'])
			.execute();
		await db.schema
			.createTable('external_links')
			.addColumn('org_id', 'text', (c) => c.notNull())
			.addColumn('provider', 'text', (c) => c.notNull())
			.addColumn('kind', 'text', (c) => c.notNull())
			.addColumn('local_id', 'text', (c) => c.notNull())
			.addColumn('external_id', 'text', (c) => c.notNull())
			.addPrimaryKeyConstraint('external_links_pk', ['org_id', 'provider', 'kind', 'local_id'])
			.execute();
		await db.schema
			.createIndex('external_links_by_external')
			.on('external_links')
			.columns(['org_id', 'provider', 'kind', 'external_id'])
			.execute();
		await db.schema
			.createTable('integration_credentials')
			.addColumn('org_id', 'text', (c) => c.notNull())
			.addColumn('provider', 'text', (c) => c.notNull())
			.addColumn('ciphertext', 'text', (c) => c.notNull())
			.addColumn('updated_at', 'bigint', (c) => c.notNull())
			.addPrimaryKeyConstraint('integration_credentials_pk', ['org_id', 'provider'])
			.execute();
		// Where periodic PSA reads left off (the opportunity poll's lastActivity watermark).
		await db.schema
			.createTable('psa_cursors')
			.addColumn('org_id', 'text', (c) => c.notNull())
			.addColumn('provider', 'text', (c) => c.notNull())
			.addColumn('name', 'text', (c) => c.notNull())
			.addColumn('value', 'text', (c) => c.notNull())
			.addPrimaryKeyConstraint('psa_cursors_pk', ['org_id', 'provider', 'name'])
			.execute();
		// Requests per budget and minute; a rolling hour is the sum of the buckets it overlaps.
		await db.schema
			.createTable('rate_usage')
			.addColumn('budget_key', 'text', (c) => c.notNull())
			.addColumn('minute', 'bigint', (c) => c.notNull())
			.addColumn('count', 'integer', (c) => c.notNull())
			.addPrimaryKeyConstraint('rate_usage_pk', ['budget_key', 'minute'])
			.execute();
		// Requests in flight per budget and endpoint; a lease that outlives a crashed replica expires.
		await db.schema
			.createTable('rate_inflight')
			.addColumn('token', 'text', (c) => c.primaryKey())
			.addColumn('budget_key', 'text', (c) => c.notNull())
			.addColumn('endpoint', 'text', (c) => c.notNull())
			.addColumn('lease_until', 'bigint', (c) => c.notNull())
			.execute();
		await db.schema
			.createIndex('rate_inflight_by_endpoint')
			.on('rate_inflight')
			.columns(['budget_key', 'endpoint'])
			.execute();
		// One row per budget: locking it serialises admission across replicas on Postgres.
		await db.schema
			.createTable('rate_budgets')
			.addColumn('budget_key', 'text', (c) => c.primaryKey())
			.execute();
	}
};
