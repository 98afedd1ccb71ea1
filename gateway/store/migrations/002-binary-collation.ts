// Row keys sort by code unit on every store: the pull cursor, byIndex order and the client's
// compareCookies all assume it. SQLite's default (BINARY) already does; a Postgres database created
// with a language locale (en_US.UTF-8, the managed-service default) would not, so pin "C" there.

import { PostgresAdapter, sql, type Kysely, type Migration } from 'kysely';

export const binaryCollation: Migration = {
	async up(db: Kysely<unknown>) {
		if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
		await sql`ALTER TABLE entities
			ALTER COLUMN tbl TYPE text COLLATE "C",
			ALTER COLUMN id TYPE text COLLATE "C",
			ALTER COLUMN parent TYPE text COLLATE "C"`.execute(db);
	}
};
