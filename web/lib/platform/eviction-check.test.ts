import { afterEach, describe, expect, it } from 'vitest';
import type { LocalDb } from './local-db.ts';
import { destroyTestDb, openTestDb } from '../test/fake-local-db.ts';
import { checkForEviction } from './eviction-check.ts';

function memoryStorage() {
	const items = new Map<string, string>();
	return {
		getItem: (k: string) => items.get(k) ?? null,
		setItem: (k: string, v: string) => void items.set(k, v),
		items
	};
}

describe('checkForEviction', () => {
	const dbs: LocalDb[] = [];
	afterEach(async () => {
		for (const db of dbs.splice(0)) await destroyTestDb(db);
	});

	it('a database opened for the first time was not evicted', async () => {
		const db = openTestDb();
		dbs.push(db);
		expect(await checkForEviction(db, memoryStorage())).toBe(false);
	});

	it('reopening the same database is not an eviction', async () => {
		const db = openTestDb();
		dbs.push(db);
		const storage = memoryStorage();
		await checkForEviction(db, storage);
		expect(await checkForEviction(db, storage)).toBe(false);
	});

	it('a database that vanished while the device remembers it was evicted', async () => {
		const storage = memoryStorage();
		const first = openTestDb();
		await checkForEviction(first, storage);
		const remembered = [...storage.items.values()][0]!;
		await destroyTestDb(first);
		const again = openTestDb();
		dbs.push(again);
		storage.setItem(`outpost:replica:${again.name}`, remembered);
		expect(await checkForEviction(again, storage)).toBe(true);
		expect(await checkForEviction(again, storage)).toBe(false);
	});
});
