// Where a push's time goes (not part of `npm run bench`): pushes of 100 addQuoteLine mutations, then
// single ones, through app.fetch in-process, printing wall and CPU milliseconds per push.
//   node --import tsx bench/gateway/profile-push.ts [sqlite|postgres] [pushes of 100]
// SINGLES=n sets the single pushes (default 20 per push of 100); PROFILE=file.cpuprofile writes a
// CPU profile of the pushes of 100, or of the single pushes with PROFILE_SINGLES=1.

import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { createApp } from '../../gateway/app.ts';
import { DEMO_PASSWORD } from '../../gateway/demo/demo-data.ts';
import { seedDemo } from '../../gateway/demo/seed-demo.ts';
import { TEST_PASSWORDS } from '../../gateway/test/http-harness.ts';
import { openPostgresBench, openSqliteBench } from './bench-stores.ts';
import { BENCH_NOW, benchLine, benchQuote, benchRows, seedRows } from './fixtures.ts';

const kind = process.argv[2] ?? 'sqlite';
const pushes = Number(process.argv[3] ?? 30);
const singles = Number(process.env.SINGLES ?? pushes * 20);
const profileFile = process.env.PROFILE;

const bench = kind === 'postgres' ? await openPostgresBench() : await openSqliteBench();
const { store } = bench;
await seedDemo(store, TEST_PASSWORDS, Date.now());
const { app, pokes } = await createApp({ store, passwords: TEST_PASSWORDS, log: () => {} });
await seedRows(store, 'org-demo', benchRows(0, 50));
const quotes = Array.from({ length: pushes + Math.ceil(singles / 10) + 1 }, (_, i) => 700_000 + i);
await seedRows(
	store,
	'org-demo',
	quotes.map((k) => ({ table: 'quotes', value: benchQuote(k) }))
);

const login = await app.fetch(
	new Request('http://bench/api/auth/login', {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ email: 'sales@demo.outpost.test', password: DEMO_PASSWORD })
	})
);
const cookie = login.headers
	.getSetCookie()
	.map((line) => line.split(';')[0])
	.join('; ');

async function push(clientID: string, mutations: unknown[]): Promise<void> {
	const response = await app.fetch(
		new Request('http://bench/api/sync/push', {
			method: 'POST',
			headers: { 'content-type': 'application/json', cookie },
			body: JSON.stringify({ clientGroupID: clientID, clientID, mutations })
		})
	);
	const text = await response.text();
	if (response.status !== 200 || text.includes('"rejected"')) throw new Error(`${response.status} ${text}`);
}

function addLine(k: number, j: number, id: number) {
	const { id: lineId, quoteId, description, quantity, unitPrice } = benchLine(k, j);
	return {
		id,
		name: 'addQuoteLine',
		args: { id: lineId, quoteId, description, quantity, unitPrice },
		timestamp: BENCH_NOW
	};
}

const session = new Session();
async function measure(label: string, count: number, profiled: boolean, run: () => Promise<void>) {
	if (profiled) {
		session.connect();
		await session.post('Profiler.enable');
		await session.post('Profiler.start');
	}
	const cpu = process.cpuUsage();
	const started = performance.now();
	await run();
	const used = process.cpuUsage(cpu);
	const wall = (performance.now() - started) / count;
	console.log(`${label}: ${wall.toFixed(2)} ms each, ${((used.user + used.system) / 1000 / count).toFixed(2)} ms CPU`);
	if (profiled) writeFileSync(profileFile!, JSON.stringify((await session.post('Profiler.stop')).profile));
}

await measure('push of 100', pushes, Boolean(profileFile && !process.env.PROFILE_SINGLES), async () => {
	for (let p = 0; p < pushes; p++) {
		await push(
			'profile-hundred',
			Array.from({ length: 100 }, (_, j) => addLine(quotes[p]!, j, p * 100 + j + 1))
		);
	}
});
if (singles > 0) {
	await measure('push of 1', singles, Boolean(profileFile && process.env.PROFILE_SINGLES), async () => {
		for (let i = 0; i < singles; i++) {
			await push('profile-one', [addLine(quotes[pushes + Math.floor(i / 10)]!, i % 10, i + 1)]);
		}
	});
}
pokes.close();
await bench.close();
