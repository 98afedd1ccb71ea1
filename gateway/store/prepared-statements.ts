// Statements the gateway runs on nearly every request, planned once per connection on Postgres.
// Kysely sends every query unnamed, so Postgres parses and plans it each time: for the session
// statement (five tables joined) planning took three times as long as running it, a millisecond
// of every pull. A statement that starts with prepared(name) runs as a named prepared statement on
// each pooled connection instead; on SQLite the mark is a comment (its statements are cached anyway).
//
// Only fixed texts belong here: each name is kept by every connection for its lifetime.

import { sql, type PostgresPool, type PostgresPoolClient } from 'kysely';

const MARK = /^\s*\/\* prepared:([a-z-]+) \*\//;

/** Marks the statement it starts as one to prepare once per connection under `name`. */
export function prepared(name: string) {
	if (!/^[a-z-]+$/.test(name)) throw new Error(`A prepared statement's name is lowercase words: ${name}`);
	return sql.raw(`/* prepared:${name} */ `);
}

type NamedQuery = { name: string; text: string; values: unknown[] };
type PgClient = PostgresPoolClient & { query(config: NamedQuery): Promise<unknown> };
type PgPool = { connect(): Promise<PgClient>; end(): Promise<void> };

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
						const name = typeof statement === 'string' ? MARK.exec(statement)?.[1] : undefined;
						if (name) return query({ name, text: statement, values: [...(parameters ?? [])] });
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
