// Seeds: "Products inherit the billing code from their category". A category's mapping fixed after its
// products reached Autotask brings those products to the new code there: each linked product updated
// once, inside the hourly budget, resumed after a restart, with its progress on a replicated row.

import { afterEach, describe, expect, it } from 'vitest';
import { STORE_KINDS } from '../test/stores.ts';
import { ORG, startAutotaskJobs, type AutotaskJobs } from '../psa/test/autotask-jobs-harness.ts';
import { buildBillingCode, buildProduct } from '../connectors/autotask/simulator/seed-builders.ts';
import { readEntity } from '../store/entity-reader.ts';
import { storeLinks } from './store-sync-context.ts';
import { PRODUCT_BILLING_CODE_LINK } from './product-billing-code-targets.ts';
import { autotaskSpec } from '../connectors/autotask/spec.ts';
import { connectwiseAdapter } from '../connectors/connectwise/sync/adapter.ts';
import { haloAdapter } from '../connectors/halopsa/sync/adapter.ts';
import type { SyncContext } from '../psa/provider.ts';
import { runHandler, type HandlerDeps } from './job-handlers.ts';
import { runProductBillingCodes } from './product-billing-codes.ts';

const PRODUCTS = 6;
const LEASE_MS = 300;
const realSleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function dyingAt(k: number) {
	let sent = 0;
	let reached: () => void = () => {};
	const died = new Promise<void>((resolve) => (reached = resolve));
	const fetchUntilDeath: typeof fetch = async (input, init) => {
		sent++;
		const response = await fetch(input, init);
		if (sent < k) return response;
		reached();
		return new Promise<Response>(() => {});
	};
	return { fetch: fetchUntilDeath, died };
}

describe.each(STORE_KINDS)('Product billing codes after a mapping fix on $name', (kind) => {
	let at: AutotaskJobs;
	let fixed: number;
	afterEach(() => at.close());

	/** PRODUCTS of cat-hw in Autotask on the old code (the last one linked by SKU: code unknown), one of cat-legacy. */
	async function productsInAutotask(options: Parameters<typeof startAutotaskJobs>[1] = {}, learnZone = true) {
		at = await startAutotaskJobs(kind, options);
		const old = at.codes.active;
		[fixed] = at.sandbox.control.seed('BillingCodes', [buildBillingCode({ name: 'Hardware (fixed)' })]) as [number];
		const ids = at.sandbox.control.seed('Products', [
			...Array.from({ length: PRODUCTS }, (_, i) => buildProduct({ sku: `HW-${i}`, productBillingCodeID: old })),
			buildProduct({ sku: 'LEG-1', productBillingCodeID: old })
		]);
		const links = storeLinks(at.store, ORG, 'autotask');
		await at.write(async (tx) => {
			for (let i = 0; i <= PRODUCTS; i++) {
				await tx.put('products', {
					id: `p-${i}`,
					name: `Product ${i}`,
					sku: i < PRODUCTS ? `HW-${i}` : 'LEG-1',
					mpn: '',
					description: '',
					categoryId: i < PRODUCTS ? 'cat-hw' : 'cat-legacy',
					cost: 100,
					price: 200,
					billing: 'one-time',
					distributor: null,
					noProcurement: false,
					active: true
				});
			}
		});
		for (const [i, id] of ids.entries()) {
			await links.set('products', `p-${i}`, String(id));
			if (i < PRODUCTS - 1) await links.set(PRODUCT_BILLING_CODE_LINK, `p-${i}`, String(old));
		}
		if (learnZone) {
			await at.enqueue('synchronize', 'autotask');
			await at.drain();
		}
		at.sandbox.control.resetCalls();
	}

	const remap = (code: number) =>
		at.write(async (tx) =>
			tx.put('categories', { ...(await tx.get('categories', 'cat-hw'))!, billingCodeId: String(code) })
		);
	const onCode = (code: number) =>
		at.sandbox.control
			.records('Products')
			.filter((p) => p.productBillingCodeID === code)
			.map((p) => p.sku);
	const progress = () => readEntity(at.store.db, ORG, 'billingCodeUpdates', 'autotask:cat-hw');

	it('updates every linked product of the category once, and the next run has nothing to do', async () => {
		await productsInAutotask();
		await remap(fixed);
		await at.enqueue('updateProductBillingCodes', 'cat-hw');
		await at.drain();

		expect(onCode(fixed).sort()).toEqual(Array.from({ length: PRODUCTS }, (_, i) => `HW-${i}`));
		expect(onCode(at.codes.active)).toEqual(['LEG-1']);
		expect(at.sandbox.control.calls()).toEqual({ 'PATCH /Products': PRODUCTS });
		expect(await progress()).toMatchObject({
			state: 'done',
			label: 'hw',
			billingCodeId: String(fixed),
			done: PRODUCTS,
			total: PRODUCTS,
			updated: PRODUCTS,
			message: ''
		});
		expect(await at.issue('updateProductBillingCodes', 'cat-hw')).toBeUndefined();

		at.sandbox.control.resetCalls();
		await at.enqueue('updateProductBillingCodes', 'cat-hw');
		await at.drain();
		expect(at.sandbox.control.calls()).toEqual({});
		expect(await progress()).toMatchObject({ state: 'done', done: PRODUCTS, updated: 0 });
	});

	it('stays inside the hourly budget, waiting for it and updating no product twice', async () => {
		await productsInAutotask({ spec: { limits: { ...autotaskSpec.limits, hourly: 3 } } }, false);
		const started = at.clock.now();
		await remap(fixed);
		await at.enqueue('updateProductBillingCodes', 'cat-hw');
		await at.drain();
		expect(onCode(fixed)).toHaveLength(PRODUCTS);
		expect(at.sandbox.control.calls()).toEqual({ 'GET /ZoneInformation': 1, 'PATCH /Products': PRODUCTS });
		// 7 requests at 3 an hour take two more rolling hours.
		expect(at.clock.now() - started).toBeGreaterThanOrEqual(2 * 60 * 60_000);
	});

	it('a runner that dies mid-run is taken over and only the product in flight is sent again', async () => {
		await productsInAutotask();
		await remap(fixed);
		await at.enqueue('updateProductBillingCodes', 'cat-hw');
		const dying = dyingAt(3);
		void at.newRunner({ fetch: dying.fetch, leaseMs: LEASE_MS }).runDue();
		await dying.died;
		expect(await progress()).toMatchObject({ state: 'running', done: 2, total: PRODUCTS, updated: 2 });

		at.clock.t += LEASE_MS + 1;
		await realSleep(LEASE_MS);
		at.runner = at.newRunner({ leaseMs: LEASE_MS });
		await at.drain();

		expect(onCode(fixed)).toHaveLength(PRODUCTS);
		expect(at.sandbox.control.calls()).toEqual({ 'PATCH /Products': PRODUCTS + 1 });
		expect(await progress()).toMatchObject({ state: 'done', done: PRODUCTS, total: PRODUCTS, updated: PRODUCTS });
	});

	it('a mapping changed again while the run goes is applied before it ends', async () => {
		await productsInAutotask();
		const [again] = at.sandbox.control.seed('BillingCodes', [buildBillingCode({ name: 'Hardware (again)' })]) as [
			number
		];
		await remap(fixed);
		await at.enqueue('updateProductBillingCodes', 'cat-hw');
		let patches = 0;
		at.runner = at.newRunner({
			fetch: async (input, init) => {
				const response = await fetch(input, init);
				if (init?.method === 'PATCH' && ++patches === 2) await remap(again);
				return response;
			}
		});
		await at.drain();

		expect(onCode(again)).toHaveLength(PRODUCTS);
		expect(onCode(fixed)).toEqual([]);
		// Two sent with the first fix, then every product once with the second: none more with the stale code.
		expect(patches).toBe(2 + PRODUCTS);
		expect(await progress()).toMatchObject({ state: 'done', billingCodeId: String(again), done: PRODUCTS });
	});

	it('a billing code Autotask refuses files one issue on the category, with its fix', async () => {
		await productsInAutotask();
		await remap(at.codes.inactive);
		await at.enqueue('updateProductBillingCodes', 'cat-hw');
		await at.drain();
		expect(onCode(at.codes.inactive)).toEqual([]);
		expect(await at.issue('updateProductBillingCodes', 'cat-hw')).toMatchObject({
			entityTable: 'categories',
			entityId: 'cat-hw',
			entityLabel: 'Billing code of hw products',
			rootCause: 'categoryBillingCode:cat-hw',
			message: `${PRODUCTS} products could not be updated: BillingCode does not exist or is invalid`
		});
		expect(await progress()).toMatchObject({ state: 'failed', updated: 0 });
	});
});

describe('PSAs whose products carry no billing code', () => {
	it.each([
		['ConnectWise', connectwiseAdapter],
		['HaloPSA', haloAdapter]
	])('%s answers that it is not supported, asking nothing', async (_, adapter) => {
		const untouched = new Proxy(
			{},
			{
				get: () => {
					throw new Error('not to be used');
				}
			}
		);
		const result = await runProductBillingCodes(adapter, untouched as SyncContext, 'cat-hw', untouched as HandlerDeps);
		expect(result).toEqual({
			ok: true,
			value: { warnings: [], summary: 'Not supported by this PSA: its products carry no billing code.' }
		});
	});

	it.each([
		['ConnectWise', connectwiseAdapter],
		['HaloPSA', haloAdapter]
	])('%s refuses a product sent by itself with a clear issue text', async (_, adapter) => {
		const untouched = new Proxy(
			{},
			{
				get: () => {
					throw new Error('not to be used');
				}
			}
		);
		const result = await runHandler('syncProduct', adapter, untouched as SyncContext, 'p-1', untouched as HandlerDeps);
		expect(result).toEqual({
			ok: false,
			kind: 'permanent',
			message: 'Syncing a product by itself is not supported by this PSA.'
		});
	});
});
