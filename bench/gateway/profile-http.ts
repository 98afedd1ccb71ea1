// Where a small request's time goes over real HTTP (not part of `npm run bench`): the bench server
// (createApp served by @hono/node-server) answers single-mutation pushes, or pulls with nothing new,
// sent one after another by the load worker, while this thread is profiled. `delta` pulls 100 rows
// changed since the client's cookie (the bench's delta row); `bare-delta` is its bare Hono reference.
//   node --import tsx bench/gateway/profile-http.ts [sqlite|postgres] [push|pull|bare|delta|bare-delta] [requests]
// Prints wall and CPU milliseconds per request (this thread only: the worker's CPU is its own).
// PROFILE=file.cpuprofile writes a CPU profile.

import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import type { PullResponse } from '../../shared/sync/protocol.ts';
import { openPostgresBench, openSqliteBench } from './bench-stores.ts';
import { startBenchServer } from './bench-server.ts';
import { BENCH_NOW, benchLine, benchQuote, benchRows, seedRows } from './fixtures.ts';
import { startLoadWorker } from './load-client.ts';

const kind = process.argv[2] ?? 'sqlite';
const mode = process.argv[3] ?? 'push';
const requests = Number(process.argv[4] ?? 3000);
const profileFile = process.env.PROFILE;
const WARMUP = 300;

const bench = kind === 'postgres' ? await openPostgresBench() : await openSqliteBench();
const server = await startBenchServer(bench.store);
const load = startLoadWorker();
const headers = { 'content-type': 'application/json', cookie: await server.login('sales@demo.outpost.test') };
const url = (path: string) => server.baseUrl + path;

function pushBodies(count: number): string[] {
	const quotes = Array.from({ length: Math.ceil(count / 10) }, (_, i) => 800_000 + i);
	return Array.from({ length: count }, (_, i) => {
		const { id, quoteId, description, quantity, unitPrice } = benchLine(quotes[Math.floor(i / 10)]!, i % 10);
		return JSON.stringify({
			protocolVersion: 1,
			schemaVersion: 1,
			clientGroupID: 'profile-http',
			clientID: 'profile-http',
			mutations: [
				{
					id: i + 1,
					name: 'addQuoteLine',
					args: { id, quoteId, description, quantity, unitPrice },
					timestamp: BENCH_NOW
				}
			]
		});
	});
}

async function noopPullBody(): Promise<string> {
	const request = { protocolVersion: 1, schemaVersion: 1, clientGroupID: 'profile-pull', clientID: 'profile-pull' };
	let cookie: PullResponse['cookie'] | null = null;
	for (let more = true; more;) {
		const response = await fetch(url('/api/sync/pull'), {
			method: 'POST',
			headers,
			body: JSON.stringify({ ...request, cookie })
		});
		const page = (await response.json()) as PullResponse;
		cookie = page.cookie;
		more = page.more;
	}
	return JSON.stringify({ ...request, cookie });
}

let target: { url: string; bodies: string[] };
if (mode === 'push') {
	const bodies = pushBodies(WARMUP + requests);
	await seedRows(
		bench.store,
		'org-demo',
		Array.from({ length: Math.ceil(bodies.length / 10) }, (_, i) => ({
			table: 'quotes',
			value: benchQuote(800_000 + i)
		}))
	);
	target = { url: url('/api/sync/push'), bodies };
} else {
	const body = await noopPullBody();
	const delta = mode === 'delta' || mode === 'bare-delta';
	if (delta) await seedRows(bench.store, 'org-demo', benchRows(900_000, 1, 99));
	const answer: unknown = await (await fetch(url('/api/sync/pull'), { method: 'POST', headers, body })).json();
	server.setBare('pull', answer);
	target = { url: url(mode.startsWith('bare') ? '/bench/bare/pull' : '/api/sync/pull'), bodies: [body] };
}

await load.latency({
	targets: [{ ...target, bodies: target.bodies.slice(0, WARMUP) }],
	headers,
	count: 0,
	warmup: WARMUP
});
const session = new Session();
if (profileFile) {
	session.connect();
	await session.post('Profiler.enable');
	await session.post('Profiler.start');
}
const cpu = process.cpuUsage();
const started = performance.now();
const [samples] = await load.latency({
	targets: [{ ...target, bodies: target.bodies.slice(mode === 'push' ? WARMUP : 0) }],
	headers,
	count: requests,
	warmup: 0
});
const used = process.cpuUsage(cpu);
const wall = performance.now() - started;
const sorted = samples!.sort((a, b) => a - b);
console.log(
	`${kind} ${mode}: ${(wall / requests).toFixed(3)} ms each (p50 ${sorted[Math.floor(requests / 2)]!.toFixed(3)} ms), ` +
		`${((used.user + used.system) / 1000 / requests).toFixed(3)} ms CPU on the server thread`
);
if (profileFile) writeFileSync(profileFile, JSON.stringify((await session.post('Profiler.stop')).profile));
await load.close();
await server.close();
await bench.close();
