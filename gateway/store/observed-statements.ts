// A store opened with an observer (StoreOptions.observe, for tests) shows it every statement just
// before the driver runs it, by its text, whichever path it took: through Kysely or directly
// (Store.sqlite, Store.postgres). Throwing from the observer fails the statement in the driver's place, so
// an injected error meets the same callers as a real one. Without an observer nothing is wrapped.

import type { PostgresPool, PostgresPoolClient } from 'kysely';

/** Sees a statement's text before it runs; throw to fail it as the driver would. */
export type StatementObserver = (text: string) => void;

type Preparing = { prepare(sql: string): unknown };

/** `database` with its prepare() replaced; every other member answers as the database's own. */
export function replacingPrepare<D extends Preparing>(database: D, prepare: (sql: string) => unknown): D {
	return new Proxy(database, {
		get(target, property, receiver) {
			if (property === 'prepare') return prepare;
			const value = Reflect.get(target, property, receiver);
			return typeof value === 'function' ? value.bind(target) : value;
		}
	});
}

/** Both Kysely's SQLite driver and Store.sqlite prepare a statement each time they run one. */
export function observedSqlite<D extends Preparing>(database: D, observe: StatementObserver): D {
	return replacingPrepare(database, (sql) => {
		observe(sql);
		return database.prepare(sql);
	});
}

export function observedPool(pool: PostgresPool, observe: StatementObserver): PostgresPool {
	return {
		async connect() {
			const client = await pool.connect();
			return {
				query(statement: unknown, parameters?: readonly unknown[]) {
					if (typeof statement === 'string') observe(statement);
					return (client.query as (...args: unknown[]) => unknown)(statement, parameters);
				},
				release: () => client.release()
			} as PostgresPoolClient;
		},
		end: () => pool.end()
	};
}
