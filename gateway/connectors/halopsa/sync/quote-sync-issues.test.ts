// Issue 14 against the HaloPSA simulator, through the job runner: a quote sync that fails on the client
// or the user files its issue against that company or contact (linked back to the quote), and lines
// Halo refuses are named one by one with Halo's own words, the warning filed against their product.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readEntity } from '../../../store/entity-reader.ts';
import { STORE_KINDS } from '../../../test/stores.ts';
import { contractRows } from '../../../psa/test/contract-rows.ts';
import { fakeClock, ORG, startJobsHarness, type JobsHarness } from '../../../psa/test/jobs-harness.ts';
import { storeLinks } from '../../../jobs/store-sync-context.ts';
import { haloSpec } from '../spec.ts';
import { startHalo, type Halo } from '../test/sync-fixture.ts';

describe.each(STORE_KINDS)('HaloPSA quote sync issues on $name', (kind) => {
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

	async function quoteOf(lines: number) {
		const rows = contractRows({ categoryId: 'cat-halopsa' }, lines);
		await jobs.putRows(rows.rows);
		return rows;
	}
	async function sync(quoteId: string) {
		await jobs.enqueue('syncQuote', quoteId);
		await jobs.drain();
	}
	const syncOf = (quoteId: string) => readEntity(jobs.store.db, ORG, 'quoteSyncs', quoteId);
	const refuse = (path: string, field: string, text: string) =>
		halo.sim.control.inject({ kind: 'error', status: 400, body: { [`[0].${field}`]: text }, method: 'POST', path });

	it('files a client Halo refuses against the company; the next sync that succeeds clears it', async () => {
		const { quote } = await quoteOf(1);
		refuse('/Client', 'name', 'A client with this name already exists');
		await sync(quote.id);

		expect(await jobs.issue('syncQuote', quote.id)).toMatchObject({
			entityTable: 'companies',
			entityId: 'company-acme',
			entityLabel: 'Company Acme Corporation · Quote Q-01001 · Acme Corporation',
			quoteId: quote.id,
			message: 'A client with this name already exists',
			severity: 'error'
		});
		expect(await syncOf(quote.id)).toMatchObject({
			state: 'failed',
			message: 'A client with this name already exists',
			lines: []
		});

		await sync(quote.id);
		expect(await jobs.issue('syncQuote', quote.id)).toBeUndefined();
		expect((await syncOf(quote.id))?.state).toBe('synced');
	});

	it('files a user Halo refuses against the contact, not the quote', async () => {
		const { quote } = await quoteOf(1);
		refuse('/Users', 'emailaddress', 'Email address is not valid');
		await sync(quote.id);

		expect(await jobs.issue('syncQuote', quote.id)).toMatchObject({
			entityTable: 'contacts',
			entityId: 'contact-ada',
			entityLabel: 'Contact Ada Lovelace · Quote Q-01001 · Acme Corporation',
			quoteId: quote.id,
			message: 'Email address is not valid'
		});
		expect(await syncOf(quote.id)).toMatchObject({ state: 'failed', message: 'Email address is not valid' });
		expect(halo.sim.control.count('Client')).toBe(1);
		expect(halo.sim.control.count('Opportunities')).toBe(0);
	});

	it('names the two of five lines whose items were deleted in Halo, each in Halo’s words', async () => {
		const { quote, lines } = await quoteOf(5);
		await sync(quote.id);
		const links = storeLinks(jobs.store, ORG, 'halopsa');
		const gone = [Number(await links.get('products', 'product-2')), Number(await links.get('products', 'product-4'))];
		for (const item of gone) halo.sim.control.remove('Item', item);

		await sync(quote.id);

		expect(await syncOf(quote.id)).toMatchObject({
			state: 'warning',
			message: 'Some line items not synchronized (2 of 5).',
			lines: [
				{ lineId: lines[1]!.id, message: `Item ${gone[0]} does not exist.` },
				{ lineId: lines[3]!.id, message: `Item ${gone[1]} does not exist.` }
			]
		});
		expect(await jobs.issue('syncQuote', quote.id)).toMatchObject({
			severity: 'warning',
			entityTable: 'products',
			entityId: 'product-2',
			entityLabel: 'Product Laptop model 2 · Quote Q-01001 · Acme Corporation',
			quoteId: quote.id
		});
		const [quotation] = halo.sim.control.records('Quotation');
		expect((quotation!.lines as { name: string }[]).map((line) => line.name)).toEqual([
			'Laptop model 1',
			'Laptop model 3',
			'Laptop model 5'
		]);
	});

	it('names each line whose new item Halo refuses, with Halo’s text for that item', async () => {
		const { quote, lines } = await quoteOf(2);
		halo.sim.control.inject({
			kind: 'error',
			status: 400,
			body: { '[0].name': 'An item with this name already exists' },
			method: 'POST',
			path: '/Item',
			times: 2
		});
		await sync(quote.id);

		expect(await syncOf(quote.id)).toMatchObject({
			state: 'warning',
			message: 'Some line items not synchronized (1 of 2).',
			lines: [{ lineId: lines[0]!.id, message: 'An item with this name already exists' }]
		});
		expect(await jobs.issue('syncQuote', quote.id)).toMatchObject({ entityTable: 'products', entityId: 'product-1' });
	});
});
