import { Dexie, liveQuery } from 'dexie';
import { IDBKeyRange, IDBObjectStore, indexedDB } from 'fake-indexeddb';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildCompany, buildQuote, buildQuoteLine, TEST_NOW, buildPrincipal } from '../../../shared/test/builders.ts';
import type { LocalDb } from '../platform/local-db.ts';
import { destroyTestDb, openTestDb } from '../test/fake-local-db.ts';
import { confirmedValues } from './confirmed-values.ts';
import { runLocalMutation } from './local-mutation.ts';

const sales = buildPrincipal();
const acme = buildCompany({ id: 'company-acme' });
const quote = buildQuote({ id: 'q1', companyId: acme.id, title: 'Confirmed', updatedAt: 1 });
const line = buildQuoteLine({ id: 'l1', quoteId: 'q1', quantity: 1 });

/** The next value `query` gives after `act`, as a screen following it would see it. */
function nextAfter<T>(query: () => Promise<T>, act: () => Promise<unknown>): Promise<T> {
	return new Promise((resolve, reject) => {
		let first = true;
		const subscription = liveQuery(query).subscribe({
			next(value) {
				if (first) {
					first = false;
					act().catch(reject);
					return;
				}
				subscription.unsubscribe();
				resolve(value);
			},
			error: reject
		});
	});
}

describe('runLocalMutation', () => {
	let db: LocalDb;

	beforeAll(() => {
		// liveQuery runs only where Dexie found a global IndexedDB when it loaded.
		Dexie.dependencies.indexedDB ??= indexedDB;
		Dexie.dependencies.IDBKeyRange ??= IDBKeyRange;
	});

	beforeEach(async () => {
		db = openTestDb();
		// As a pull leaves them: server rows, nothing pending.
		await db.transaction('rw', [db.companies, db.quotes, db.quoteLines], async () => {
			await db.companies.put(acme);
			await db.quotes.put(quote);
			await db.quoteLines.put(line);
		});
	});
	afterEach(() => destroyTestDb(db));

	it('writes the rows and the outbox entry, numbering mutations upwards', async () => {
		expect(await runLocalMutation(db, sales, 'updateQuoteLine', { id: 'l1', quantity: 3 }, TEST_NOW)).toBe(1);
		expect(await runLocalMutation(db, sales, 'updateQuoteLine', { id: 'l1', quantity: 4 }, TEST_NOW + 1)).toBe(2);
		expect(await db.quoteLines.get('l1')).toEqual({ ...line, quantity: 4 });
		expect((await db.quotes.get('q1'))?.updatedAt).toBe(TEST_NOW + 1);
		expect(await db.outbox.toArray()).toEqual([
			{
				id: 1,
				name: 'updateQuoteLine',
				args: { id: 'l1', quantity: 3 },
				timestamp: TEST_NOW,
				before: [
					{ table: 'quoteLines', id: 'l1', value: line },
					{ table: 'quotes', id: 'q1', value: quote }
				]
			},
			{
				id: 2,
				name: 'updateQuoteLine',
				args: { id: 'l1', quantity: 4 },
				timestamp: TEST_NOW + 1,
				before: [
					{ table: 'quoteLines', id: 'l1', value: { ...line, quantity: 3 } },
					{ table: 'quotes', id: 'q1', value: { ...quote, updatedAt: TEST_NOW } }
				]
			}
		]);
	});

	it('keeps each row’s confirmed value from before the first pending change, not a later one', async () => {
		await runLocalMutation(db, sales, 'updateQuoteLine', { id: 'l1', quantity: 3 }, TEST_NOW);
		await runLocalMutation(db, sales, 'updateQuoteLine', { id: 'l1', quantity: 4 }, TEST_NOW + 1);
		await runLocalMutation(db, sales, 'createQuote', { id: 'q2', companyId: acme.id, title: 'New' }, TEST_NOW + 2);
		expect(confirmedValues(await db.outbox.orderBy('id').toArray())).toEqual([
			{ table: 'quoteLines', id: 'l1', value: line },
			{ table: 'quotes', id: 'q1', value: quote },
			{ table: 'quotes', id: 'q2', value: null }
		]);
	});

	it('leaves nothing behind when the mutation is refused', async () => {
		await db.quotes.put({ ...quote, status: 'sent' });
		await expect(
			runLocalMutation(db, sales, 'updateQuoteLine', { id: 'l1', quantity: 9 }, TEST_NOW)
		).rejects.toMatchObject({ code: 'quote_not_draft' });
		expect(await db.quoteLines.get('l1')).toEqual(line);
		expect(await db.outbox.count()).toBe(0);
	});

	it('refuses arguments that do not parse, before touching the database', async () => {
		await expect(
			runLocalMutation(db, sales, 'updateQuoteLine', { id: 'l1', quantity: 'many' } as never, TEST_NOW)
		).rejects.toMatchObject({ code: 'invalid_input' });
		expect(await db.outbox.count()).toBe(0);
	});

	it('wakes the live queries that read what it wrote: by index, by key and the outbox count', async () => {
		const lines = await nextAfter(
			() => db.quoteLines.where('quoteId').equals('q1').toArray(),
			() => runLocalMutation(db, sales, 'updateQuoteLine', { id: 'l1', quantity: 5 }, TEST_NOW)
		);
		expect(lines).toEqual([{ ...line, quantity: 5 }]);
		const header = await nextAfter(
			() => db.quotes.get('q1'),
			() => runLocalMutation(db, sales, 'updateQuote', { id: 'q1', title: 'Renamed' }, TEST_NOW + 1)
		);
		expect(header?.title).toBe('Renamed');
		const pending = await nextAfter(
			() => db.outbox.count(),
			() => runLocalMutation(db, sales, 'updateQuoteLine', { id: 'l1', quantity: 6 }, TEST_NOW + 2)
		);
		expect(pending).toBe(3);
	});

	it('wakes a live query over rows a new row joins', async () => {
		const lines = await nextAfter(
			() => db.quoteLines.where('quoteId').equals('q1').toArray(),
			() =>
				runLocalMutation(
					db,
					sales,
					'addQuoteLine',
					{ id: 'l2', quoteId: 'q1', description: 'Cable', quantity: 1, unitPrice: 100 },
					TEST_NOW
				)
		);
		expect(lines.map((l) => l.id)).toEqual(['l1', 'l2']);
	});

	describe('with rows to read ahead', () => {
		const original = IDBObjectStore.prototype.get;
		let log: string[];

		beforeEach(() => {
			log = [];
			IDBObjectStore.prototype.get = function (this: IDBObjectStore, key: IDBValidKey) {
				const request = original.call(this, key);
				log.push(`get ${this.name} ${String(key)}`);
				request.addEventListener('success', () => log.push(`answer ${this.name} ${String(key)}`));
				return request;
			};
		});
		afterEach(() => {
			IDBObjectStore.prototype.get = original;
		});

		it('asks for them beside the mutation’s first read, and reads each row once', async () => {
			await runLocalMutation(db, sales, 'updateQuoteLine', { id: 'l1', quantity: 3 }, TEST_NOW, {
				readAhead: [['quotes', 'q1']]
			});
			expect(log).toEqual(['get quoteLines l1', 'get quotes q1', 'answer quoteLines l1', 'answer quotes q1']);
		});

		it('writes what it writes without them when told of the wrong rows', async () => {
			await runLocalMutation(db, sales, 'updateQuoteLine', { id: 'l1', quantity: 3 }, TEST_NOW, {
				readAhead: [
					['quotes', 'q-other'],
					['companies', acme.id]
				]
			});
			// The companies store is outside updateQuoteLine's transaction: that row is not asked for.
			expect(log.filter((entry) => entry.startsWith('get'))).toEqual([
				'get quoteLines l1',
				'get quotes q-other',
				'get quotes q1'
			]);
			expect(await db.quoteLines.get('l1')).toEqual({ ...line, quantity: 3 });
			expect(await db.outbox.toArray()).toEqual([
				{
					id: 1,
					name: 'updateQuoteLine',
					args: { id: 'l1', quantity: 3 },
					timestamp: TEST_NOW,
					before: [
						{ table: 'quoteLines', id: 'l1', value: line },
						{ table: 'quotes', id: 'q1', value: quote }
					]
				}
			]);
		});
	});
});
