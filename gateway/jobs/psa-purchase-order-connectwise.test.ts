// A submitted distributor order becomes one ConnectWise purchase order with its line items, through
// the job runner on a real store against the simulator, counted there: a death after any request, a
// lost answer, the order queued again or two runners never leave two purchase orders or two lines.

import { afterEach, describe, expect, it } from 'vitest';
import {
	buildCatalogItem,
	buildCompany,
	buildVendor,
	PROCUREMENT_SETUP
} from '../connectors/connectwise/simulator/seed-builders.ts';
import { connectwiseSpec } from '../connectors/connectwise/spec.ts';
import { startSandbox, type Sandbox } from '../connectors/connectwise/test/client-sandbox.ts';
import { fakeClock, ORG, startJobsHarness, type JobsHarness } from '../psa/test/jobs-harness.ts';
import { STORE_KINDS } from '../test/stores.ts';
import { answerLostAt, dyingAt, loaderOf, ORDER } from './psa-purchase-order-test-kit.ts';
import { storeLinks } from './store-sync-context.ts';

const LEASE_MS = 300;
const realSleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Company info, catalog by SKU, units, vendor, statuses, terms, the PO, two line items. */
const REQUESTS = 9;
const load = loaderOf(ORG, [ORDER]);

describe.each(STORE_KINDS)('the ConnectWise purchase order of a distributor order on $name', (kind) => {
	let cw: Sandbox;
	let jobs: JobsHarness;
	let acme: number;
	let vendor: number;
	let laptop: number;
	let dock: number;
	afterEach(async () => {
		await jobs.close();
		await cw.close();
	});

	async function start(options: { vendor?: boolean } = {}) {
		const time = fakeClock();
		cw = await startSandbox({ simulator: { clock: time.clock, sleep: time.sleep } });
		jobs = await startJobsHarness(kind, {
			provider: 'connectwise',
			spec: connectwiseSpec,
			credentials: cw.credentials,
			time
		});
		[acme] = cw.control.seed('companies', [buildCompany()]) as [number];
		if (options.vendor !== false) [vendor] = cw.control.seed('companies', [buildVendor()]) as [number];
		[laptop, dock] = cw.control.seed('catalog', [
			buildCatalogItem(),
			buildCatalogItem({ identifier: 'DOCK-40', description: 'Dock' })
		]) as [number, number];
		for (const [table, rows] of Object.entries(PROCUREMENT_SETUP)) cw.control.seed(table as never, [...rows]);
		const links = storeLinks(jobs.store, ORG, 'connectwise');
		await links.set('companies', 'company-acme', String(acme));
		await links.set('products', 'p-laptop', String(laptop));
		jobs.runner = jobs.newRunner({ loadPurchaseOrderInput: load });
		await jobs.enqueue('createPsaPurchaseOrder', ORDER.orderId);
	}

	const orders = () => cw.control.records('purchaseOrders');
	const lines = () => cw.control.records('purchaseOrderLineItems');

	function expectOnePurchaseOrder() {
		expect(orders()).toHaveLength(1);
		expect(lines().map((l) => [l.purchaseOrderId, l.lineNumber])).toEqual([
			[orders()[0]!.id, 1],
			[orders()[0]!.id, 2]
		]);
	}

	it('makes one PO for the vendor and the customer, with a line item per order line', async () => {
		await start();
		const counted = dyingAt(Infinity);
		jobs.runner = jobs.newRunner({ fetch: counted.fetch, loadPurchaseOrderInput: load });
		await jobs.drain();

		expect(counted.sent()).toBe(REQUESTS);
		expectOnePurchaseOrder();
		expect(orders()[0]).toMatchObject({
			vendorCompany: { id: vendor },
			customerCompany: { id: acme },
			poNumber: 'OUT-01042',
			status: { name: 'Open' },
			terms: { name: 'Net 30 days' }
		});
		expect(lines().map((l) => [(l.product as { id: number }).id, l.quantity, l.unitCost])).toEqual([
			[laptop, 3, 910],
			[dock, 2, 180.5]
		]);
		expect(await storeLinks(jobs.store, ORG, 'connectwise').get('products', 'p-dock')).toBe(String(dock));
		expect(await jobs.issue('createPsaPurchaseOrder', ORDER.orderId)).toBeUndefined();
	});

	it.each(Array.from({ length: REQUESTS }, (_, i) => i + 1))(
		'a process that dies after request %i reached ConnectWise: the takeover leaves one purchase order',
		async (k) => {
			await start();
			const dying = dyingAt(k);
			void jobs.newRunner({ fetch: dying.fetch, leaseMs: LEASE_MS, loadPurchaseOrderInput: load }).runDue();
			await dying.died;
			jobs.clock.t += LEASE_MS + 1;
			await realSleep(LEASE_MS);
			jobs.runner = jobs.newRunner({ leaseMs: LEASE_MS, loadPurchaseOrderInput: load });
			await jobs.drain();

			expectOnePurchaseOrder();
			expect(await jobs.issue('createPsaPurchaseOrder', ORDER.orderId)).toBeUndefined();
		}
	);

	it.each(Array.from({ length: REQUESTS }, (_, i) => i + 1))(
		'an answer lost at request %i: the retry finds what ConnectWise made by its markers',
		async (k) => {
			await start();
			jobs.runner = jobs.newRunner({ fetch: answerLostAt(k).fetch, loadPurchaseOrderInput: load });
			await jobs.drain();

			expectOnePurchaseOrder();
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
		expectOnePurchaseOrder();
	});

	it('a distributor ConnectWise has no company for is an issue naming it', async () => {
		await start({ vendor: false });
		await jobs.drain();

		expect((await jobs.issue('createPsaPurchaseOrder', ORDER.orderId))?.message).toBe(
			'ConnectWise has no company named "Ingram Micro" to be the vendor. Add it, then retry.'
		);
		expect(orders()).toHaveLength(0);
	});
});
