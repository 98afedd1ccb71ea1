// Re-index against the Autotask simulator: records deleted, merged and re-created in Autotask after
// Outpost linked them; the re-index repairs the links with the sync's own keys, counted in the
// simulator and in external_links, inside the rate budget, and resumes after a restart.

import { afterEach, describe, expect, it } from 'vitest';
import { STORE_KINDS } from '../../../test/stores.ts';
import { ORG, startAutotaskJobs, type AutotaskJobs } from '../../../psa/test/autotask-jobs-harness.ts';
import { readEntity } from '../../../store/entity-reader.ts';
import { storeLinks } from '../../../jobs/store-sync-context.ts';

describe.each(STORE_KINDS)('Autotask re-index on $name', (kind) => {
	let at: AutotaskJobs;
	afterEach(() => at.close());

	const links = () => storeLinks(at.store, ORG, 'autotask');
	const run = (entity: string) => readEntity(at.store.db, ORG, 'reindexRuns', `autotask:${entity}`);

	async function reindex(entity: string) {
		at.sandbox.control.resetCalls();
		await at.enqueue('reindex', entity);
		await at.drain();
		return { run: await run(entity), calls: at.sandbox.control.calls() };
	}

	async function synced() {
		at = await startAutotaskJobs(kind, { withLookups: true });
		const { quote } = await at.quote(['p-laptop', 'p-dock']);
		await at.enqueue('syncQuote', quote.id);
		await at.drain();
		expect(await at.issue('syncQuote', quote.id)).toBeUndefined();
		return quote;
	}

	it('repairs deleted, merged and re-created records, each kind with its own key', async () => {
		const quote = await synced();
		const control = at.sandbox.control;
		const laptop = Number(await links().get('products', 'p-laptop'));
		const dock = Number(await links().get('products', 'p-dock'));
		const ada = Number(await links().get('contacts', 'contact-ada'));
		const autotaskQuote = Number(await links().get('quotes', quote.id));

		// Re-created: the laptop deleted and made again with the same SKU.
		const newLaptop = control.recreate('Products', laptop);
		// Merged: Ada had a duplicate in Autotask; her linked record was merged into it.
		const [duplicate] = control.seed('Contacts', [{ ...control.record('Contacts', ada), id: undefined }]);
		control.merge('Contacts', ada, duplicate!);
		// Deleted: the quote, with nothing left to find it by.
		control.remove('Quotes', autotaskQuote);
		// Two docks with the dock's SKU: nothing can choose between them.
		control.recreate('Products', dock);
		control.seed('Products', [{ ...control.records('Products').find((p) => p.sku === 'DOCK-40'), id: undefined }]);

		const companies = await reindex('companies');
		// Acme by its link; the MSP itself, never linked, asked for by its name and not found.
		expect(companies.run?.counts).toEqual({ relinked: 0, unlinked: 0, unchanged: 2, undecided: 0 });
		expect(companies.calls).toEqual({ 'GET /Companies/{id}': 1, 'POST /Companies/query': 1 });

		const contacts = await reindex('contacts');
		expect(contacts.run?.counts).toEqual({ relinked: 1, unlinked: 0, unchanged: 0, undecided: 0 });
		expect(await links().get('contacts', 'contact-ada')).toBe(String(duplicate));
		expect(contacts.calls).toEqual({ 'GET /Contacts/{id}': 1, 'POST /Contacts/query': 1 });

		const products = await reindex('products');
		expect(products.run).toMatchObject({
			state: 'done',
			done: 4,
			total: 4,
			counts: { relinked: 1, unlinked: 0, unchanged: 2, undecided: 1 }
		});
		expect(await links().get('products', 'p-laptop')).toBe(String(newLaptop));
		// Undecided keeps what it had: a person links it by hand.
		expect(await links().get('products', 'p-dock')).toBe(String(dock));
		// The two catalog products never quoted have no link: each asked for by its SKU, found nowhere.
		expect(products.calls).toEqual({ 'GET /Products/{id}': 2, 'POST /Products/query': 4 });

		const opportunities = await reindex('opportunities');
		expect(opportunities.run?.counts).toEqual({ relinked: 0, unlinked: 0, unchanged: 1, undecided: 0 });

		const quotes = await reindex('quotes');
		expect(quotes.run?.counts).toEqual({ relinked: 0, unlinked: 1, unchanged: 0, undecided: 0 });
		expect(await links().get('quotes', quote.id)).toBeNull();
		expect(quotes.calls).toEqual({ 'GET /Quotes/{id}': 1, 'POST /Quotes/query': 1 });

		// The two docks merged into one: the next re-index links the dock to the survivor.
		const docks = control.records('Products').filter((p) => p.sku === 'DOCK-40');
		control.merge('Products', docks[1]!.id, docks[0]!.id);
		const again = await reindex('products');
		expect(again.run?.counts).toEqual({ relinked: 1, unlinked: 0, unchanged: 3, undecided: 0 });
		expect(await links().get('products', 'p-dock')).toBe(String(docks[0]!.id));
		// Nothing was created or changed in Autotask: re-index only reads.
		expect(control.records('Products')).toHaveLength(2);
	});

	it('a deleted record with no match is unlinked, and the next sync makes it again', async () => {
		const quote = await synced();
		at.sandbox.control.remove('Quotes', Number(await links().get('quotes', quote.id)));
		await reindex('quotes');
		await at.enqueue('syncQuote', quote.id);
		await at.drain();
		expect(await at.issue('syncQuote', quote.id)).toBeUndefined();
		expect(at.count('Quotes')).toBe(1);
		expect(await links().get('quotes', quote.id)).toBe(String(at.sandbox.control.records('Quotes')[0]!.id));
	});

	it('Re-index this record repairs the quote behind a "No matching records found" issue, and its retry clears it', async () => {
		const quote = await synced();
		at.sandbox.control.remove('Quotes', Number(await links().get('quotes', quote.id)));
		await at.write((tx) => tx.put('quotes', { ...quote, title: 'Renamed after the delete' }));
		await at.enqueue('syncQuote', quote.id);
		await at.drain();
		expect(await at.issue('syncQuote', quote.id)).toMatchObject({ message: 'No matching records found' });

		await reindex(`quotes/${quote.id}`);
		expect(await run('record')).toMatchObject({
			state: 'done',
			total: 4,
			counts: { relinked: 0, unlinked: 1, unchanged: 3, undecided: 0 }
		});
		expect(await at.issue('syncQuote', quote.id)).toBeUndefined();
		expect(at.count('Quotes')).toBe(1);
		expect(at.sandbox.control.records('Quotes')[0]).toMatchObject({ name: 'Q-00001 Renamed after the delete' });
	});

	it('re-indexes users from the staff Synchronize reads: a resource deleted and made again is re-linked by email', async () => {
		at = await startAutotaskJobs(kind, { withLookups: true });
		const owner = await readEntity(at.store.db, ORG, 'users', 'user-owner');
		const resource = Number(owner?.externalIds.autotask);
		const again = at.sandbox.control.recreate('Resources', resource);
		const users = await reindex('users');
		expect(users.run?.counts).toEqual({ relinked: 1, unlinked: 0, unchanged: 0, undecided: 0 });
		expect((await readEntity(at.store.db, ORG, 'users', 'user-owner'))?.externalIds.autotask).toBe(String(again));
	});

	it('a re-index Autotask refuses stops, says why on its row, and opens an issue; a later run starts over', async () => {
		await synced();
		at.sandbox.control.inject({ kind: 'unauthorized', times: 100 });
		const refused = await reindex('products');
		expect(refused.run).toMatchObject({ state: 'failed', done: 0, total: 4 });
		expect(refused.run?.message).not.toBe('');
		expect(await at.issue('reindex', 'products')).toMatchObject({ state: 'open', entityTable: 'integrations' });

		at.sandbox.control.clearFaults();
		const again = await reindex('products');
		expect(again.run).toMatchObject({ state: 'done', done: 4, counts: { unchanged: 4 } });
		expect(await at.issue('reindex', 'products')).toBeUndefined();
	});
});
