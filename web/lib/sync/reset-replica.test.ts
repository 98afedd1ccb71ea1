import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { openLocalDb, type LocalDb } from '../platform/local-db.ts';
import { openTestDb } from '../test/fake-local-db.ts';
import { deleteReplica } from './reset-replica.ts';

const open = (name: string) => openLocalDb(name, { indexedDB, IDBKeyRange });

async function exists(name: string): Promise<boolean> {
	return (await indexedDB.databases()).some((d) => d.name === name);
}

describe('deleteReplica', () => {
	let db: LocalDb;
	const removed: string[] = [];
	const storage = { removeItem: (key: string) => void removed.push(key) };
	let closed = 0;
	const replica = () => ({
		db,
		async close() {
			closed += 1;
			db.close();
		}
	});

	afterEach(async () => {
		removed.length = 0;
		closed = 0;
		db.close();
		await db.delete({ disableAutoOpen: true });
	});

	it('deletes the database and forgets it existed when nothing waits to be sent', async () => {
		db = openTestDb();
		await db.companies.put({ id: 'c1', name: 'Acme', isMsp: false, createdAt: 1 });
		expect(await deleteReplica(replica(), null, { storage, open })).toEqual({ ok: true });
		expect(await exists(db.name)).toBe(false);
		expect(removed).toEqual([`outpost:replica:${db.name}`]);
	});

	it('refuses, and keeps the database and its outbox, while a change waits to be sent', async () => {
		db = openTestDb();
		await db.outbox.add({ name: 'updateQuote', args: { id: 'q1', title: 'x' }, timestamp: 1 } as never);
		const result = await deleteReplica(replica(), null, { storage, open });
		expect(result).toMatchObject({ ok: false, unsent: 1 });
		expect(closed).toBe(0);
		expect(await db.outbox.count()).toBe(1);
		expect(removed).toEqual([]);
	});

	it('deletes once the waiting changes were exported', async () => {
		db = openTestDb();
		const id = await db.outbox.add({ name: 'updateQuote', args: { id: 'q1', title: 'x' }, timestamp: 1 } as never);
		expect(await deleteReplica(replica(), id, { storage, open })).toEqual({ ok: true });
		expect(await exists(db.name)).toBe(false);
	});

	it('refuses when a change reached the outbox after the first check, and keeps it', async () => {
		db = openTestDb();
		const name = db.name;
		const sneaky = {
			db,
			// Another tab writes while this one stops syncing.
			close: async () => {
				await db.outbox.add({ name: 'updateQuote', args: { id: 'q1', title: 'late' }, timestamp: 2 } as never);
				db.close();
			}
		};
		expect(await deleteReplica(sneaky, null, { storage, open })).toMatchObject({ ok: false, unsent: 1 });
		db = open(name);
		expect(await db.outbox.count()).toBe(1);
	});
});
