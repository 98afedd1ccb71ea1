// A re-index of an entity type rebuilds the whole mapping, not only the links Outpost still holds:
// a record the last run unlinked (gone from the PSA), then re-created in the PSA under the same
// natural key, is linked again; each record without a link costs at most the one lookup its key needs.

import { afterEach, describe, expect, it } from 'vitest';
import { STORE_KINDS } from '../../test/stores.ts';
import { ORG, startAutotaskJobs, type AutotaskJobs } from '../../psa/test/autotask-jobs-harness.ts';
import { readEntity } from '../../store/entity-reader.ts';
import { storeLinks } from '../store-sync-context.ts';

describe.each(STORE_KINDS)('a type re-index on $name', (kind) => {
	let at: AutotaskJobs;
	afterEach(() => at.close());

	const links = () => storeLinks(at.store, ORG, 'autotask');

	async function reindex(entity: string) {
		at.sandbox.control.resetCalls();
		await at.enqueue('reindex', entity);
		await at.drain();
		return {
			run: await readEntity(at.store.db, ORG, 'reindexRuns', `autotask:${entity}`),
			calls: at.sandbox.control.calls()
		};
	}

	it('links again a product re-created in Autotask under its SKU after a re-index unlinked it', async () => {
		at = await startAutotaskJobs(kind, { withLookups: true });
		const { quote } = await at.quote(['p-laptop']);
		await at.enqueue('syncQuote', quote.id);
		await at.drain();
		const control = at.sandbox.control;
		const laptop = control.records('Products').find((p) => p.sku === 'T14-G5')!;
		expect(await links().get('products', 'p-laptop')).toBe(String(laptop.id));

		control.remove('Products', laptop.id);
		const gone = await reindex('products');
		expect(gone.run?.counts.unlinked).toBe(1);
		expect(await links().get('products', 'p-laptop')).toBeNull();

		const [again] = control.seed('Products', [{ ...laptop, id: undefined }]);
		const back = await reindex('products');
		expect(await links().get('products', 'p-laptop')).toBe(String(again));
		// Four products in the catalog, none linked: each asked for by its SKU once, the laptop found.
		expect(back.run).toMatchObject({
			state: 'done',
			done: 4,
			total: 4,
			counts: { relinked: 1, unlinked: 0, unchanged: 3, undecided: 0 }
		});
		expect(back.calls).toEqual({ 'POST /Products/query': 4 });
	});

	it('links again a user whose Autotask resource was made again after a re-index unlinked them', async () => {
		at = await startAutotaskJobs(kind, { withLookups: true });
		const owner = () => readEntity(at.store.db, ORG, 'users', 'user-owner');
		const resource = Number((await owner())?.externalIds.autotask);
		const record = at.sandbox.control.record('Resources', resource);

		at.sandbox.control.remove('Resources', resource);
		await reindex('users');
		expect((await owner())?.externalIds.autotask).toBeUndefined();

		const [again] = at.sandbox.control.seed('Resources', [{ ...record, id: undefined }]);
		const back = await reindex('users');
		expect(back.run?.counts.relinked).toBe(1);
		expect((await owner())?.externalIds.autotask).toBe(String(again));
	});
});
