import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildCompany, buildQuote, buildQuoteLine } from '../../../shared/test/builders.ts';
import type { LocalDb } from '../platform/local-db.ts';
import { destroyTestDb, openTestDb } from '../test/fake-local-db.ts';
import { loadWhitespace } from './load-whitespace.ts';

let db: LocalDb;
beforeEach(() => (db = openTestDb()));
afterEach(() => destroyTestDb(db));

describe('loadWhitespace', () => {
	it('is empty on an empty device', async () => {
		expect(await loadWhitespace(db)).toEqual({ categories: [], rows: [] });
	});

	it('reads accepted quotes’ lines and the catalog from this device', async () => {
		await db.companies.add(buildCompany({ id: 'acme', name: 'Acme' }));
		await db.categories.bulkAdd([
			{ id: 'hw', name: 'Hardware', defaultMarkupPercent: 0, billingCodeId: null },
			{ id: 'svc', name: 'Services', defaultMarkupPercent: 0, billingCodeId: null }
		]);
		await db.products.add({
			id: 'laptop',
			name: 'Laptop',
			sku: '',
			mpn: '',
			description: '',
			categoryId: 'hw',
			cost: 0,
			price: 0,
			billing: 'one-time',
			distributor: null,
			noProcurement: false,
			active: true
		});
		await db.quotes.bulkAdd([
			buildQuote({ id: 'won', companyId: 'acme', status: 'accepted' }),
			buildQuote({ id: 'open', companyId: 'acme', status: 'sent' })
		]);
		await db.quoteLines.bulkAdd([
			buildQuoteLine({ quoteId: 'won', productId: 'laptop' }),
			buildQuoteLine({ quoteId: 'open', productId: 'laptop' })
		]);
		const grid = await loadWhitespace(db);
		expect(grid.rows[0]!.cells.map((c) => [c.categoryId, c.purchases.map((p) => p.quoteId)])).toEqual([
			['hw', ['won']],
			['svc', []]
		]);
	});
});
