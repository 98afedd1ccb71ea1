// A per-test local database on fake-indexeddb, so the client's sync code runs in Node unchanged.

import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { openLocalDb, type LocalDb } from '../platform/local-db.ts';

let counter = 0;

export function openTestDb(): LocalDb {
	counter += 1;
	return openLocalDb(`outpost-test-${process.pid}-${counter}-${Math.random().toString(36).slice(2)}`, {
		indexedDB,
		IDBKeyRange
	});
}

export async function destroyTestDb(db: LocalDb): Promise<void> {
	db.close();
	await db.delete({ disableAutoOpen: true });
}
