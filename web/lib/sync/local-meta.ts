// Typed access to the sync bookkeeping kept in the meta table.

import type { Cookie } from '../../../shared/sync/protocol.ts';
import type { LocalDb } from '../platform/local-db.ts';

export type ConnectionState = 'connecting' | 'connected' | 'offline' | 'needs-auth' | 'error';

export type MetaValues = {
	clientID: string;
	cookie: Cookie | null;
	/** The highest mutation id the server has acknowledged for this client. */
	lastMutationID: number;
	lastSyncedAt: number | null;
	/** Written when the database is created; its absence later means the browser evicted it. */
	marker: number | null;
	/** The sync leader's connection state, so every tab can show it. */
	connection: { state: ConnectionState; message: string | null; reload?: boolean };
	/** Platform incidents this person dismissed from the banner on this device. */
	dismissedIncidents: string[];
};

export async function readMeta<K extends keyof MetaValues>(
	db: LocalDb,
	key: K,
	fallback: MetaValues[K]
): Promise<MetaValues[K]> {
	const entry = await db.meta.get(key);
	return entry ? (entry.value as MetaValues[K]) : fallback;
}

export async function writeMeta<K extends keyof MetaValues>(db: LocalDb, key: K, value: MetaValues[K]): Promise<void> {
	await db.meta.put({ key, value });
}
