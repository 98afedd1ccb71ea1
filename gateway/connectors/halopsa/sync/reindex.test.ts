// Re-index against the HaloPSA simulator: records deleted, merged and re-created in Halo after Outpost
// linked them; the re-index repairs the links with the sync's own markers, counted in the simulator
// and in external_links, on SQLite and Postgres, with one token for the whole run.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readEntity } from '../../../store/entity-reader.ts';
import { STORE_KINDS } from '../../../test/stores.ts';
import { fakeClock, ORG, startJobsHarness, type JobsHarness } from '../../../psa/test/jobs-harness.ts';
import { storeLinks } from '../../../jobs/store-sync-context.ts';
import { haloSpec } from '../spec.ts';
import { quoteRows, startHalo, type Halo } from '../test/sync-fixture.ts';

describe.each(STORE_KINDS)('HaloPSA re-index on $name', (kind) => {
	let halo: Halo;
	let jobs: JobsHarness;
	beforeEach(async () => {
		const time = fakeClock();
		halo = await startHalo({ clock: time.clock, sleep: time.sleep });
		jobs = await startJobsHarness(kind, { provider: 'halopsa', spec: haloSpec, credentials: halo.credentials, time });
	});
	afterEach(async () => {
		await jobs.close();
		await halo.close();
	});

	const links = () => storeLinks(jobs.store, ORG, 'halopsa');
	const TOKEN = { 'POST /auth/token': 1 };

	async function reindex(entity: string) {
		halo.sim.control.resetCalls();
		await jobs.enqueue('reindex', entity);
		await jobs.drain();
		return {
			run: await readEntity(jobs.store.db, ORG, 'reindexRuns', `halopsa:${entity}`),
			calls: halo.sim.control.calls()
		};
	}

	async function synced() {
		const rows = quoteRows({ ownerHaloId: halo.agentId });
		await jobs.putRows(rows.rows);
		await jobs.enqueue('syncQuote', rows.quote.id);
		await jobs.drain();
		expect(await jobs.issue('syncQuote', rows.quote.id)).toBeUndefined();
		return rows;
	}

	it('repairs deleted, merged and re-created records, each kind with its own marker', async () => {
		const { quote, contact, products } = await synced();
		const control = halo.sim.control;
		const [first, second] = [products[0]!.id, products[1]!.id];
		const firstItem = Number(await links().get('products', first));
		const secondItem = Number(await links().get('products', second));
		const user = Number(await links().get('contacts', contact.id));

		const newFirst = control.recreate('Item', firstItem);
		const [duplicate] = control.seed('Users', [{ ...control.record('Users', user), id: undefined }]);
		control.merge('Users', user, duplicate!);
		control.remove('Quotation', Number(await links().get('quotes', quote.id)));
		const newSecond = control.recreate('Item', secondItem);
		const [twin] = control.seed('Item', [{ ...control.record('Item', newSecond), id: undefined }]);

		const companies = await reindex('companies');
		expect(companies.run?.counts).toEqual({ relinked: 0, unlinked: 0, unchanged: 1, undecided: 0 });
		expect(companies.calls).toEqual({ ...TOKEN, 'GET /Client/{id}': 1 });

		const contacts = await reindex('contacts');
		expect(contacts.run?.counts).toEqual({ relinked: 1, unlinked: 0, unchanged: 0, undecided: 0 });
		expect(await links().get('contacts', contact.id)).toBe(String(duplicate));
		expect(contacts.calls).toEqual({ ...TOKEN, 'GET /Users/{id}': 1, 'GET /Users': 1 });

		const items = await reindex('products');
		expect(items.run?.counts).toEqual({ relinked: 1, unlinked: 0, unchanged: 0, undecided: 1 });
		expect(await links().get('products', first)).toBe(String(newFirst));
		expect(await links().get('products', second)).toBe(String(secondItem));
		expect(items.calls).toEqual({ ...TOKEN, 'GET /Item/{id}': 2, 'GET /Item': 2 });

		const opportunities = await reindex('opportunities');
		expect(opportunities.run?.counts).toEqual({ relinked: 0, unlinked: 0, unchanged: 1, undecided: 0 });

		const quotes = await reindex('quotes');
		expect(quotes.run?.counts).toEqual({ relinked: 0, unlinked: 1, unchanged: 0, undecided: 0 });
		expect(await links().get('quotes', quote.id)).toBeNull();
		expect(quotes.calls).toEqual({ ...TOKEN, 'GET /Quotation/{id}': 1, 'GET /Quotation': 1 });

		control.merge('Item', twin!, newSecond);
		const again = await reindex('products');
		expect(again.run?.counts).toEqual({ relinked: 1, unlinked: 0, unchanged: 1, undecided: 0 });
		expect(await links().get('products', second)).toBe(String(newSecond));
		expect(control.count('Item')).toBe(2);
	});
});
