// The statements a push runs on the entities table, as raw SQL: no query builder per call (a tenth
// of a push's time went into building and compiling queries), yet still through Kysely's executor,
// so the dialect's placeholders apply. Many rows go in one statement with a fixed text, one round
// trip whatever their number: rows written as one jsonb array parameter on Postgres, ids probed as
// Postgres arrays (unnest) or JSON arrays. SQLite has no round trip to save: it writes row by row
// with one compiled statement, cheaper than parsing the rows back out of a JSON array.
// The per-mutation reads are prepared once per connection. Given the store's SQLite statements, the
// statements repeated per mutation or per row skip Kysely's executor, plugins and all: a test that
// counts or fails statements does so at the driver (StoreOptions.observe), which sees both paths.

import { PostgresAdapter, sql, type CompiledQuery, type RawBuilder, type Transaction } from 'kysely';
import { prepared } from '../store/prepared-statements.ts';
import type { Database } from '../store/schema.ts';
import type { SqliteStatements } from '../store/store.ts';

/** A row of the entities table as a push reads and writes it (org and version are the transaction's). */
export type StoredEntity = {
	tbl: string;
	id: string;
	deleted: number;
	scope: string | null;
	parent: string | null;
	value: string;
};

/** The texts of the statements run directly on SQLite (reused below), by name. */
const SQLITE_TEXTS = new Map<string, string>();

export function entityStatements(trx: Transaction<Database>, orgId: string, sqlite?: SqliteStatements) {
	const postgres = trx.getExecutor().adapter instanceof PostgresAdapter;
	const direct = postgres ? undefined : sqlite;
	const entities = sql.table('entities');
	const columns = sql`tbl, id, deleted, scope, parent, value`;
	async function rows<R>(query: RawBuilder<R>): Promise<R[]> {
		return (await query.execute(trx)).rows;
	}
	async function affected(query: RawBuilder<unknown>): Promise<number> {
		return Number((await query.execute(trx)).numAffectedRows ?? 0n);
	}
	/**
	 * A statement a push repeats per mutation or per row, compiled the first time and then run with
	 * new parameters: building and compiling it anew cost more than running it. Its parameters must be
	 * the organisation, then `query`'s arguments, in that order. Run directly, its text is compiled
	 * once per process (a push of one mutation would otherwise compile it for its own transaction).
	 */
	function reused<R, P extends unknown[]>(name: string, query: (...parameters: P) => RawBuilder<R>) {
		let compiled: CompiledQuery<R> | null = null;
		return async (...parameters: P): Promise<R[]> => {
			if (direct) {
				let text = SQLITE_TEXTS.get(name);
				if (text === undefined) SQLITE_TEXTS.set(name, (text = query(...parameters).compile(trx).sql));
				return direct<R>(text, [orgId, ...parameters]);
			}
			compiled ??= query(...parameters).compile(trx);
			return (await trx.executeQuery<R>({ ...compiled, parameters: [orgId, ...parameters] })).rows;
		};
	}
	const one = reused(
		'entity-by-id',
		(tbl: string, id: string) =>
			sql<StoredEntity>`${prepared('entity-by-id')}SELECT ${columns} FROM ${entities} WHERE org_id = ${orgId} AND tbl = ${tbl} AND id = ${id}`
	);
	const children = reused(
		'entity-children',
		(tbl: string, parent: string) =>
			sql<StoredEntity>`${prepared('entity-children')}SELECT ${columns} FROM ${entities} WHERE org_id = ${orgId} AND tbl = ${tbl} AND parent = ${parent}`
	);
	const upsertRow = reused(
		'entity-upsert',
		(
			tbl: string,
			id: string,
			version: number,
			deleted: number,
			scope: string | null,
			parent: string | null,
			value: string
		) =>
			sql`INSERT INTO ${entities} (org_id, tbl, id, version, deleted, scope, parent, value)
				VALUES (${orgId}, ${tbl}, ${id}, ${version}, ${deleted}, ${scope}, ${parent}, ${value})
				ON CONFLICT (org_id, tbl, id) DO UPDATE SET version = excluded.version, deleted = excluded.deleted,
				scope = excluded.scope, parent = excluded.parent, value = excluded.value`
	);
	return {
		one,
		/** Rows of any of `tables` whose id is one of `ids`: the probes of a read-ahead, in one statement. */
		byIds(tables: readonly string[], ids: readonly string[]): Promise<StoredEntity[]> {
			if (postgres) {
				// Every (table, id) pair probed on the primary key, whatever the statistics say.
				return rows(
					sql<StoredEntity>`SELECT e.tbl, e.id, e.deleted, e.scope, e.parent, e.value
						FROM unnest(${tables}::text[]) AS t(tbl) CROSS JOIN unnest(${ids}::text[]) AS i(id)
						JOIN ${entities} e ON e.org_id = ${orgId} AND e.tbl = t.tbl AND e.id = i.id`
				);
			}
			return rows(
				sql<StoredEntity>`SELECT ${columns} FROM ${entities} WHERE org_id = ${orgId}
					AND tbl IN (SELECT value FROM json_each(${JSON.stringify(tables)}))
					AND id IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`
			);
		},
		/** The rows named by (table, id) pairs, in one statement. */
		byKeys(keys: readonly { tbl: string; id: string }[]): Promise<StoredEntity[]> {
			if (postgres) {
				return rows(
					sql<StoredEntity>`SELECT e.tbl, e.id, e.deleted, e.scope, e.parent, e.value
						FROM unnest(${keys.map((k) => k.tbl)}::text[], ${keys.map((k) => k.id)}::text[]) AS k(tbl, id)
						JOIN ${entities} e ON e.org_id = ${orgId} AND e.tbl = k.tbl AND e.id = k.id`
				);
			}
			return rows(
				sql<StoredEntity>`SELECT ${columns} FROM ${entities} WHERE org_id = ${orgId}
					AND (tbl, id) IN (SELECT j.value ->> 0, j.value ->> 1 FROM json_each(${JSON.stringify(keys.map((k) => [k.tbl, k.id]))}) AS j)`
			);
		},
		children,
		table(tbl: string): Promise<StoredEntity[]> {
			return rows(sql<StoredEntity>`SELECT ${columns} FROM ${entities} WHERE org_id = ${orgId} AND tbl = ${tbl}`);
		},
		/**
		 * On Postgres, `alongside` (a data-modifying statement on another table) runs in the same
		 * statement, as a CTE: one round trip for both. Answers whether it ran (never on SQLite).
		 * On SQLite, `betweenRows` runs after each row (to let the event loop answer others).
		 */
		async upsert(
			version: number,
			writes: readonly StoredEntity[],
			{ alongside, betweenRows }: { alongside?: RawBuilder<unknown>; betweenRows?: () => Promise<void> } = {}
		): Promise<boolean> {
			if (!postgres) {
				for (const w of writes) {
					await upsertRow(w.tbl, w.id, version, w.deleted, w.scope, w.parent, w.value);
					await betweenRows?.();
				}
				return false;
			}
			// The rows as one JSON array of arrays, parsed by the database: serialising six text arrays
			// (quoting every value) cost a push of 100 more than the rest of its statement.
			const table = JSON.stringify(writes.map((w) => [w.tbl, w.id, w.deleted, w.scope, w.parent, w.value]));
			const prefix = alongside ? sql`WITH alongside AS (${alongside}) ` : sql``;
			await sql`${prefix}INSERT INTO ${entities} (org_id, tbl, id, version, deleted, scope, parent, value)
				SELECT ${orgId}::text, j.value ->> 0, j.value ->> 1, ${version}::bigint, (j.value ->> 2)::int,
					j.value ->> 3, j.value ->> 4, j.value ->> 5
				FROM jsonb_array_elements(${table}::jsonb) AS j
				ON CONFLICT (org_id, tbl, id) DO UPDATE SET version = excluded.version, deleted = excluded.deleted,
				scope = excluded.scope, parent = excluded.parent, value = excluded.value`.execute(trx);
			return alongside !== undefined;
		},
		/** A quote that moves to another company takes its lines' visibility with it; the count of lines moved. */
		moveLines(quoteId: string, scope: string | null, version: number): Promise<number> {
			const differs = scope === null ? sql`scope IS NOT NULL` : sql`(scope IS NULL OR scope <> ${scope})`;
			return affected(
				sql`UPDATE ${entities} SET scope = ${scope}, version = ${version}
					WHERE org_id = ${orgId} AND tbl = 'quoteLines' AND parent = ${quoteId} AND ${differs}`
			);
		},
		/** The people linked to a company lose what they saw of it: their ACL version moves, their view resets. */
		async revokeScope(scope: string): Promise<void> {
			await sql`UPDATE users SET acl_version = acl_version + 1 WHERE org_id = ${orgId} AND id IN
				(SELECT id FROM ${entities} WHERE org_id = ${orgId} AND tbl = 'users' AND scope = ${scope})`.execute(trx);
		}
	};
}
