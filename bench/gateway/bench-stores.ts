// The stores the gateway bench runs on: SQLite in a temp dir always, PostgreSQL too when it answers
// (OUTPOST_TEST_POSTGRES_URL, as the tests use). Each comes with a raw driver connection of its own to
// the same database, for the "raw SQL" references: no Kysely, no gateway, just the statements.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import pg from 'pg';
import { openStore, type Store, type StoreKind } from '../../gateway/store/store.ts';

/** Runs statements written with `?` placeholders inside one transaction on a raw connection. */
export type RawSql = {
	transaction<T>(
		fn: (query: (text: string, params?: unknown[]) => Promise<unknown[]>) => Promise<T>,
		readOnly?: boolean
	): Promise<T>;
	close(): Promise<void>;
};

export type BenchStore = { kind: StoreKind; store: Store; raw: RawSql; close(): Promise<void> };

const POSTGRES_URL = process.env.OUTPOST_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export async function openSqliteBench(): Promise<BenchStore> {
	const dir = mkdtempSync(join(tmpdir(), 'outpost-bench-'));
	const path = join(dir, 'outpost.sqlite');
	const store = await openStore({ sqlitePath: path });
	const db = new Sqlite(path);
	db.pragma('journal_mode = WAL');
	db.pragma('synchronous = NORMAL');
	db.pragma('busy_timeout = 5000');
	const statements = new Map<string, Sqlite.Statement>();
	const prepared = (text: string) => {
		let s = statements.get(text);
		if (!s) statements.set(text, (s = db.prepare(text)));
		return s;
	};
	const raw: RawSql = {
		async transaction(fn, readOnly = false) {
			db.exec(readOnly ? 'BEGIN' : 'BEGIN IMMEDIATE');
			try {
				const result = await fn(async (text, params = []) => {
					const s = prepared(text);
					return s.reader ? s.all(...params) : (s.run(...params), []);
				});
				db.exec('COMMIT');
				return result;
			} catch (error) {
				db.exec('ROLLBACK');
				throw error;
			}
		},
		async close() {
			db.close();
		}
	};
	return {
		kind: 'sqlite',
		store,
		raw,
		async close() {
			await raw.close();
			await store.close();
			rmSync(dir, { recursive: true, force: true });
		}
	};
}

export async function postgresReachable(): Promise<string | null> {
	const client = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 2_000 });
	try {
		await client.connect();
		await client.query('SELECT 1');
		return null;
	} catch (error) {
		return error instanceof Error ? error.message || error.name : String(error);
	} finally {
		await client.end().catch(() => {});
	}
}

export async function openPostgresBench(): Promise<BenchStore> {
	const name = `outpost_bench_${crypto.randomUUID().replace(/-/g, '').slice(0, 12)}`;
	await admin((c) => c.query(`CREATE DATABASE ${name}`));
	const url = new URL(POSTGRES_URL);
	url.pathname = `/${name}`;
	const store = await openStore({ databaseUrl: url.toString() });
	const client = new pg.Client({ connectionString: url.toString() });
	await client.connect();
	const numbered = new Map<string, string>();
	const toPg = (text: string) => {
		let out = numbered.get(text);
		if (out === undefined) {
			let n = 0;
			numbered.set(text, (out = text.replace(/\?/g, () => `$${++n}`)));
		}
		return out;
	};
	const raw: RawSql = {
		async transaction(fn, readOnly = false) {
			await client.query(readOnly ? 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY' : 'BEGIN');
			try {
				const result = await fn(async (text, params = []) => (await client.query(toPg(text), params)).rows);
				await client.query('COMMIT');
				return result;
			} catch (error) {
				await client.query('ROLLBACK');
				throw error;
			}
		},
		async close() {
			await client.end();
		}
	};
	return {
		kind: 'postgres',
		store,
		raw,
		async close() {
			await raw.close();
			await store.close();
			await admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
		}
	};
}

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
	const client = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 2_000 });
	await client.connect();
	try {
		return await fn(client);
	} finally {
		await client.end();
	}
}
