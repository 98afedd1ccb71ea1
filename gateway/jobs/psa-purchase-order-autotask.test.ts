// A submitted distributor order becomes one Autotask purchase order, through the job runner on a real
// store against the simulator, with PurchaseOrders, items and products counted there: the Purchase
// Order billing code is used, and a death after any request, a lost answer, the order queued again
// or two runners never leave two purchase orders.

import { afterEach, describe, expect, it } from 'vitest';
import { autotaskAdapter } from '../connectors/autotask/sync/adapter.ts';
import { buildInventoryLocation, buildProduct, buildVendor } from '../connectors/autotask/simulator/seed-builders.ts';
import { ORG, startAutotaskJobs, type AutotaskJobs } from '../psa/test/autotask-jobs-harness.ts';
import { STORE_KINDS } from '../test/stores.ts';
import { PURCHASE_ORDER_MESSAGES, type DistributorOrderForPsa } from './psa-purchase-order.ts';
import { answerLostAt, dyingAt, loaderOf as loaderFor, ORDER } from './psa-purchase-order-test-kit.ts';
import { storeLinks } from './store-sync-context.ts';

const LEASE_MS = 300;
const realSleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Zone, products by SKU, product create, location, vendor, PO fields, PO create, two items. */
const REQUESTS = 9;

const loaderOf = (orders: DistributorOrderForPsa[]) => loaderFor(ORG, orders);

describe.each(STORE_KINDS)('the Autotask purchase order of a distributor order on $name', (kind) => {
	let at: AutotaskJobs;
	let laptopExt: number;
	afterEach(() => at.close());

	async function start(options: { billingCode?: 'active' | 'inactive' | null; vendor?: boolean } = {}) {
		at = await startAutotaskJobs(kind);
		const [acmeExt] = at.sandbox.control.seed('Companies', [
			{ companyName: 'Acme Corporation', companyType: 1, phone: '+1 555 0100', isActive: true }
		]);
		if (options.vendor !== false) at.sandbox.control.seed('Companies', [buildVendor()]);
		at.sandbox.control.seed('InventoryLocations', [buildInventoryLocation()]);
		[laptopExt] = at.sandbox.control.seed('Products', [
			buildProduct({ sku: 'T14-G5', productBillingCodeID: at.codes.active })
		]) as [number];
		const links = storeLinks(at.store, ORG, 'autotask');
		await links.set('companies', 'company-acme', String(acmeExt));
		await links.set('products', 'p-laptop', String(laptopExt));
		const code = options.billingCode === undefined ? 'active' : options.billingCode;
		await at.write(async (tx) => {
			const integration = (await tx.get('integrations', 'autotask'))!;
			const purchaseOrderBillingCodeId = code === null ? null : String(at.codes[code]);
			await tx.put('integrations', {
				...integration,
				settings: { ...integration.settings, purchaseOrderBillingCodeId }
			});
		});
		at.runner = at.newRunner({ loadPurchaseOrderInput: loaderOf([ORDER]) });
		await at.enqueue('createPsaPurchaseOrder', ORDER.orderId);
	}

	const orders = () => at.sandbox.control.records('PurchaseOrders');
	const items = () => at.sandbox.control.records('PurchaseOrderItems');

	function expectOnePurchaseOrder() {
		expect(orders()).toHaveLength(1);
		expect(items()).toHaveLength(2);
		expect(at.count('Products')).toBe(2);
		expect(items().map((i) => i.orderID)).toEqual([orders()[0]!.id, orders()[0]!.id]);
	}

	it('makes one PO for the vendor, items with quantity and cost, and the missing product with the Purchase Order billing code', async () => {
		await start();
		const counted = dyingAt(Infinity);
		at.runner = at.newRunner({ fetch: counted.fetch, loadPurchaseOrderInput: loaderOf([ORDER]) });
		await at.drain();

		expect(counted.sent()).toBe(REQUESTS);
		expectOnePurchaseOrder();
		const [vendor] = at.sandbox.control.records('Companies').filter((c) => c.companyName === 'Ingram Micro');
		const submitted = at.sandbox.control.picklist('PurchaseOrders', 'status').find((s) => s.label === 'Submitted')!;
		expect(orders()[0]).toMatchObject({
			vendorID: vendor!.id,
			status: Number(submitted.value),
			externalPONumber: 'OUT-01042',
			shipToName: 'Acme Corporation',
			shipToAddress1: '1 Main Street',
			generalMemo: 'PO OUT-01042 · Ingram Micro [outpost:order-1]'
		});
		const dock = at.sandbox.control.records('Products').find((p) => p.sku === 'DOCK-40')!;
		expect(dock.productBillingCodeID).toBe(at.codes.active);
		expect(items().map((i) => [i.productID, i.quantity, i.unitCost])).toEqual([
			[laptopExt, 3, 910],
			[dock.id, 2, 180.5]
		]);
		expect(await storeLinks(at.store, ORG, 'autotask').get('products', 'p-dock')).toBe(String(dock.id));
		expect(await at.issue('createPsaPurchaseOrder', ORDER.orderId)).toBeUndefined();
	});

	it.each(Array.from({ length: REQUESTS }, (_, i) => i + 1))(
		'a process that dies after request %i reached Autotask: the takeover leaves one purchase order',
		async (k) => {
			await start();
			const dying = dyingAt(k);
			void at.newRunner({ fetch: dying.fetch, leaseMs: LEASE_MS, loadPurchaseOrderInput: loaderOf([ORDER]) }).runDue();
			await dying.died;
			at.clock.t += LEASE_MS + 1;
			await realSleep(LEASE_MS);
			at.runner = at.newRunner({ leaseMs: LEASE_MS, loadPurchaseOrderInput: loaderOf([ORDER]) });
			await at.drain();

			expectOnePurchaseOrder();
			expect(await at.issue('createPsaPurchaseOrder', ORDER.orderId)).toBeUndefined();
		}
	);

	it.each(Array.from({ length: REQUESTS }, (_, i) => i + 1))(
		'an answer lost at request %i: the retry finds what Autotask made by its markers',
		async (k) => {
			await start();
			at.runner = at.newRunner({ fetch: answerLostAt(k).fetch, loadPurchaseOrderInput: loaderOf([ORDER]) });
			await at.drain();

			expectOnePurchaseOrder();
		}
	);

	it('the order queued again, run by two runners, sends nothing more', async () => {
		await start();
		await at.drain();
		await at.enqueue('createPsaPurchaseOrder', ORDER.orderId);
		const counted = dyingAt(Infinity);
		const runner = () => at.newRunner({ fetch: counted.fetch, loadPurchaseOrderInput: loaderOf([ORDER]) });
		await Promise.all([runner().runDue(), runner().runDue()]);

		expect(counted.sent()).toBe(0);
		expectOnePurchaseOrder();
	});

	it('without a Purchase Order billing code it is an issue that says where to fix it, and calls nothing', async () => {
		await start({ billingCode: null });
		const counted = dyingAt(Infinity);
		at.runner = at.newRunner({ fetch: counted.fetch, loadPurchaseOrderInput: loaderOf([ORDER]) });
		await at.drain();

		expect(counted.sent()).toBe(0);
		expect((await at.issue('createPsaPurchaseOrder', ORDER.orderId))?.message).toBe(
			'BillingCode does not exist or is invalid. Check the billing code at Admin › Integrations › Autotask › Purchase Order.'
		);
		expect(orders()).toHaveLength(0);
	});

	it('a Purchase Order billing code Autotask refuses is the seed text, with no purchase order made', async () => {
		await start({ billingCode: 'inactive' });
		await at.drain();

		expect((await at.issue('createPsaPurchaseOrder', ORDER.orderId))?.message).toBe(
			'BillingCode does not exist or is invalid. Check the billing code at Admin › Integrations › Autotask › Purchase Order.'
		);
		expect(orders()).toHaveLength(0);
	});

	it('a distributor Autotask has no vendor company for is an issue naming it', async () => {
		await start({ vendor: false });
		await at.drain();

		expect((await at.issue('createPsaPurchaseOrder', ORDER.orderId))?.message).toBe(
			'Autotask has no vendor company named "Ingram Micro". Add it in Autotask as a Vendor, then retry.'
		);
		expect(orders()).toHaveLength(0);
	});

	it('an order the procurement module does not know is an issue, with nothing sent', async () => {
		await start();
		at.runner = at.newRunner({ loadPurchaseOrderInput: loaderOf([]) });
		await at.drain();

		expect((await at.issue('createPsaPurchaseOrder', ORDER.orderId))?.message).toBe(
			PURCHASE_ORDER_MESSAGES.orderNotFound
		);
		expect(orders()).toHaveLength(0);
	});

	it('a PSA without purchase orders says so, and calls nothing', async () => {
		at = await startAutotaskJobs(kind, { spec: { adapter: { ...autotaskAdapter, createPurchaseOrder: undefined } } });
		const counted = dyingAt(Infinity);
		at.runner = at.newRunner({ fetch: counted.fetch, loadPurchaseOrderInput: loaderOf([ORDER]) });
		await at.enqueue('createPsaPurchaseOrder', ORDER.orderId);
		await at.drain();

		expect(counted.sent()).toBe(0);
		expect((await at.issue('createPsaPurchaseOrder', ORDER.orderId))?.message).toBe(
			'Purchase orders are not supported by this PSA.'
		);
	});
});
