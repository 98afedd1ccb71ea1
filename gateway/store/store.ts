// The store: one Kysely query layer over embedded SQLite (the default) or PostgreSQL (DATABASE_URL).
// It knows how to open, migrate and close; what the tables mean lives with the code that uses them.

import { Kysely, Migrator, PostgresDialect, SqliteDialect, type Transaction } from 'kysely';
import type { Database } from './schema.ts';
import { MIGRATIONS } from './migrations/index.ts';
import { namingPool, pgQuery } from './prepared-statements.ts';
import { BACKSTOP_PAGES, startCheckpoints } from './sqlite-checkpoints.ts';
import { observedPool, observedSqlite, replacingPrepare, type StatementObserver } from './observed-statements.ts';

export type StoreKind = 'sqlite' | 'postgres';

/**
 * Runs a statement on SQLite's one connection at once, past Kysely's executor (a few microseconds a
 * statement, a tenth of a push of many rows). Only inside write() or snapshot(), whose transaction
 * holds that connection and which it joins; answers the rows of a query, none for other statements.
 */
export type SqliteStatements = <R>(text: string, parameters: readonly unknown[]) => R[];

/**
 * Runs one statement on a pooled Postgres connection at once, past Kysely's compiling, plugins and
 * connection handling (about 0.1 ms, a tenth, of a pull with nothing new over HTTP). Outside any
 * transaction, so only for a statement that is a snapshot by itself; a marked one runs by name
 * (prepared-statements.ts). Answers its rows.
 */
export type PostgresStatements = <R>(text: string, parameters: readonly unknown[]) => Promise<R[]>;

export type Store = {
	kind: StoreKind;
	db: Kysely<Database>;
	/** SQLite only. */
	sqlite?: SqliteStatements;
	/** Postgres only. */
	postgres?: PostgresStatements;
	/** A read-write transaction; on Postgres row locks taken inside are held until it commits. */
	write<T>(fn: (trx: Transaction<Database>) => Promise<T>): Promise<T>;
	/** A read-only transaction that sees one consistent snapshot. */
	snapshot<T>(fn: (trx: Transaction<Database>) => Promise<T>): Promise<T>;
	close(): Promise<void>;
};

export type StoreOptions = {
	databaseUrl?: string | undefined;
	sqlitePath?: string;
	/** Tests only: sees, and may fail, every statement on either path (observed-statements.ts). */
	observe?: StatementObserver;
};

export async function openStore(options: StoreOptions): Promise<Store> {
	const store = options.databaseUrl
		? await openPostgres(options.databaseUrl, options.observe)
		: await openSqlite(options.sqlitePath ?? ':memory:', options.observe);
	await migrate(store.db);
	return store;
}

async function openSqlite(path: string, observe: StatementObserver | undefined): Promise<Store> {
	const { default: SQLite } = await import('better-sqlite3');
	const database = new SQLite(path);
	database.pragma('journal_mode = WAL');
	database.pragma('synchronous = NORMAL');
	database.pragma('foreign_keys = ON');
	database.pragma('busy_timeout = 5000');
	// A file's WAL is checkpointed by a worker (sqlite-checkpoints.ts); an in-memory database has none.
	const inFile = path !== ':memory:' && path !== '';
	if (inFile) database.pragma(`wal_autocheckpoint = ${BACKSTOP_PAGES}`);
	const checkpoints = inFile ? startCheckpoints(path) : null;
	const cached = observe ? observedSqlite(withStatementCache(database), observe) : withStatementCache(database);
	const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: cached }) });
	return {
		kind: 'sqlite',
		db,
		sqlite<R>(text: string, parameters: readonly unknown[]): R[] {
			const statement = cached.prepare(text);
			if (statement.reader) return statement.all(parameters) as R[];
			statement.run(parameters);
			return [];
		},
		// One connection, serialised by Kysely's driver: every transaction already sees a snapshot.
		write: (fn) => db.transaction().execute(fn),
		snapshot: (fn) => db.transaction().execute(fn),
		async close() {
			await checkpoints?.close();
			await db.destroy();
		}
	};
}

/**
 * Kysely prepares every query anew; preparing is a tenth of a push's CPU here. Queries repeat by
 * the handful, so keeping their statements (bounded, least recently used out) removes that cost.
 */
function withStatementCache<D extends { prepare(sql: string): unknown }>(database: D, limit = 500): D {
	const statements = new Map<string, unknown>();
	return replacingPrepare(database, (sql) => {
		let statement = statements.get(sql);
		if (statement) statements.delete(sql);
		else statement = database.prepare(sql);
		statements.set(sql, statement);
		if (statements.size > limit) statements.delete(statements.keys().next().value!);
		return statement;
	});
}

async function openPostgres(url: string, observe: StatementObserver | undefined): Promise<Store> {
	const pg = await import('pg');
	// bigint columns hold versions and millisecond timestamps, all well inside 2^53.
	pg.default.types.setTypeParser(20, (v: string) => Number(v));
	// Ten connections per gateway process. Writes to one organisation queue on its version row
	// whatever the pool, so more connections only serve more concurrent pulls and organisations;
	// each costs the server a backend (about 10 MB). Several replicas: 10 × replicas must stay under
	// the server's max_connections (100 by default) with room for migrations and an operator.
	const pool = new pg.default.Pool({ connectionString: url, max: 10 });
	// The server may end an idle connection (a restart, a failover, pg_terminate_backend). The pool
	// reports it as an 'error' event, which would crash the process if nobody listened; it has
	// already dropped that connection and opens a new one for the next query.
	let closing = false;
	pool.on('error', (error) => {
		if (!closing) console.error('A PostgreSQL connection was lost; the pool will open a new one', error);
	});
	const named = namingPool(pool);
	const db = new Kysely<Database>({
		dialect: new PostgresDialect({ pool: observe ? observedPool(named, observe) : named })
	});
	return {
		kind: 'postgres',
		db,
		async postgres<R>(text: string, parameters: readonly unknown[]): Promise<R[]> {
			observe?.(text);
			return (await pool.query<R & object>(pgQuery(text, parameters))).rows;
		},
		write: (fn) => db.transaction().execute(fn),
		snapshot: (fn) => db.transaction().setIsolationLevel('repeatable read').execute(fn),
		close: () => {
			closing = true;
			return db.destroy();
		}
	};
}

async function migrate(db: Kysely<Database>): Promise<void> {
	const migrator = new Migrator({
		db,
		provider: { getMigrations: async () => MIGRATIONS },
		migrationTableName: 'schema_migrations',
		migrationLockTableName: 'schema_migrations_lock'
	});
	const { error, results } = await migrator.migrateToLatest();
	const failed = results?.find((r) => r.status === 'Error');
	if (error || failed) {
		throw new Error(`Store migration ${failed?.migrationName ?? ''} failed: ${String(error)}`);
	}
}
