// The importer's one mutation on this device's real local store (fake-indexeddb): a file of the
// largest size applies in one IndexedDB transaction, or, refused, leaves nothing behind.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Principal } from '../../../shared/auth/permissions.ts';
import type { Category } from '../../../shared/schema/catalog-entities.ts';
import type { LocalDb } from '../platform/local-db.ts';
import { runLocalMutation } from '../sync/local-mutation.ts';
import { destroyTestDb, openTestDb } from '../test/fake-local-db.ts';
import { readCsv } from './csv-file.ts';
import { detectColumns } from './import-columns.ts';
import { IMPORT_MAX_ROWS } from '../../../shared/mutations/catalog-mutations.ts';
import { chunkImport } from './import-chunks.ts';
import { MAX_IMPORT_ROWS, planImport } from './import-rows.ts';

const importer: Principal = {
	userId: 'u-catalog',
	orgId: 'o',
	isAdmin: false,
	permissions: ['productsImporter'],
	companyId: 'c-msp',
	companyVerified: true,
	kind: 'msp'
};
const categories: Category[] = ['Laptops', 'Licensing', 'Accessories'].map((name, k) => ({
	id: `cat-${k}`,
	name,
	defaultMarkupPercent: 20,
	billingCodeId: null
}));

async function plannedFile(rows: number) {
	const lines = Array.from(
		{ length: rows },
		(_, k) => `Product ${k},SKU-${k},${categories[k % 3]!.name},${k}.00,${k + 50}.00,monthly`
	);
	const content = await readCsv(['name,sku,category,cost,price,billing', ...lines].join('\n'));
	let n = 0;
	return planImport(content.rows, detectColumns(content.headers), {
		categories,
		products: [],
		newId: () => `p-${++n}`
	});
}

describe('importing a file on this device', () => {
	let db: LocalDb;
	beforeEach(async () => {
		db = openTestDb();
		await db.categories.bulkPut(categories);
	});
	afterEach(async () => {
		await destroyTestDb(db);
	});

	it('applies the largest file as mutations of at most IMPORT_MAX_ROWS rows', async () => {
		const plan = await plannedFile(MAX_IMPORT_ROWS);
		expect(plan.issues).toEqual([]);
		const chunks = chunkImport(plan.products);
		for (const products of chunks) await runLocalMutation(db, importer, 'importProducts', { products }, Date.now());
		expect(await db.products.count()).toBe(MAX_IMPORT_ROWS);
		expect(await db.outbox.count()).toBe(MAX_IMPORT_ROWS / IMPORT_MAX_ROWS);
	});

	it('refuses a mutation of more rows than one may carry', async () => {
		const plan = await plannedFile(IMPORT_MAX_ROWS + 1);
		await expect(
			runLocalMutation(db, importer, 'importProducts', { products: plan.products }, Date.now())
		).rejects.toMatchObject({ code: 'invalid_input' });
		expect(await db.products.count()).toBe(0);
	});

	it('leaves nothing behind when the mutation is refused', async () => {
		const plan = await plannedFile(300);
		const products = plan.products.map((p, k) => (k === 250 ? { ...p, categoryId: 'cat-deleted' } : p));
		await expect(runLocalMutation(db, importer, 'importProducts', { products }, Date.now())).rejects.toMatchObject({
			code: 'category_not_found',
			message: 'Row 251: the category does not exist.'
		});
		expect(await db.products.count()).toBe(0);
		expect(await db.outbox.count()).toBe(0);
	});
});
