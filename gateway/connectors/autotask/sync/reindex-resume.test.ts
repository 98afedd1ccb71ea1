// A re-index of many records is a long job: it stays inside the hourly budget (the runner reschedules
// it when the budget is spent, and it carries on where it stopped), and a process that dies mid-run
// is taken over by a new runner that finishes without asking Autotask again about finished records.

import { afterEach, describe, expect, it } from 'vitest';
import { STORE_KINDS } from '../../../test/stores.ts';
import { ORG, startAutotaskJobs, type AutotaskJobs } from '../../../psa/test/autotask-jobs-harness.ts';
import { buildProduct } from '../simulator/seed-builders.ts';
import { readEntity } from '../../../store/entity-reader.ts';
import { storeLinks } from '../../../jobs/store-sync-context.ts';
import { autotaskSpec } from '../spec.ts';

const PRODUCTS = 12;
/** The harness's own catalog, never linked: each asked for by its SKU once, after the linked ones. */
const UNLINKED = 4;
const LEASE_MS = 300;
const realSleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** fetch that lets the k-th request reach Autotask, then hangs: the process died waiting for its answer. */
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

describe.each(STORE_KINDS)('A long Autotask re-index on $name', (kind) => {
	let at: AutotaskJobs;
	afterEach(() => at.close());

	/** Products linked to Autotask records that still exist, plus the zone link a first job learns. */
	async function linkedProducts(options: Parameters<typeof startAutotaskJobs>[1] = {}, learnZone = true) {
		at = await startAutotaskJobs(kind, options);
		const ids = at.sandbox.control.seed(
			'Products',
			Array.from({ length: PRODUCTS }, (_, i) => buildProduct({ sku: `SKU-${i}` }))
		);
		const links = storeLinks(at.store, ORG, 'autotask');
		await at.write(async (tx) => {
			for (const [i] of ids.entries()) {
				await tx.put('products', {
					id: `p-${String(i).padStart(2, '0')}`,
					name: `Product ${i}`,
					sku: `SKU-${i}`,
					mpn: '',
					description: '',
					categoryId: 'cat-hw',
					cost: 100,
					price: 200,
					billing: 'one-time',
					distributor: null,
					noProcurement: false,
					active: true
				});
			}
		});
		for (const [i, id] of ids.entries()) await links.set('products', `p-${String(i).padStart(2, '0')}`, String(id));
		if (learnZone) {
			await at.enqueue('synchronize', 'autotask');
			await at.drain();
		}
		at.sandbox.control.resetCalls();
	}

	const productRun = () => readEntity(at.store.db, ORG, 'reindexRuns', 'autotask:products');

	it('stays inside the hourly budget, waiting for it rather than going over', async () => {
		const hourly = 5;
		await linkedProducts({ spec: { limits: { ...autotaskSpec.limits, hourly } } }, false);
		const started = at.clock.now();
		await at.enqueue('reindex', 'products');
		await at.drain();
		expect((await productRun())?.counts).toEqual({
			relinked: 0,
			unlinked: 0,
			unchanged: PRODUCTS + UNLINKED,
			undecided: 0
		});
		// Each record asked once (after the zone, learned once): waiting for the budget redid nothing.
		expect(at.sandbox.control.calls()).toEqual({
			'GET /ZoneInformation': 1,
			'GET /Products/{id}': PRODUCTS,
			'POST /Products/query': UNLINKED
		});
		// 17 requests at 5 an hour take three more rolling hours.
		expect(at.clock.now() - started).toBeGreaterThanOrEqual(3 * 60 * 60_000);
		const perMinute = await at.store.db
			.selectFrom('rate_usage')
			.select(['minute', 'count'])
			.orderBy('minute')
			.execute();
		for (const bucket of perMinute) {
			const hour = perMinute.filter((b) => b.minute >= bucket.minute && b.minute < Number(bucket.minute) + 60);
			expect(hour.reduce((sum, b) => sum + b.count, 0)).toBeLessThanOrEqual(hourly);
		}
	});

	it.each([1, 6, PRODUCTS])(
		'a runner that dies at request %i is taken over, and the finished records are not asked again',
		async (k) => {
			await linkedProducts();
			await at.enqueue('reindex', 'products');
			const dying = dyingAt(k);
			void at.newRunner({ fetch: dying.fetch, leaseMs: LEASE_MS }).runDue();
			await dying.died;
			expect((await productRun())?.done).toBe(k - 1);

			at.clock.t += LEASE_MS + 1;
			await realSleep(LEASE_MS);
			at.runner = at.newRunner({ leaseMs: LEASE_MS });
			await at.drain();

			expect(await productRun()).toMatchObject({
				state: 'done',
				done: PRODUCTS + UNLINKED,
				total: PRODUCTS + UNLINKED,
				counts: { relinked: 0, unlinked: 0, unchanged: PRODUCTS + UNLINKED, undecided: 0 }
			});
			// Only the record in flight at the death is asked twice.
			expect(at.sandbox.control.calls()).toEqual({
				'GET /Products/{id}': PRODUCTS + 1,
				'POST /Products/query': UNLINKED
			});
		}
	);
});
