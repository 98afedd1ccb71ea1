// The stores every store-backed test runs against: SQLite always (a temp file), PostgreSQL when a
// server answers at OUTPOST_TEST_POSTGRES_URL (default postgres://postgres@127.0.0.1:5432/test).
// Each open() gives a fresh, migrated, empty store; close() removes every trace of it.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openStore, type Store, type StoreKind, type StoreOptions } from '../store/store.ts';

export type TestStore = { store: Store; close(): Promise<void> };
/** `observe` sees every statement the store runs, on both its paths (observed-statements.ts). */
export type TestStoreOptions = Pick<StoreOptions, 'observe'>;
export type TestStoreKind = { name: StoreKind; open(options?: TestStoreOptions): Promise<TestStore> };

const POSTGRES_ADMIN_URL = process.env.OUTPOST_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

const sqlite: TestStoreKind = {
	name: 'sqlite',
	async open(options) {
		const dir = mkdtempSync(join(tmpdir(), 'outpost-test-'));
		const store = await openStore({ ...options, sqlitePath: join(dir, 'outpost.sqlite') });
		return {
			store,
			async close() {
				await store.close();
				rmSync(dir, { recursive: true, force: true });
			}
		};
	}
};

export type TestDatabase = { url: string; drop(): Promise<void> };

/** An empty PostgreSQL database of its own (nothing migrated); drop() ends its connections and removes it. */
export async function createTestDatabase(): Promise<TestDatabase> {
	const name = `outpost_t_${crypto.randomUUID().replace(/-/g, '').slice(0, 16)}`;
	await withAdmin((admin) => admin.query(`CREATE DATABASE ${name}`));
	const url = new URL(POSTGRES_ADMIN_URL);
	url.pathname = `/${name}`;
	return {
		url: url.toString(),
		drop: () => withAdmin((admin) => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => {})
	};
}

/** A database of its own per open(), so test files never see each other's rows. */
const postgres: TestStoreKind = {
	name: 'postgres',
	async open(options) {
		const database = await createTestDatabase();
		const store = await openStore({ ...options, databaseUrl: database.url });
		return {
			store,
			async close() {
				await store.close();
				await database.drop();
			}
		};
	}
};

async function withAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
	const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL, connectionTimeoutMillis: 2_000 });
	await client.connect();
	try {
		return await fn(client);
	} finally {
		await client.end();
	}
}

async function postgresProblem(): Promise<string | null> {
	try {
		await withAdmin((admin) => admin.query('SELECT 1'));
		return null;
	} catch (error) {
		return error instanceof Error ? error.message || error.name : String(error);
	}
}

async function detectStoreKinds(): Promise<TestStoreKind[]> {
	const problem = await postgresProblem();
	if (problem === null) return [sqlite, postgres];
	const where = POSTGRES_ADMIN_URL.replace(/\/\/[^@/]*@/, '//');
	if (process.env.CI && process.env.OUTPOST_REQUIRE_POSTGRES === '1') {
		throw new Error(`PostgreSQL is required (OUTPOST_REQUIRE_POSTGRES=1) but ${where} is unreachable: ${problem}`);
	}
	console.warn(`Note: PostgreSQL at ${where} is unreachable (${problem}); store tests run on SQLite only.`);
	return [sqlite];
}

/** Every store kind to run against, decided once per test file. */
export const STORE_KINDS: TestStoreKind[] = await detectStoreKinds();
