// The first schema: organisations, people and sessions, the sync bookkeeping, and the replicated rows.

import type { Kysely, Migration } from 'kysely';

export const initial: Migration = {
	async up(db: Kysely<unknown>) {
		await db.schema
			.createTable('orgs')
			.addColumn('id', 'text', (c) => c.primaryKey())
			.addColumn('name', 'text', (c) => c.notNull())
			.addColumn('version', 'bigint', (c) => c.notNull().defaultTo(0))
			.addColumn('next_quote_number', 'bigint', (c) => c.notNull().defaultTo(1))
			.execute();
		// Identity and credentials only; what an admin edits about a person is the replicated users row.
		await db.schema
			.createTable('users')
			.addColumn('id', 'text', (c) => c.primaryKey())
			.addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
			.addColumn('email', 'text', (c) => c.notNull().unique())
			.addColumn('password_hash', 'text')
			.addColumn('email_verified', 'integer', (c) => c.notNull().defaultTo(0))
			.addColumn('acl_version', 'bigint', (c) => c.notNull().defaultTo(1))
			.addColumn('created_at', 'bigint', (c) => c.notNull())
			.execute();
		await db.schema
			.createTable('user_identities')
			.addColumn('provider', 'text', (c) => c.notNull())
			.addColumn('subject', 'text', (c) => c.notNull())
			.addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
			.addPrimaryKeyConstraint('user_identities_pk', ['provider', 'subject'])
			.execute();
		await db.schema
			.createTable('one_time_tokens')
			.addColumn('token_hash', 'text', (c) => c.primaryKey())
			.addColumn('purpose', 'text', (c) => c.notNull())
			.addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
			.addColumn('created_at', 'bigint', (c) => c.notNull())
			.addColumn('expires_at', 'bigint', (c) => c.notNull())
			.addColumn('used_at', 'bigint')
			.execute();
		await db.schema
			.createTable('sent_mail')
			.addColumn('id', 'text', (c) => c.primaryKey())
			.addColumn('org_id', 'text', (c) => c.notNull())
			.addColumn('to_address', 'text', (c) => c.notNull())
			.addColumn('subject', 'text', (c) => c.notNull())
			.addColumn('body', 'text', (c) => c.notNull())
			.addColumn('sent_at', 'bigint', (c) => c.notNull())
			.execute();
		await db.schema.createIndex('sent_mail_by_org').on('sent_mail').columns(['org_id', 'sent_at']).execute();
		await db.schema
			.createTable('sign_in_attempts')
			.addColumn('key', 'text', (c) => c.notNull())
			.addColumn('at', 'bigint', (c) => c.notNull())
			.execute();
		await db.schema.createIndex('sign_in_attempts_by_key').on('sign_in_attempts').columns(['key', 'at']).execute();
		await db.schema
			.createTable('sessions')
			.addColumn('id_hash', 'text', (c) => c.primaryKey())
			.addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
			.addColumn('created_at', 'bigint', (c) => c.notNull())
			.addColumn('expires_at', 'bigint', (c) => c.notNull())
			.addColumn('last_seen_at', 'bigint', (c) => c.notNull())
			.execute();
		await db.schema
			.createTable('client_groups')
			.addColumn('id', 'text', (c) => c.primaryKey())
			.addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
			.addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
			.addColumn('created_at', 'bigint', (c) => c.notNull())
			.execute();
		await db.schema
			.createTable('clients')
			.addColumn('id', 'text', (c) => c.primaryKey())
			.addColumn('client_group_id', 'text', (c) => c.notNull().references('client_groups.id'))
			.addColumn('last_mutation_id', 'bigint', (c) => c.notNull())
			.addColumn('version', 'bigint', (c) => c.notNull())
			.execute();
		await db.schema.createIndex('clients_by_group').on('clients').columns(['client_group_id', 'version']).execute();
		await db.schema
			.createTable('rejections')
			.addColumn('client_group_id', 'text', (c) => c.notNull())
			.addColumn('client_id', 'text', (c) => c.notNull())
			.addColumn('mutation_id', 'bigint', (c) => c.notNull())
			.addColumn('name', 'text', (c) => c.notNull())
			.addColumn('code', 'text', (c) => c.notNull())
			.addColumn('message', 'text', (c) => c.notNull())
			.addColumn('version', 'bigint', (c) => c.notNull())
			.addPrimaryKeyConstraint('rejections_pk', ['client_id', 'mutation_id'])
			.execute();
		await db.schema
			.createIndex('rejections_by_group')
			.on('rejections')
			.columns(['client_group_id', 'version'])
			.execute();
		await db.schema
			.createTable('entities')
			.addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
			.addColumn('tbl', 'text', (c) => c.notNull())
			.addColumn('id', 'text', (c) => c.notNull())
			.addColumn('version', 'bigint', (c) => c.notNull())
			.addColumn('deleted', 'integer', (c) => c.notNull().defaultTo(0))
			.addColumn('scope', 'text')
			.addColumn('parent', 'text')
			.addColumn('value', 'text', (c) => c.notNull())
			.addPrimaryKeyConstraint('entities_pk', ['org_id', 'tbl', 'id'])
			.execute();
		await db.schema
			.createIndex('entities_by_version')
			.on('entities')
			.columns(['org_id', 'version', 'tbl', 'id'])
			.execute();
		await db.schema.createIndex('entities_by_parent').on('entities').columns(['org_id', 'tbl', 'parent']).execute();
	}
};
