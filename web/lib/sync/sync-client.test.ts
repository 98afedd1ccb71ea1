import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TEST_NOW, buildPrincipal } from '../../../shared/test/builders.ts';
import type { LocalDb } from '../platform/local-db.ts';
import { createFakeNetworkStatus } from '../platform/network-status.ts';
import { destroyTestDb, openTestDb } from '../test/fake-local-db.ts';
import { writeMeta } from './local-meta.ts';
import { createSyncClient, type SyncClient, type SyncClientOptions } from './sync-client.ts';

const sales = buildPrincipal();

/** Real IndexedDB work (fake-indexeddb) runs on real macrotasks; only setTimeout is simulated. */
const settleIdb = async () => {
	for (let i = 0; i < 50; i++) await new Promise((resolve) => setImmediate(resolve));
};

/** Lets `ms` of simulated time pass in 50 ms steps, letting the database answer in between. */
async function elapse(ms: number) {
	for (let t = 0; t < ms; t += 50) {
		await vi.advanceTimersByTimeAsync(50);
		await settleIdb();
	}
}

describe('the sync loop offline', () => {
	let db: LocalDb;
	let client: SyncClient | null = null;
	/** The simulated times at which the client tried to reach the gateway, one per request. */
	let attempts: { path: string; at: number }[];
	let networkUp: boolean;
	const offlineFetch: typeof fetch = async (input) => {
		attempts.push({ path: String(input), at: Date.now() - TEST_NOW });
		if (!networkUp) throw new TypeError('Failed to fetch');
		return new Response('{"error":{"code":"unavailable","message":"down"}}', { status: 503 });
	};
	/** Milliseconds between consecutive attempts. */
	const gaps = () => attempts.slice(1).map((a, i) => a.at - attempts[i]!.at);
	const open = (options: Partial<SyncClientOptions> = {}) =>
		(client = createSyncClient({
			db,
			clientID: 'client-1',
			clientGroupID: 'client-1',
			actor: sales,
			fetch: offlineFetch,
			random: () => 0,
			...options
		}));

	beforeEach(async () => {
		vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], now: TEST_NOW });
		db = openTestDb();
		attempts = [];
		networkUp = false;
		await db.outbox.add({ name: 'updateQuote', args: { id: 'q1', notes: 'Pending' }, timestamp: TEST_NOW } as never);
	});
	afterEach(async () => {
		await client?.close();
		client = null;
		vi.useRealTimers();
		await destroyTestDb(db);
	});

	it('with a change pending and no network, tries 7 times in 20 s: once, then after 250, 500, 1000, 2000, 4000 and 8000 ms', async () => {
		open().kick();
		await elapse(20_000);
		expect(attempts.map((a) => a.path)).toEqual(Array(7).fill('/api/sync/push'));
		expect(gaps()).toEqual([250, 500, 1000, 2000, 4000, 8000]);
		expect(client!.state).toBe('offline');
	});

	it('a gateway answering 503 gets the same backoff', async () => {
		networkUp = true;
		open().kick();
		await elapse(20_000);
		expect(gaps()).toEqual([250, 500, 1000, 2000, 4000, 8000]);
		expect(client!.state).toBe('error');
	});

	/** A pull that confirms mutations up to `confirmed` of this client and changes nothing else. */
	const pullAnswer = (version: number, confirmed: number) =>
		Response.json({
			cookie: { v: version, acl: 1 },
			lastMutationIDChanges: confirmed > 0 ? { 'client-1': confirmed } : {},
			rejections: [],
			more: false,
			patch: []
		});

	it('a gateway that keeps answering out_of_order gets one immediate resend, then the backoff', async () => {
		networkUp = true;
		let pulls = 0;
		const outOfOrder: typeof fetch = async (input) => {
			if (String(input).endsWith('/pull')) return pullAnswer(++pulls, 0);
			attempts.push({ path: String(input), at: Date.now() - TEST_NOW });
			return Response.json(
				{ error: { code: 'out_of_order', message: 'Mutation 5 arrived but 4 was expected next; resend from 4.' } },
				{ status: 409 }
			);
		};
		open({ fetch: outOfOrder }).kick();
		await elapse(20_000);
		// The resend goes out at once, with no timer in between.
		expect(gaps()).toEqual([0, 250, 500, 1000, 2000, 4000, 8000]);
		expect(client!.state).toBe('error');
	});

	it('a push the gateway stops part-way goes on at once from where it got to, while it gets further', async () => {
		networkUp = true;
		for (let i = 0; i < 4; i++) {
			await db.outbox.add({
				name: 'updateQuote',
				args: { id: 'q1', notes: `Edit ${i}` },
				timestamp: TEST_NOW
			} as never);
		}
		let confirmed = 0;
		let pulls = 0;
		const sent: number[][] = [];
		// Like the gateway's work limit: two mutations a push, then out_of_order for the rest.
		const partWay: typeof fetch = async (input, init) => {
			if (String(input).endsWith('/pull')) return pullAnswer(++pulls, confirmed);
			attempts.push({ path: String(input), at: Date.now() - TEST_NOW });
			const ids = (JSON.parse(String(init!.body)) as { mutations: { id: number }[] }).mutations.map((m) => m.id);
			sent.push(ids);
			const todo = ids.filter((id) => id > confirmed);
			confirmed = Math.max(confirmed, ...todo.slice(0, 2));
			if (todo.length <= 2) return Response.json({});
			return Response.json(
				{ error: { code: 'out_of_order', message: `resend from ${confirmed + 1}` } },
				{ status: 409 }
			);
		};
		open({ fetch: partWay }).kick();
		await elapse(1_000);
		expect(sent).toEqual([[1, 2, 3, 4, 5], [3, 4, 5], [5]]);
		// No backoff between them: its first wait alone is 250 ms (simulated time moves in 50 ms steps
		// while the database answers).
		expect(Math.max(...attempts.map((a) => a.at))).toBeLessThan(250);
		expect(client!.state).toBe('connected');
	});

	it('the wait between attempts grows to 60 s and no further', async () => {
		open({ random: () => 1 }).kick();
		await elapse(300_000);
		expect(gaps()).toEqual([500, 1000, 2000, 4000, 8000, 16000, 32000, 60000, 60000, 60000]);
	});

	it('local writes while resting wait for the backoff instead of waking the loop', async () => {
		const sync = open();
		sync.kick();
		await elapse(100);
		for (let i = 0; i < 10; i++) {
			sync.kick('write');
			await elapse(50);
		}
		expect(gaps()).toEqual([250]);
	});

	it('without a network nothing wakes the resting loop but the online event, which tries at once', async () => {
		const network = createFakeNetworkStatus(false);
		const sync = open({ network });
		sync.kick();
		await elapse(100);
		sync.kick(); // the tab became visible, say
		sync.kick('write'); // a local write
		await elapse(100);
		expect(attempts).toHaveLength(1);

		networkUp = true;
		network.set(true);
		await elapse(50);
		expect(gaps()).toEqual([200]);
	});

	it('while the browser says there is no network it tries about once a minute, in case the online event never comes', async () => {
		open({ network: createFakeNetworkStatus(false), random: () => 0.5 }).kick();
		await elapse(300_000);
		expect(gaps()).toEqual([45_000, 45_000, 45_000, 45_000, 45_000, 45_000]);
	});

	it('with the network up a poke cuts the backoff short', async () => {
		const sync = open({ random: () => 1 });
		sync.kick();
		await elapse(5_000);
		expect(attempts).toHaveLength(4);
		sync.kick();
		await elapse(50);
		expect(gaps()).toEqual([500, 1000, 2000, 1500]);
	});

	/** A gateway that holds each push until `release()`, confirms what it got and records the ids. */
	function holdingGateway() {
		let confirmed = 0;
		let pulls = 0;
		const sent: number[][] = [];
		let release = () => {};
		const holding: typeof fetch = async (input, init) => {
			attempts.push({ path: String(input), at: Date.now() - TEST_NOW });
			if (String(input).endsWith('/pull')) return pullAnswer(++pulls, confirmed);
			const ids = (JSON.parse(String(init!.body)) as { mutations: { id: number }[] }).mutations.map((m) => m.id);
			sent.push(ids);
			await new Promise<void>((resolve) => (release = resolve));
			confirmed = Math.max(confirmed, ...ids);
			return Response.json({});
		};
		return { fetch: holding, sent, release: () => release() };
	}

	it('a local write on an idle loop is pushed before any timer runs', async () => {
		networkUp = true;
		const gateway = holdingGateway();
		const sync = open({ fetch: gateway.fetch });
		sync.kick('write');
		await settleIdb();
		const sentBeforeAnyTimer = gateway.sent.map((ids) => [...ids]);
		gateway.release();
		await sync.idle();
		expect(sentBeforeAnyTimer).toEqual([[1]]);
	});

	it('writes made while a push is on its way go out together in the next push', async () => {
		networkUp = true;
		const gateway = holdingGateway();
		const sync = open({ fetch: gateway.fetch });
		sync.kick('write');
		await settleIdb();
		for (let i = 0; i < 3; i++) {
			await db.outbox.add({
				name: 'updateQuote',
				args: { id: 'q1', notes: `Edit ${i}` },
				timestamp: TEST_NOW
			} as never);
			sync.kick('write');
		}
		gateway.release();
		await settleIdb();
		gateway.release();
		await sync.idle();
		expect(gateway.sent).toEqual([[1], [2, 3, 4]]);
	});

	it('mutations the gateway has confirmed are not sent again, should the outbox still hold them', async () => {
		networkUp = true;
		for (let i = 0; i < 2; i++) {
			await db.outbox.add({
				name: 'updateQuote',
				args: { id: 'q1', notes: `Edit ${i}` },
				timestamp: TEST_NOW
			} as never);
		}
		await writeMeta(db, 'lastMutationID', 1);
		const gateway = holdingGateway();
		const sync = open({ fetch: gateway.fetch });
		sync.kick();
		await settleIdb();
		gateway.release();
		await sync.idle();
		expect(gateway.sent).toEqual([[2, 3]]);
	});

	it('syncs that all succeed store the connected state once', async () => {
		networkUp = true;
		const gateway = holdingGateway();
		const states: string[] = [];
		const sync = open({ fetch: gateway.fetch, onState: (state) => states.push(state) });
		sync.kick();
		await settleIdb();
		gateway.release();
		await sync.idle();
		sync.kick();
		await sync.idle();
		expect(states).toEqual(['connected']);
	});

	it('losing the network shows offline at once', async () => {
		const network = createFakeNetworkStatus(true);
		networkUp = true;
		const states: string[] = [];
		open({ network, onState: (state) => states.push(state) });
		network.set(false);
		expect(states).toEqual(['offline']);
	});
});
