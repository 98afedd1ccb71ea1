import { Dexie } from 'dexie';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { searchProducts } from '../catalog/product-search.ts';
import type { LocalDb } from '../platform/local-db.ts';
import { destroyTestDb, openTestDb } from '../test/fake-local-db.ts';
import { buildProduct } from './build-product.ts';
import { sharedCatalog } from './shared-catalog.svelte.ts';

const LINGER_MS = 40;
const dbs: LocalDb[] = [];

async function catalogDb() {
	const db = openTestDb();
	dbs.push(db);
	await db.products.bulkPut([
		buildProduct({ id: 'p-dock', name: 'Surface Dock Gen 3' }),
		buildProduct({ id: 'p-laptop', name: 'Lenovo ThinkPad T14' })
	]);
	return db;
}

async function until(ready: () => boolean) {
	for (let tries = 0; !ready(); tries++) {
		if (tries > 200) throw new Error('never ready');
		await new Promise((resolve) => setTimeout(resolve, 5));
	}
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(() => {
	// liveQuery runs only where Dexie found a global IndexedDB when it loaded.
	Dexie.dependencies.indexedDB ??= indexedDB;
	Dexie.dependencies.IDBKeyRange ??= IDBKeyRange;
});

afterEach(async () => {
	await Promise.all(dbs.splice(0).map(destroyTestDb));
});

describe('sharedCatalog', () => {
	it('gives a second editor on the same replica the catalog and index the first one read', async () => {
		const db = await catalogDb();
		const first = sharedCatalog(db, LINGER_MS);
		const releaseFirst = first.hold();
		await until(() => first.loaded);
		const index = first.index;
		expect(index.entries).toHaveLength(2);

		const second = sharedCatalog(db, LINGER_MS);
		const releaseSecond = second.hold();
		expect(second).toBe(first);
		expect(second.loaded).toBe(true);
		expect(second.index).toBe(index);
		releaseFirst();
		releaseSecond();
	});

	it('follows products written while it is held, and indexes them', async () => {
		const db = await catalogDb();
		const catalog = sharedCatalog(db, LINGER_MS);
		const release = catalog.hold();
		await until(() => catalog.loaded);
		await db.products.put(buildProduct({ id: 'p-nas', name: 'Synology NAS DS923' }));
		await until(() => catalog.current.products.length === 3);
		expect(searchProducts(catalog.index, 'synology').products.map((p) => p.id)).toEqual(['p-nas']);
		release();
	});

	it('lets the catalog go a while after the last editor does, and reads it afresh when held again', async () => {
		const db = await catalogDb();
		const catalog = sharedCatalog(db, LINGER_MS);
		const release = catalog.hold();
		await until(() => catalog.loaded);
		release();
		release(); // a second call of the same release changes nothing
		await until(() => !catalog.loaded);
		expect(catalog.current.products).toEqual([]);

		await db.products.delete('p-dock');
		const again = catalog.hold();
		await until(() => catalog.loaded);
		expect(catalog.current.products.map((p) => p.id)).toEqual(['p-laptop']);
		again();
	});

	it('keeps the catalog when an editor holds it again before the linger ends', async () => {
		const db = await catalogDb();
		const catalog = sharedCatalog(db, LINGER_MS);
		const release = catalog.hold();
		await until(() => catalog.loaded);
		release();
		const again = catalog.hold();
		await sleep(LINGER_MS * 3);
		expect(catalog.loaded).toBe(true);
		expect(catalog.current.products).toHaveLength(2);
		again();
	});
});
