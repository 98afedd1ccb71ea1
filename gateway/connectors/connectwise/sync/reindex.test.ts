// Re-index against the ConnectWise simulator: records deleted, merged and re-created in ConnectWise
// after Outpost linked them; the re-index repairs the links with the sync's own keys, counted in the
// simulator and in external_links, on SQLite and Postgres.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Sandbox } from '../test/client-sandbox.ts';
import { startConnectwiseJobs, type ConnectwiseJobs } from '../../../psa/test/connectwise-jobs-harness.ts';
import { readEntity } from '../../../store/entity-reader.ts';
import { STORE_KINDS } from '../../../test/stores.ts';
import { contractRows } from '../../../psa/test/contract-rows.ts';
import { ORG } from '../../../psa/test/jobs-harness.ts';
import { storeLinks } from '../../../jobs/store-sync-context.ts';

describe.each(STORE_KINDS)('ConnectWise re-index on $name', (kind) => {
	let cw: Sandbox;
	let jobs: ConnectwiseJobs;
	beforeEach(async () => {
		jobs = await startConnectwiseJobs(kind);
		cw = jobs.sandbox;
	});
	afterEach(() => jobs.close());

	const links = () => storeLinks(jobs.store, ORG, 'connectwise');
	/** Each run's client finds the tenant's codebase once. */
	const INFO = { 'GET /login/companyinfo/{id}': 1 };

	async function reindex(entity: string) {
		cw.control.resetCalls();
		await jobs.enqueue('reindex', entity);
		await jobs.drain();
		return {
			run: await readEntity(jobs.store.db, ORG, 'reindexRuns', `connectwise:${entity}`),
			calls: cw.control.calls()
		};
	}

	async function synced() {
		const { rows, quote } = contractRows({ categoryId: 'category-hardware' }, 2);
		await jobs.putRows(rows);
		await jobs.enqueue('syncQuote', quote.id);
		await jobs.drain();
		expect(await jobs.issue('syncQuote', quote.id)).toBeUndefined();
		return quote;
	}

	it('repairs deleted, merged and re-created records, each kind with its own key', async () => {
		const quote = await synced();
		const control = cw.control;
		const first = Number(await links().get('products', 'product-1'));
		const second = Number(await links().get('products', 'product-2'));
		const ada = Number(await links().get('contacts', 'contact-ada'));

		const newFirst = control.recreate('catalog', first);
		const [duplicate] = control.seed('contacts', [{ ...control.record('contacts', ada), id: undefined }]);
		control.merge('contacts', ada, duplicate!);
		control.remove('opportunities', Number(await links().get('opportunities', quote.id)));
		const newSecond = control.recreate('catalog', second);
		const [twin] = control.seed('catalog', [{ ...control.record('catalog', newSecond), id: undefined }]);

		const companies = await reindex('companies');
		expect(companies.run?.counts).toEqual({ relinked: 0, unlinked: 0, unchanged: 1, undecided: 0 });
		expect(companies.calls).toEqual({ ...INFO, 'GET /company/companies/{id}': 1 });

		const contacts = await reindex('contacts');
		expect(contacts.run?.counts).toEqual({ relinked: 1, unlinked: 0, unchanged: 0, undecided: 0 });
		expect(await links().get('contacts', 'contact-ada')).toBe(String(duplicate));
		expect(contacts.calls).toEqual({ ...INFO, 'GET /company/contacts/{id}': 1, 'GET /company/contacts': 1 });

		const products = await reindex('products');
		expect(products.run?.counts).toEqual({ relinked: 1, unlinked: 0, unchanged: 0, undecided: 1 });
		expect(await links().get('products', 'product-1')).toBe(String(newFirst));
		expect(await links().get('products', 'product-2')).toBe(String(second));
		expect(products.calls).toEqual({ ...INFO, 'GET /procurement/catalog/{id}': 2, 'GET /procurement/catalog': 2 });

		const opportunities = await reindex('opportunities');
		expect(opportunities.run?.counts).toEqual({ relinked: 0, unlinked: 1, unchanged: 0, undecided: 0 });
		expect(await links().get('opportunities', quote.id)).toBeNull();

		// ConnectWise has no quote of its own: nothing to re-index, and no call spent finding that out.
		const quotes = await reindex('quotes');
		expect(quotes.run).toMatchObject({ state: 'done', done: 0, message: expect.stringContaining('keeps no quotes') });
		expect(quotes.calls).toEqual({});

		control.merge('catalog', twin!, newSecond);
		const again = await reindex('products');
		expect(again.run?.counts).toEqual({ relinked: 1, unlinked: 0, unchanged: 1, undecided: 0 });
		expect(await links().get('products', 'product-2')).toBe(String(newSecond));
		expect(control.records('catalog')).toHaveLength(2);
	});
});
