import { Dexie } from 'dexie';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { buildQuote } from '../../../shared/test/builders.ts';
import { openLocalDb } from './local-db.ts';

const options = { indexedDB, IDBKeyRange };

/** A version 15 database as a device left it: two pending mutations, the confirmed values kept aside. */
async function version15(name: string) {
	const old = new Dexie(name, options);
	old.version(15).stores({ quotes: 'id, companyId, updatedAt, status', outbox: '++id', confirmed: '[table+id]' });
	await old.table('outbox').bulkAdd([
		{ name: 'updateQuote', args: { id: 'q1', notes: 'a' }, timestamp: 1 },
		{ name: 'updateQuote', args: { id: 'q2', notes: 'b' }, timestamp: 2 }
	]);
	await old.table('confirmed').bulkPut([
		{ table: 'quotes', id: 'q1', value: buildQuote({ id: 'q1' }) },
		{ table: 'quotes', id: 'q2', value: null }
	]);
	old.close();
}

describe('local database version 16', () => {
	it('moves the confirmed values into the earliest pending entry and drops their store', async () => {
		const name = `outpost-upgrade-${Math.random().toString(36).slice(2)}`;
		await version15(name);
		const db = openLocalDb(name, options);
		try {
			expect(await db.outbox.toArray()).toEqual([
				{
					id: 1,
					name: 'updateQuote',
					args: { id: 'q1', notes: 'a' },
					timestamp: 1,
					before: [
						{ table: 'quotes', id: 'q1', value: buildQuote({ id: 'q1' }) },
						{ table: 'quotes', id: 'q2', value: null }
					]
				},
				{ id: 2, name: 'updateQuote', args: { id: 'q2', notes: 'b' }, timestamp: 2 }
			]);
			expect([...db.backendDB().objectStoreNames]).not.toContain('confirmed');
		} finally {
			db.close();
			await db.delete({ disableAutoOpen: true });
		}
	});
});
