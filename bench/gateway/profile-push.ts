// Profiling driver (not part of the bench): pushes through app.fetch in-process, so
// `node --cpu-prof --import tsx bench/gateway/profile-push.ts [sqlite|postgres] [n]` shows where a push's time goes.
import { openSqliteBench, openPostgresBench } from './bench-stores.ts';
import { createApp } from '../../gateway/app.ts';
import { seedDemo } from '../../gateway/demo/seed-demo.ts';
import { DEMO_PASSWORD } from '../../gateway/demo/demo-data.ts';
import { TEST_PASSWORDS } from '../../gateway/test/http-harness.ts';
import { seedRows, benchRows, benchQuote, benchLine, BENCH_NOW } from './fixtures.ts';

const kind = process.argv[2] ?? 'sqlite';
const pushes = Number(process.argv[3] ?? 30);
const bench = kind === 'postgres' ? await openPostgresBench() : await openSqliteBench();
const { store } = bench;
await seedDemo(store, TEST_PASSWORDS, Date.now());
const { app, pokes } = await createApp({ store, passwords: TEST_PASSWORDS, log: () => {} });
await seedRows(store, 'org-demo', benchRows(0, 50));
const login = await app.fetch(new Request('http://x/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'sales@demo.outpost.test', password: DEMO_PASSWORD }) }));
const cookie = login.headers.getSetCookie().map((l) => l.split(';')[0]).join('; ');
const singlesPlanned = Number(process.env.SINGLES ?? pushes * 20);
const quotes = Array.from({ length: pushes + Math.ceil(singlesPlanned / 10) + 10 }, (_, i) => 700_000 + i);
await seedRows(store, 'org-demo', quotes.map((k) => ({ table: 'quotes', value: benchQuote(k) })));
const post = async (body: unknown) => {
	const r = await app.fetch(new Request('http://x/api/sync/push', { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify(body) }));
	if (r.status !== 200) throw new Error(`${r.status} ${await r.text()}`);
	return r.json();
};
const mutation = (k: number, j: number, id: number) => {
	const { id: lineId, quoteId, description, quantity, unitPrice } = benchLine(k, j);
	return { id, name: 'addQuoteLine', args: { id: lineId, quoteId, description, quantity, unitPrice }, timestamp: BENCH_NOW };
};
const { Session } = await import('node:inspector/promises');
const session = new Session();
const startProfile = async () => {
	if (!process.env.PROFILE) return;
	session.connect();
	await session.post('Profiler.enable');
	await session.post('Profiler.start');
};
if (!process.env.PROFILE_SINGLES) await startProfile();
let t = performance.now();
let cpu = process.cpuUsage();
const cpuMs = () => {
	const used = process.cpuUsage(cpu);
	return (used.user + used.system) / 1000;
};
for (let p = 0; p < pushes; p++) {
	await post({ clientGroupID: 'prof-h', clientID: 'prof-h', mutations: Array.from({ length: 100 }, (_, j) => mutation(quotes[p]!, j, p * 100 + j + 1)) });
}
console.log(`push of 100: ${((performance.now() - t) / pushes).toFixed(2)} ms each, ${(cpuMs() / pushes).toFixed(2)} ms CPU`);
if (process.env.PROFILE_SINGLES) await startProfile();
t = performance.now();
cpu = process.cpuUsage();
const singles = singlesPlanned;
for (let i = 0; i < singles; i++) {
	await post({ clientGroupID: 'prof-1', clientID: 'prof-1', mutations: [mutation(quotes[pushes + Math.floor(i / 10)]!, i % 10, i + 1)] });
}
if (singles) console.log(`push of 1: ${((performance.now() - t) / singles).toFixed(3)} ms each, ${(cpuMs() / singles).toFixed(3)} ms CPU`);
if (process.env.PROFILE) {
	const { profile } = await session.post('Profiler.stop');
	(await import('node:fs')).writeFileSync(process.env.PROFILE, JSON.stringify(profile));
}
pokes.close();
await bench.close();
