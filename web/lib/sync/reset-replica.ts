// Deletes this device's copy of one account's data (Reset this device). The outbox is read again
// after the replica stopped syncing and writing, right before the delete: no change that was neither
// sent nor exported goes with it.

import { replicaMarkerKey } from '../platform/eviction-check.ts';
import { openLocalDb, type LocalDb } from '../platform/local-db.ts';
import { checkReset, type ResetCheck } from './device-reset.ts';

type ClosableReplica = { db: LocalDb; close(): Promise<void> };

export type ResetPlatform = {
	storage: Pick<Storage, 'removeItem'>;
	/** How to open the database again by name (fake-indexeddb in tests). */
	open?: (name: string) => LocalDb;
};

async function outboxIds(db: LocalDb): Promise<number[]> {
	return db.outbox.toCollection().primaryKeys();
}

/**
 * Deletes the replica's database when checkReset allows it; otherwise changes nothing (the replica
 * is closed only once the first check passed, and then stays closed: the caller reloads either way).
 */
export async function deleteReplica(
	replica: ClosableReplica,
	exportedThrough: number | null,
	platform: ResetPlatform
): Promise<ResetCheck> {
	const before = checkReset(await outboxIds(replica.db), exportedThrough);
	if (!before.ok) return before;
	const name = replica.db.name;
	await replica.close();
	const db = (platform.open ?? openLocalDb)(name);
	try {
		const now = checkReset(await outboxIds(db), exportedThrough);
		if (!now.ok) return now;
	} finally {
		db.close();
	}
	await db.delete({ disableAutoOpen: true });
	platform.storage.removeItem(replicaMarkerKey(name));
	return { ok: true };
}
