// The gateway rows of DESIGN section 8, on one store: pulls (nothing new, delta of 100), pushes (one
// mutation, 100 in one request) and throughput (4 concurrent clients), over loopback HTTP from a
// worker thread, each beside a reference measured in the same run: a bare Hono handler answering the
// same-sized JSON over the same HTTP stack, or the raw SQL the operation needs at minimum.

import { toPrincipal } from '../../shared/auth/permissions.ts';
import type { PullResponse } from '../../shared/sync/protocol.ts';
import { loadProfile } from '../../gateway/auth/principal.ts';
import { processPull } from '../../gateway/sync/pull.ts';
import type { Cell } from '../lib/report.ts';
import { latency, rate, sample } from '../lib/stats.ts';
import type { BenchStore } from './bench-stores.ts';
import { startBenchServer } from './bench-server.ts';
import { importBodies } from './bulk-import.ts';
import { BENCH_NOW, benchLine, benchQuote, benchRows, seedRows } from './fixtures.ts';
import type { LoadClient } from './load-client.ts';
import { prepareReferenceOrg, rawDeltaQuery, rawInsertMutationRows, rawNoopPull } from './raw-sql-reference.ts';

export type GatewayBenchOptions = {
	/** Quote lines already in the store (100 per quote), so no query runs on an empty table. */
	backgroundLines: number;
	/** Sequential requests per latency row (after `warmup` untimed ones). */
	requests: number;
	warmup: number;
	/** Requests of 100 mutations for the batch row. */
	batches: number;
	throughputMs: number;
	/** Products the bulk import writes while the health probe runs. */
	importProducts: number;
	log: (message: string) => void;
};

export const GATEWAY_ROWS = [
	'pullNoopHttp',
	'pullNoopHandler',
	'pullDeltaHttp',
	'pullDeltaSql',
	'pushOne',
	'pushOneHttp',
	'pushHundred',
	'singlePushes',
	'batchedMutations',
	'healthDuringImport'
] as const;
export type GatewayRow = (typeof GATEWAY_ROWS)[number];

const ORG = 'org-demo';
const USER = 'user-sales-demo';
const EMAIL = 'sales@demo.outpost.test';
const IMPORTER = 'catalog@demo.outpost.test';
const PROBE_INTERVAL_MS = 5;
const CONCURRENCY = 4;
const BATCH = 100;
const LINES_PER_PUSH_QUOTE = 10;

export async function benchGateway(
	bench: BenchStore,
	load: LoadClient,
	o: GatewayBenchOptions
): Promise<Record<GatewayRow, Cell>> {
	const { store, raw } = bench;
	const server = await startBenchServer(store);
	try {
		o.log(`${bench.kind}: seeding ${o.backgroundLines.toLocaleString('en-US')} background lines`);
		await seedRows(store, ORG, benchRows(0, Math.max(1, Math.round(o.backgroundLines / 100))));
		await prepareReferenceOrg(store, USER);
		const headers = { 'content-type': 'application/json', cookie: await server.login(EMAIL) };
		const url = (path: string) => server.baseUrl + path;
		const principal = toPrincipal((await loadProfile(store, USER))!);
		const cells = {} as Record<GatewayRow, Cell>;

		// Pull with nothing new: a client that has caught up.
		const group = 'bench-pull-client';
		let cookie: PullResponse['cookie'] | null = null;
		for (let more = true; more;) {
			const page: PullResponse = await postJson<PullResponse>(url('/api/sync/pull'), headers, {
				clientGroupID: group,
				clientID: group,
				cookie
			});
			cookie = page.cookie;
			more = page.more;
		}
		const caughtUp = cookie!;
		const noopBody = JSON.stringify({
			protocolVersion: 1,
			schemaVersion: 1,
			clientGroupID: group,
			clientID: group,
			cookie: caughtUp
		});
		server.setBare('pull-noop', await postJson(url('/api/sync/pull'), headers, JSON.parse(noopBody)));
		o.log(`${bench.kind}: pull, nothing new`);
		const job = { headers, count: o.requests, warmup: o.warmup };
		const [noopOurs, noopBare] = await load.latency({
			...job,
			targets: [
				{ url: url('/api/sync/pull'), bodies: [noopBody] },
				{ url: url('/bench/bare/pull-noop'), bodies: [noopBody] }
			]
		});
		cells.pullNoopHttp = { ours: latency(noopOurs!), reference: latency(noopBare!) };
		const request = JSON.parse(noopBody);
		cells.pullNoopHandler = {
			ours: latency(await sample(o.requests, () => processPull(store, principal, request), o.warmup)),
			reference: latency(await sample(o.requests, () => rawNoopPull(raw, ORG, USER), o.warmup))
		};

		// Delta pull: 100 rows changed since the client's cookie.
		await seedRows(store, ORG, benchRows(900_000, 1, 99));
		const deltaResponse = await postJson<PullResponse>(url('/api/sync/pull'), headers, request);
		if (deltaResponse.patch.length !== 100)
			throw new Error(`The delta pull carried ${deltaResponse.patch.length} rows, not 100.`);
		server.setBare('pull-delta', deltaResponse);
		o.log(`${bench.kind}: pull, delta of 100 rows`);
		const [deltaOurs, deltaBare] = await load.latency({
			...job,
			targets: [
				{ url: url('/api/sync/pull'), bodies: [noopBody] },
				{ url: url('/bench/bare/pull-delta'), bodies: [noopBody] }
			]
		});
		cells.pullDeltaHttp = { ours: latency(deltaOurs!), reference: latency(deltaBare!) };
		cells.pullDeltaSql = {
			ours: cells.pullDeltaHttp.ours,
			reference: latency(await sample(o.requests, () => rawDeltaQuery(raw, ORG, caughtUp.v, 2_001), o.warmup))
		};

		// Pushes: addQuoteLine into seeded draft quotes, a fresh client per row.
		const plan = createPushPlan();
		const oneBodies = plan.singles('bench-push-one', o.warmup + o.requests);
		const hundredBodies = plan.batches('bench-push-hundred', 1 + o.batches);
		const perClient = Math.ceil(((o.throughputMs / 1000) * 3_000) / CONCURRENCY);
		const perClientBatches = Math.ceil(((o.throughputMs / 1000) * 15_000) / BATCH / CONCURRENCY);
		const singleClients = range(CONCURRENCY).map((c) => plan.singles(`bench-tp-single-${c}`, perClient));
		const batchClients = range(CONCURRENCY).map((c) => plan.batches(`bench-tp-batch-${c}`, perClientBatches));
		o.log(`${bench.kind}: seeding ${plan.quotes.length.toLocaleString('en-US')} draft quotes for pushes`);
		await seedRows(
			store,
			ORG,
			plan.quotes.map((k) => ({ table: 'quotes', value: benchQuote(k) }))
		);

		o.log(`${bench.kind}: push, 1 mutation`);
		const pushUrl = url('/api/sync/push');
		server.setBare('push-one', { results: [{ id: 1, status: 'applied' }] });
		const [oneOurs, oneBare] = await load.latency({
			...job,
			targets: [
				{ url: pushUrl, bodies: oneBodies },
				{ url: url('/bench/bare/push-one'), bodies: oneBodies }
			]
		});
		const oneWrites = plan.writesOf(oneBodies);
		const pushOne = latency(oneOurs!);
		cells.pushOne = {
			ours: pushOne,
			reference: latency(
				await sample(o.requests, (i) => rawInsertMutationRows(raw, oneWrites[Math.max(0, i)]!, i + 1), o.warmup)
			)
		};
		cells.pushOneHttp = { ours: pushOne, reference: latency(oneBare!) };

		o.log(`${bench.kind}: push, 100 mutations in one request`);
		const [hundredOurs] = await load.latency({
			headers,
			count: o.batches,
			warmup: 1,
			targets: [{ url: pushUrl, bodies: hundredBodies }]
		});
		const hundredWrites = plan.writesOf(hundredBodies);
		cells.pushHundred = {
			ours: latency(hundredOurs!),
			reference: latency(
				await sample(o.batches, (i) => rawInsertMutationRows(raw, hundredWrites[Math.max(0, i)]!, i + 1), 1)
			)
		};

		o.log(`${bench.kind}: throughput, ${CONCURRENCY} clients, ${o.throughputMs} ms each`);
		server.setBare('push-batch', { results: range(BATCH).map((k) => ({ id: k + 1, status: 'applied' })) });
		const singles = await alternate(load, o.throughputMs, singleClients, pushUrl, url('/bench/bare/push-one'), headers);
		const batched = await alternate(
			load,
			o.throughputMs,
			batchClients,
			pushUrl,
			url('/bench/bare/push-batch'),
			headers
		);
		cells.singlePushes = {
			ours: rate(singles.ours.requests, singles.ours.seconds, 'pushes', singles.ours.errors),
			reference: rate(singles.bare.requests, singles.bare.seconds, 'req', singles.bare.errors)
		};
		cells.batchedMutations = {
			ours: {
				...rate(batched.ours.requests * BATCH, batched.ours.seconds, 'mutations', batched.ours.errors),
				batch: BATCH
			},
			reference: rate(batched.bare.requests, batched.bare.seconds, 'req', batched.bare.errors)
		};
		for (const r of [singles.ours, batched.ours]) {
			if (r.errors) o.log(`${bench.kind}: ${r.errors} pushes failed, first: ${r.firstError}`);
		}

		o.log(
			`${bench.kind}: health probe at rest, then while importing ${o.importProducts.toLocaleString('en-US')} products`
		);
		const importer = { 'content-type': 'application/json', cookie: await server.login(IMPORTER) };
		const probe = { probe: url('/api/health'), headers: importer, intervalMs: PROBE_INTERVAL_MS };
		const atRest = await load.probe({ ...probe, load: null, count: o.requests });
		const during = await load.probe({
			...probe,
			load: { url: pushUrl, bodies: importBodies('bench-import', o.importProducts) },
			count: 0
		});
		cells.healthDuringImport = { ours: latency(during), reference: latency(atRest) };
		const imported = await store.db
			.selectFrom('entities')
			.select(({ fn }) => fn.countAll<number>().as('n'))
			.where('org_id', '=', ORG)
			.where('tbl', '=', 'products')
			.where('id', 'like', 'bp-%')
			.executeTakeFirstOrThrow();
		if (Number(imported.n) !== o.importProducts) {
			throw new Error(`The bulk import stored ${imported.n} products, not ${o.importProducts}.`);
		}

		// Every push the gateway acknowledged is in the store exactly once.
		const acknowledged = await store.db
			.selectFrom('clients')
			.select(({ fn }) => fn.sum<number>('last_mutation_id').as('n'))
			.where('id', 'like', 'bench-tp-%')
			.executeTakeFirstOrThrow();
		const expected =
			singles.ours.requests - singles.ours.errors + (batched.ours.requests - batched.ours.errors) * BATCH;
		if (Number(acknowledged.n) !== expected) {
			throw new Error(
				`The store acknowledged ${acknowledged.n} throughput mutations; the clients saw ${expected} applied.`
			);
		}
		return cells;
	} finally {
		await server.close();
	}
}

/**
 * Throughput of ours and of the bare handler in alternating slices (ours, bare, ours, bare, ...),
 * so a noisy neighbour slows both alike; each ours slice goes on where the previous one stopped.
 */
async function alternate(
	load: LoadClient,
	totalMs: number,
	clients: string[][],
	oursUrl: string,
	bareUrl: string,
	headers: Record<string, string>
) {
	const SLICES = 2;
	const sum = () => ({ requests: 0, errors: 0, seconds: 0, firstError: null as string | null });
	const ours = sum();
	const bare = sum();
	const offsets = clients.map(() => 0);
	for (let s = 0; s < SLICES; s++) {
		const durationMs = totalMs / SLICES;
		const mine = await load.throughput({
			url: oursUrl,
			headers,
			durationMs,
			clients: clients.map((b, c) => b.slice(offsets[c]))
		});
		mine.sent.forEach((n, c) => (offsets[c]! += n));
		const theirs = await load.throughput({ url: bareUrl, headers, durationMs, clients });
		for (const [into, r] of [
			[ours, mine],
			[bare, theirs]
		] as const) {
			into.requests += r.requests;
			into.errors += r.errors;
			into.seconds += r.seconds;
			into.firstError ??= r.firstError;
		}
	}
	return { ours, bare };
}

/** Bodies of addQuoteLine pushes, and the quotes they need (10 lines a quote for single pushes). */
function createPushPlan() {
	let nextQuote = 500_000;
	const quotes: number[] = [];
	const lines = new Map<string, { k: number; j: number }[]>();
	const newQuote = () => {
		quotes.push(nextQuote);
		return nextQuote++;
	};
	const body = (clientID: string, firstID: number, targets: { k: number; j: number }[]) => {
		const text = JSON.stringify({
			protocolVersion: 1,
			schemaVersion: 1,
			clientGroupID: clientID,
			clientID,
			mutations: targets.map(({ k, j }, n) => {
				const { id, quoteId, description, quantity, unitPrice } = benchLine(k, j);
				return {
					id: firstID + n,
					name: 'addQuoteLine',
					args: { id, quoteId, description, quantity, unitPrice },
					timestamp: BENCH_NOW
				};
			})
		});
		lines.set(text, targets);
		return text;
	};
	return {
		quotes,
		singles(clientID: string, count: number): string[] {
			let k = newQuote();
			return range(count).map((i) => {
				if (i > 0 && i % LINES_PER_PUSH_QUOTE === 0) k = newQuote();
				return body(clientID, i + 1, [{ k, j: i % LINES_PER_PUSH_QUOTE }]);
			});
		},
		batches(clientID: string, count: number): string[] {
			return range(count).map((b) => {
				const k = newQuote();
				return body(
					clientID,
					b * BATCH + 1,
					range(BATCH).map((j) => ({ k, j }))
				);
			});
		},
		/** The rows each body's mutations write, for the raw SQL reference. */
		writesOf(bodies: string[]) {
			return bodies.map((text) =>
				lines.get(text)!.map(({ k, j }) => ({
					line: benchLine(k, j),
					quote: { ...benchQuote(k), updatedAt: BENCH_NOW }
				}))
			);
		}
	};
}

async function postJson<T = unknown>(url: string, headers: Record<string, string>, body: unknown): Promise<T> {
	const response = await fetch(url, { method: 'POST', headers, body: JSON.stringify(body) });
	const text = await response.text();
	if (response.status !== 200) throw new Error(`${url} answered ${response.status}: ${text.slice(0, 300)}`);
	return JSON.parse(text) as T;
}

function range(n: number): number[] {
	return Array.from({ length: n }, (_, k) => k);
}
