// Statements the gateway runs on nearly every request, planned once per connection on Postgres.
// Kysely sends every query unnamed, so Postgres parses and plans it each time: for the session
// statement (five tables joined) planning took three times as long as running it, a millisecond
// of every pull. A statement that starts with prepared(name) runs as a named prepared statement on
// each pooled connection instead; on SQLite the mark is a comment (its statements are cached anyway).
//
// Only fixed texts belong here: each name is kept by every connection for its lifetime.

import { sql, type PostgresPool, type PostgresPoolClient, type RawBuilder } from 'kysely';
import type { Store } from './store.ts';

const MARK = /^\s*\/\* prepared:([a-z-]+) \*\//;

/** Marks the statement it starts as one to prepare once per connection under `name`. */
export function prepared(name: string) {
	if (!/^[a-z-]+$/.test(name)) throw new Error(`A prepared statement's name is lowercase words: ${name}`);
	return sql.raw(`/* prepared:${name} */ `);
}

/**
 * Runs a statement that is a snapshot by itself (no transaction around it): straight on the Postgres
 * pool when the store has one, through Kysely otherwise. Answers its rows.
 */
export async function runAlone<R>(store: Store, statement: RawBuilder<R>): Promise<R[]> {
	if (!store.postgres) return (await statement.execute(store.db)).rows;
	const { sql: text, parameters } = statement.compile(store.db);
	return store.postgres<R>(text, parameters);
}

/** What pg is asked to run: by name when the statement is marked. */
export type PgQuery = { name?: string; text: string; values: unknown[] };
type PgClient = PostgresPoolClient & { query(config: PgQuery): Promise<unknown> };
type PgPool = { connect(): Promise<PgClient>; end(): Promise<void> };

/** The statement as pg runs it: a marked one by its name, prepared once per connection. */
export function pgQuery(text: string, parameters: readonly unknown[]): PgQuery {
	const name = MARK.exec(text)?.[1];
	return name ? { name, text, values: [...parameters] } : { text, values: [...parameters] };
}

/** The pool Kysely uses, whose clients send marked statements by name. */
export function namingPool(pool: PgPool): PostgresPool {
	const named = new WeakMap<PgClient, PostgresPoolClient>();
	return {
		async connect() {
			const client = await pool.connect();
			let wrapped = named.get(client);
			if (!wrapped) {
				const query = client.query.bind(client) as (...args: unknown[]) => unknown;
				wrapped = {
					query(statement: unknown, parameters?: readonly unknown[]) {
						if (typeof statement === 'string' && MARK.test(statement))
							return query(pgQuery(statement, parameters ?? []));
						return query(statement, parameters);
					},
					release: () => client.release()
				} as PostgresPoolClient;
				named.set(client, wrapped);
			}
			return wrapped;
		},
		end: () => pool.end()
	};
}
