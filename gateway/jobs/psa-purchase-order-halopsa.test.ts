// A submitted distributor order becomes one HaloPSA purchase order (one POST with its lines), through
// the job runner on a real store against the simulator, counted there: a death after any request, a
// lost answer, the order queued again or two runners never leave two.

import { afterEach, describe, expect, it } from 'vitest';
import { buildClient, buildSupplier } from '../connectors/halopsa/simulator/seed-builders.ts';
import { haloSpec } from '../connectors/halopsa/spec.ts';
import { startHalo, type Halo } from '../connectors/halopsa/test/sync-fixture.ts';
import { fakeClock, ORG, startJobsHarness, type JobsHarness } from '../psa/test/jobs-harness.ts';
import { STORE_KINDS } from '../test/stores.ts';
import { answerLostAt, dyingAt, loaderOf, ORDER } from './psa-purchase-order-test-kit.ts';
import { storeLinks } from './store-sync-context.ts';

const LEASE_MS = 300;
const realSleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Token, supplier by name, the purchase order with its lines. */
const REQUESTS = 3;
const load = loaderOf(ORG, [ORDER]);

describe.each(STORE_KINDS)('the HaloPSA purchase order of a distributor order on $name', (kind) => {
	let halo: Halo;
	let jobs: JobsHarness;
	let acme: number;
	let laptop: number;
	let supplier: number;
	afterEach(async () => {
		await jobs.close();
		await halo.close();
	});

	async function start(options: { supplier?: boolean } = {}) {
		const time = fakeClock();
		halo = await startHalo({ clock: time.clock, sleep: time.sleep });
		jobs = await startJobsHarness(kind, { provider: 'halopsa', spec: haloSpec, credentials: halo.credentials, time });
		[acme] = halo.sim.control.seed('Client', [buildClient()]) as [number];
		[laptop] = halo.sim.control.seed('Item', [{ name: 'Laptop', inactive: false }]) as [number];
		if (options.supplier !== false) [supplier] = halo.sim.control.seed('Supplier', [buildSupplier()]) as [number];
		const links = storeLinks(jobs.store, ORG, 'halopsa');
		await links.set('companies', 'company-acme', String(acme));
		await links.set('products', 'p-laptop', String(laptop));
		jobs.runner = jobs.newRunner({ loadPurchaseOrderInput: load });
		await jobs.enqueue('createPsaPurchaseOrder', ORDER.orderId);
	}

	const orders = () => halo.sim.control.records('PurchaseOrder');

	it('makes one PO for the supplier and the company, with a line per order line', async () => {
		await start();
		const counted = dyingAt(Infinity);
		jobs.runner = jobs.newRunner({ fetch: counted.fetch, loadPurchaseOrderInput: load });
		await jobs.drain();

		expect(counted.sent()).toBe(REQUESTS);
		expect(orders()).toHaveLength(1);
		expect(orders()[0]).toMatchObject({ supplier_id: supplier, client_id: acme, po_ref: 'OUT-01042 outpost:order-1' });
		const lines = orders()[0]!.lines as Record<string, unknown>[];
		expect(lines.map((l) => [l.item_id ?? null, l.productcode, l.quantity, l.costprice])).toEqual([
			[laptop, 'T14-G5', 3, 910],
			[null, 'DOCK-40', 2, 180.5]
		]);
		expect(await jobs.issue('createPsaPurchaseOrder', ORDER.orderId)).toBeUndefined();
	});

	it.each(Array.from({ length: REQUESTS }, (_, i) => i + 1))(
		'a process that dies after request %i reached HaloPSA: the takeover leaves one purchase order',
		async (k) => {
			await start();
			const dying = dyingAt(k);
			void jobs.newRunner({ fetch: dying.fetch, leaseMs: LEASE_MS, loadPurchaseOrderInput: load }).runDue();
			await dying.died;
			jobs.clock.t += LEASE_MS + 1;
			await realSleep(LEASE_MS);
			jobs.runner = jobs.newRunner({ leaseMs: LEASE_MS, loadPurchaseOrderInput: load });
			await jobs.drain();

			expect(orders()).toHaveLength(1);
			expect(await jobs.issue('createPsaPurchaseOrder', ORDER.orderId)).toBeUndefined();
		}
	);

	it.each(Array.from({ length: REQUESTS }, (_, i) => i + 1))(
		'an answer lost at request %i: the retry finds the purchase order by its reference',
		async (k) => {
			await start();
			jobs.runner = jobs.newRunner({ fetch: answerLostAt(k).fetch, loadPurchaseOrderInput: load });
			await jobs.drain();

			expect(orders()).toHaveLength(1);
		}
	);

	it('the order queued again, run by two runners, sends nothing more', async () => {
		await start();
		await jobs.drain();
		await jobs.enqueue('createPsaPurchaseOrder', ORDER.orderId);
		const counted = dyingAt(Infinity);
		const runner = () => jobs.newRunner({ fetch: counted.fetch, loadPurchaseOrderInput: load });
		await Promise.all([runner().runDue(), runner().runDue()]);

		expect(counted.sent()).toBe(0);
		expect(orders()).toHaveLength(1);
	});

	it('a distributor HaloPSA has no supplier for is an issue naming it', async () => {
		await start({ supplier: false });
		await jobs.drain();

		expect((await jobs.issue('createPsaPurchaseOrder', ORDER.orderId))?.message).toBe(
			'HaloPSA has no supplier named "Ingram Micro". Add it in HaloPSA, then retry.'
		);
		expect(orders()).toHaveLength(0);
	});
});
