import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError } from '../../shared/errors.ts';
import { runTxContract } from '../../shared/sync/tx-contract.ts';
import type { Tx } from '../../shared/sync/tx.ts';
import { buildCompany, buildQuote, buildQuoteLine } from '../../shared/test/builders.ts';
import type { Transaction } from 'kysely';
import type { Database } from '../store/schema.ts';
import type { Store } from '../store/store.ts';
import { STORE_KINDS, type TestStore } from '../test/stores.ts';
import { nextSpaceVersion } from './space-version.ts';
import { createSqlTx, openPushRows } from './sql-tx.ts';

const ORG = 'org-a';
const OTHER_ORG = 'org-b';

class Release {}

/** A Tx inside one open write transaction, rolled back on close so every test starts empty. */
function heldTx(
	store: Store,
	orgId: string,
	open: (trx: Transaction<Database>, version: number) => Tx = (trx, version) => createSqlTx(trx, orgId, version)
): Promise<{ tx: Tx; close(): Promise<void> }> {
	let release!: () => void;
	const released = new Promise<void>((r) => (release = r));
	return new Promise((resolve, reject) => {
		const finished = store.write(async (trx) => {
			const tx = open(trx, await nextSpaceVersion(trx, orgId));
			resolve({
				tx,
				async close() {
					release();
					await finished.catch((e: unknown) => {
						if (!(e instanceof Release)) throw e;
					});
				}
			});
			await released;
			throw new Release();
		});
		finished.catch(reject);
	});
}

/** heldTx through a push's rows, which keep what they read for the whole transaction: one mutation in progress. */
function heldPushRows(store: Store, orgId: string): Promise<{ tx: Tx; close(): Promise<void> }> {
	return heldTx(store, orgId, (trx, version) => {
		const rows = openPushRows(trx, orgId, version);
		rows.begin();
		return rows.tx;
	});
}

/** Runs fn in one committed write transaction at the org's next space version. */
function write<T>(store: Store, orgId: string, fn: (tx: Tx, version: number) => Promise<T>): Promise<T> {
	return store.write(async (trx) => {
		const version = await nextSpaceVersion(trx, orgId);
		return fn(createSqlTx(trx, orgId, version), version);
	});
}

function entity(store: Store, orgId: string, tbl: string, id: string) {
	return store.db
		.selectFrom('entities')
		.selectAll()
		.where('org_id', '=', orgId)
		.where('tbl', '=', tbl)
		.where('id', '=', id)
		.executeTakeFirst();
}

describe.each(STORE_KINDS)('SQL Tx on $name', (kind) => {
	let opened: TestStore;
	let store: Store;

	beforeAll(async () => {
		opened = await kind.open();
		store = opened.store;
		await store.db
			.insertInto('orgs')
			.values([
				{ id: ORG, name: 'Org A', version: 0, next_quote_number: 1 },
				{ id: OTHER_ORG, name: 'Org B', version: 0, next_quote_number: 1 }
			])
			.execute();
	});
	afterAll(async () => {
		await opened?.close();
	});

	runTxContract(`SQL (${kind.name})`, () => heldTx(store, ORG));
	runTxContract(`SQL push rows (${kind.name})`, () => heldPushRows(store, ORG));

	it('stamps each written row with the transaction’s space version', async () => {
		const quote = buildQuote({ id: 'q-stamp', companyId: 'company-acme', status: 'sent' });
		const v1 = await write(store, ORG, async (tx, version) => {
			await tx.put('quotes', quote);
			return version;
		});
		const v2 = await write(store, ORG, async (tx, version) => {
			await tx.put('quotes', { ...quote, title: 'Renamed' });
			return version;
		});
		expect(v2).toBe(v1 + 1);
		const row = await entity(store, ORG, 'quotes', 'q-stamp');
		expect(row).toMatchObject({ version: v2, deleted: 0, scope: 'company-acme', parent: 'company-acme' });
		expect(JSON.parse(row!.value)).toEqual({ ...quote, title: 'Renamed' });
	});

	it('leaves a tombstone stamped with the deleting version', async () => {
		const line = buildQuoteLine({ id: 'l-tomb', quoteId: 'q-stamp' });
		await write(store, ORG, (tx) => tx.put('quoteLines', line));
		const deletedAt = await write(store, ORG, async (tx, version) => {
			await tx.delete('quoteLines', line.id);
			return version;
		});
		expect(await entity(store, ORG, 'quoteLines', line.id)).toMatchObject({ deleted: 1, version: deletedAt });
		// Deleting again neither revives nor re-stamps it.
		await write(store, ORG, (tx) => tx.delete('quoteLines', line.id));
		expect(await entity(store, ORG, 'quoteLines', line.id)).toMatchObject({ deleted: 1, version: deletedAt });
	});

	it('scopes companies to themselves, quotes to their company and lines to their quote’s company', async () => {
		await write(store, ORG, async (tx) => {
			await tx.put('companies', buildCompany({ id: 'company-scope' }));
			await tx.put('quotes', buildQuote({ id: 'q-scope', companyId: 'company-scope', status: 'sent' }));
			await tx.put('quoteLines', buildQuoteLine({ id: 'l-scope', quoteId: 'q-scope' }));
		});
		expect(await entity(store, ORG, 'companies', 'company-scope')).toMatchObject({
			scope: 'company-scope',
			parent: null
		});
		expect(await entity(store, ORG, 'quotes', 'q-scope')).toMatchObject({ scope: 'company-scope' });
		expect(await entity(store, ORG, 'quoteLines', 'l-scope')).toMatchObject({
			scope: 'company-scope',
			parent: 'q-scope'
		});
	});

	it('moves the lines’ scope, and re-stamps them, when their quote moves to another company', async () => {
		await write(store, ORG, async (tx) => {
			await tx.put('quotes', buildQuote({ id: 'q-move', companyId: 'company-acme', status: 'sent' }));
			await tx.put('quoteLines', buildQuoteLine({ id: 'l-move', quoteId: 'q-move' }));
		});
		const moved = await write(store, ORG, async (tx, version) => {
			const quote = await tx.get('quotes', 'q-move');
			await tx.put('quotes', { ...quote!, companyId: 'company-globex' });
			return version;
		});
		expect(await entity(store, ORG, 'quoteLines', 'l-move')).toMatchObject({ scope: 'company-globex', version: moved });
	});

	it('refuses a row that does not fit its schema, with invalid_row', async () => {
		const bad = { ...buildQuoteLine(), quantity: -1 };
		const error = await write(store, ORG, (tx) => tx.put('quoteLines', bad)).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(DomainError);
		expect((error as DomainError).code).toBe('invalid_row');
		expect(await entity(store, ORG, 'quoteLines', bad.id)).toBeUndefined();
	});

	it('refuses byIndex on a field that is not the table’s index', async () => {
		await expect(write(store, ORG, (tx) => tx.byIndex('quoteLines', 'description' as 'quoteId', 'x'))).rejects.toThrow(
			/no index/
		);
	});

	it('never reads or writes across organisations', async () => {
		const quote = buildQuote({ id: 'q-tenant', companyId: 'company-tenant' });
		await write(store, ORG, (tx) => tx.put('quotes', quote));
		await write(store, OTHER_ORG, async (tx) => {
			expect(await tx.get('quotes', quote.id)).toBeUndefined();
			expect(await tx.byIndex('quotes', 'companyId', 'company-tenant')).toEqual([]);
			await tx.delete('quotes', quote.id);
			await tx.put('quotes', { ...quote, title: 'Org B’s own quote with the same id' });
		});
		await write(store, ORG, async (tx) => {
			expect(await tx.get('quotes', quote.id)).toEqual(quote);
		});
		expect(JSON.parse((await entity(store, OTHER_ORG, 'quotes', quote.id))!.value).title).toMatch(/Org B/);
	});
});
