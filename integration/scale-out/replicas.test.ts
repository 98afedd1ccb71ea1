// Three gateway replicas (gateway/main.ts, each a process of its own) on one PostgreSQL database,
// behind HAProxy configured from deploy/haproxy.cfg.template: requests spread over every replica, a
// poke crosses from the replica that took a push to the event streams held by the others, a bounded
// load run adds up, and a replica killed with SIGKILL in the middle of pushes loses and duplicates
// nothing while the clients retry through HAProxy.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEventStream, type OpenStream } from '../../gateway/test/event-stream.ts';
import { syncClient } from '../../gateway/test/wire-client.ts';
import { startFleet, type Fleet } from './fleet.ts';
import { pushQuotes, type PushRun } from './pushing-client.ts';
import { SCALE_OUT_SKIPPED } from './scale-out-ready.ts';

const SALES = 'sales@demo.outpost.test';
const ADMIN = 'admin@demo.outpost.test';
const BUYER = 'buyer@demo.outpost.test';
const REPLICAS = ['gw1', 'gw2', 'gw3'];

describe.skipIf(SCALE_OUT_SKIPPED)('three replicas behind HAProxy on one PostgreSQL', () => {
	let fleet: Fleet;
	beforeAll(async () => {
		fleet = await startFleet({ replicas: 3 });
	}, 120_000);
	afterAll(() => fleet?.close(), 60_000);

	/** The clients and mutation counts the gateway recorded for these clients. */
	async function lastMutationIDs(clientIDs: string[]): Promise<Record<string, number>> {
		const rows = await fleet.store.db
			.selectFrom('clients')
			.select(['id', 'last_mutation_id'])
			.where('id', 'in', clientIDs)
			.execute();
		return Object.fromEntries(rows.map((r) => [r.id, r.last_mutation_id]));
	}

	/** How many rows the store holds of each of these quotes. */
	async function quoteRows(ids: string[]): Promise<number[]> {
		const rows = await fleet.store.db
			.selectFrom('entities')
			.select('id')
			.where('tbl', '=', 'quotes')
			.where('id', 'in', ids)
			.where('deleted', '=', 0)
			.execute();
		const counts = new Map<string, number>();
		for (const row of rows) counts.set(row.id, (counts.get(row.id) ?? 0) + 1);
		return ids.map((id) => counts.get(id) ?? 0);
	}

	it('spreads requests round-robin over every replica', async () => {
		const http = fleet.client();
		const answered: string[] = [];
		for (let k = 0; k < REPLICAS.length * 2; k++) {
			const res = await http.get('/api/health');
			expect(res.body).toEqual({ ok: true, store: 'postgres', sandbox: false });
			answered.push(res.headers.get('x-outpost-replica')!);
		}
		expect([...new Set(answered)].sort()).toEqual(REPLICAS);
		// Round-robin: each replica once in every three requests.
		expect(answered.slice(3)).toEqual(answered.slice(0, 3));
	});

	it('a session opened through one replica is known to every replica', async () => {
		const sales = await fleet.login(SALES);
		const cookie = [...sales.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
		for (const replica of fleet.replicas) {
			const me = await fetch(`${replica.baseUrl}/api/auth/me`, { headers: { cookie } });
			expect(me.status, replica.name).toBe(200);
		}
	});

	it('a push that lands on one replica pokes the event streams held open on the others', async () => {
		const sales = await fleet.login(SALES);
		const streams: OpenStream[] = [];
		try {
			// Round-robin with nothing else going on: three streams opened in a row land on three replicas.
			for (let k = 0; k < REPLICAS.length; k++) streams.push(await openEventStream(fleet.baseUrl, sales));
			for (const stream of streams) await stream.until('hello');
			const held = streams.map((s) => s.headers.get('x-outpost-replica'));
			expect([...held].sort()).toEqual(REPLICAS);

			const admin = syncClient(await fleet.login(ADMIN));
			const pushed = await admin.push([
				admin.m('createQuote', { id: 'quote-poked-across', companyId: 'company-acme', title: 'Poked across' })
			]);
			expect(pushed.body.results).toEqual([{ id: 1, status: 'applied' }]);
			const landedOn = pushed.headers.get('x-outpost-replica');
			expect(REPLICAS).toContain(landedOn);

			await Promise.all(streams.map((s) => s.until('poke')));
			for (const [k, stream] of streams.entries()) {
				expect(stream.events, `the stream on ${held[k]} (the push landed on ${landedOn})`).toEqual(['hello', 'poke']);
			}
		} finally {
			for (const stream of streams) stream.close();
		}
	});

	it('a bounded load run: 4 clients × 25 pushes of 2 mutations add up to the lastMutationIDs', async () => {
		const users = [SALES, BUYER, ADMIN, SALES];
		const runs = await Promise.all(
			users.map(async (email) => pushQuotes(await fleet.login(email), { pushes: 25, perPush: 2 }))
		);
		const acknowledged = runs.reduce((sum, run) => sum + run.acknowledged.length, 0);
		expect(acknowledged).toBe(4 * 25 * 2);
		const recorded = await lastMutationIDs(runs.map((r) => r.clientID));
		expect(Object.values(recorded).reduce((a, b) => a + b, 0)).toBe(acknowledged);
		expect(await quoteRows(runs.flatMap((r) => r.acknowledged))).toEqual(Array(acknowledged).fill(1));
		const answeredBy = new Set(runs.flatMap((run) => Object.keys(run.byReplica)));
		expect([...answeredBy].sort(), 'every replica took pushes').toEqual(REPLICAS);
	}, 120_000);

	it('a replica killed with SIGKILL in the middle of pushes loses and duplicates nothing', async () => {
		const PUSHES = 30;
		const PER_PUSH = 3;
		const victim = fleet.replicas[1]!;
		let killed: Promise<void> | null = null;
		const clients = await Promise.all([SALES, BUYER, ADMIN, SALES].map((email) => fleet.login(email)));
		const runs: PushRun[] = await Promise.all(
			clients.map((http) =>
				pushQuotes(http, {
					pushes: PUSHES,
					perPush: PER_PUSH,
					// A third of the way in, the replica dies with pushes of the four clients under way.
					afterEach(run) {
						if (!killed && run.acknowledged.length >= (PUSHES * PER_PUSH) / 3) killed = victim.kill();
					}
				})
			)
		);
		await killed;
		expect(victim.alive).toBe(false);

		for (const run of runs) {
			expect(run.mutationIDs, `${run.clientID}: every mutation acknowledged once, in order`).toEqual(
				Array.from({ length: PUSHES * PER_PUSH }, (_, k) => k + 1)
			);
		}
		const all = runs.flatMap((r) => r.acknowledged);
		expect(await quoteRows(all), 'each acknowledged quote stored exactly once').toEqual(Array(all.length).fill(1));
		const recorded = await lastMutationIDs(runs.map((r) => r.clientID));
		expect(Object.values(recorded)).toEqual(Array(runs.length).fill(PUSHES * PER_PUSH));
		const rejected = await fleet.store.db
			.selectFrom('rejections')
			.select('mutation_id')
			.where(
				'client_id',
				'in',
				runs.map((r) => r.clientID)
			)
			.execute();
		expect(rejected, 'no mutation applied twice (a second createQuote would be refused: id taken)').toEqual([]);
		console.log(
			`SIGKILL of ${victim.name}: ${runs.reduce((n, r) => n + r.retries, 0)} pushes sent again; answered by`,
			runs.map((r) => r.byReplica)
		);

		await victim.start();
		await fleet.balancer.waitForUp(REPLICAS);
	}, 120_000);
});
