// A process that dies mid quote sync, at every request of it: Autotask acted, Outpost never heard
// back. Once the lease lapses a new runner takes the job over and finishes it with nothing duplicated.

import { afterEach, describe, expect, it } from 'vitest';
import { STORE_KINDS } from '../../../test/stores.ts';
import { startAutotaskJobs, type AutotaskJobs } from '../../../psa/test/autotask-jobs-harness.ts';

const LEASE_MS = 300;
/** A first sync of a quote with three lines of two new products (quote-sync.test.ts pins each call). */
const FIRST_SYNC_CALLS = 13;
const LINES = ['p-laptop', 'p-dock', 'p-laptop'];
/** Company query and create, contact query and create, opportunity, then the quote's location. */
const LOCATION_REQUEST = 6;

const realSleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** fetch that lets the k-th request reach Autotask, reads its answer, then hangs until `wake`. */
function dyingAt(k: number) {
	let sent = 0;
	let reached: () => void = () => {};
	let wake: () => void = () => {};
	const died = new Promise<void>((resolve) => (reached = resolve));
	const fetchUntilDeath: typeof fetch = async (input, init) => {
		sent++;
		const response = await fetch(input, init);
		if (sent < k) return response;
		await response.arrayBuffer();
		reached();
		await new Promise<void>((resolve) => (wake = resolve));
		throw new TypeError('fetch failed');
	};
	return { fetch: fetchUntilDeath, died, sent: () => sent, wake: () => wake() };
}

describe.each(STORE_KINDS)('Autotask quote sync restarted mid-flight on $name', (kind) => {
	let at: AutotaskJobs;
	afterEach(() => at.close());

	const records = () =>
		(['Companies', 'Contacts', 'Opportunities', 'Quotes', 'QuoteItems', 'Products'] as const).map((e) => at.count(e));

	it(`a first sync makes ${FIRST_SYNC_CALLS} requests`, async () => {
		at = await startAutotaskJobs(kind, { withLookups: true });
		const counted = dyingAt(Infinity);
		at.runner = at.newRunner({ fetch: counted.fetch });
		const { quote } = await at.quote(LINES);
		await at.enqueue('syncQuote', quote.id);
		await at.drain();
		expect(counted.sent()).toBe(FIRST_SYNC_CALLS);
		expect(records()).toEqual([1, 1, 1, 1, 3, 2]);
	});

	const cuts = Array.from({ length: FIRST_SYNC_CALLS }, (_, i) => i + 1);
	// Every cut point on SQLite; a spread of them on Postgres, where each store costs a database.
	const chosen = kind.name === 'sqlite' ? cuts : [2, 5, 7, 9, 13];
	it.each(chosen)('dies after request %i reached Autotask: the takeover resumes without duplicates', async (k) => {
		at = await startAutotaskJobs(kind, { withLookups: true });
		const { quote } = await at.quote(LINES);
		await at.enqueue('syncQuote', quote.id);
		const dying = dyingAt(k);
		void at.newRunner({ fetch: dying.fetch, leaseMs: LEASE_MS }).runDue();
		await dying.died;

		at.clock.t += LEASE_MS + 1;
		// The hung runner's heartbeat ticks on a lease that has lapsed: it must not take it back.
		await realSleep(LEASE_MS);
		at.runner = at.newRunner({ leaseMs: LEASE_MS });
		await at.drain();

		expect(await at.issue('syncQuote', quote.id)).toBeUndefined();
		expect(records()).toEqual([1, 1, 1, 1, 3, 2]);
		expect(at.sandbox.control.records('QuoteItems').map((i) => i.sortOrderID)).toEqual([1, 2, 3]);
		// A location carries no marker to find it by: one created just before the death is left unused.
		expect(at.count('QuoteLocations')).toBe(k === LOCATION_REQUEST ? 2 : 1);
		const job = await at.store.db
			.selectFrom('jobs')
			.select(['status', 'attempts'])
			.where('entity_id', '=', quote.id)
			.executeTakeFirstOrThrow();
		expect(job).toEqual({ status: 'done', attempts: 2 });
	});

	it('a hung run that wakes after the takeover changes nothing the new runner did', async () => {
		at = await startAutotaskJobs(kind, { withLookups: true });
		const { quote } = await at.quote(LINES);
		await at.enqueue('syncQuote', quote.id);
		const dying = dyingAt(5);
		const hung = at.newRunner({ fetch: dying.fetch, leaseMs: LEASE_MS }).runDue();
		await dying.died;
		at.clock.t += LEASE_MS + 1;
		at.runner = at.newRunner({ leaseMs: LEASE_MS });
		await at.drain();

		dying.wake();
		await hung;
		await at.drain();
		const job = await at.store.db
			.selectFrom('jobs')
			.select(['status', 'attempts', 'last_error'])
			.where('entity_id', '=', quote.id)
			.executeTakeFirstOrThrow();
		expect(job).toEqual({ status: 'done', attempts: 2, last_error: null });
		expect(await at.issue('syncQuote', quote.id)).toBeUndefined();
		expect(records()).toEqual([1, 1, 1, 1, 3, 2]);
	});
});
