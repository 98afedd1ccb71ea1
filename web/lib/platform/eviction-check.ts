// Detects that the browser evicted this user's IndexedDB: localStorage remembers that the database
// existed, and a marker row inside it is gone. The replica then simply syncs from scratch (its cookie
// went with it); the person is told, because changes not yet sent were lost with it.

import { readMeta, writeMeta } from '../sync/local-meta.ts';
import type { LocalDb } from './local-db.ts';

/** Where localStorage remembers that this database existed; a deliberate reset forgets it too. */
export function replicaMarkerKey(dbName: string): string {
	return `outpost:replica:${dbName}`;
}

export async function checkForEviction(
	db: LocalDb,
	storage: Pick<Storage, 'getItem' | 'setItem'> = localStorage
): Promise<boolean> {
	const key = replicaMarkerKey(db.name);
	const existedBefore = storage.getItem(key) !== null;
	const marker = await readMeta(db, 'marker', null);
	if (marker === null) await writeMeta(db, 'marker', Date.now());
	storage.setItem(key, String(marker ?? Date.now()));
	return existedBefore && marker === null;
}
