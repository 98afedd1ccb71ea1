// Where an initial sync's time goes (not part of `npm run bench`): the client bench's initial sync of
// [lines] quote lines, ours (traced: each pull and each IndexedDB transaction timed) and the raw
// IndexedDB reference taking turns [runs] times, then the medians, the ratio and the last run's
// timeline, pull by pull.
//   node --import tsx bench/client/profile-initial-sync.ts [lines] [runs]
// BASELINE=<a checkout of an earlier commit> runs that commit's sync client in a second page, in
// turns with this one's (untraced), so the two are compared in the same run.
// PROFILE=file.cpuprofile adds a CPU profile of the page during one more traced sync, from an
// unminified bundle; `node --cpu-prof` on the script profiles the gateway side.

import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_PASSWORD } from '../../gateway/demo/demo-data.ts';
import { openSqliteBench } from '../gateway/bench-stores.ts';
import { startBenchServer } from '../gateway/bench-server.ts';
import { benchRows, seedRows } from '../gateway/fixtures.ts';
import { benchHtml, launchBenchBrowser, openBenchPage, profileCpu } from './bench-page.ts';
import { bundle, EMAIL } from './client-bench.ts';
import type { InitialSyncTrace } from './initial-sync-trace-entry.ts';

const lines = Number(process.argv[2] ?? 10_000);
const runs = Number(process.argv[3] ?? 5);
const profileFile = process.env.PROFILE;
const baseline = process.env.BASELINE;

const bench = await openSqliteBench();
const server = await startBenchServer(bench.store);
const profile = mkdtempSync(join(tmpdir(), 'outpost-profile-sync-'));
try {
	const seeded = benchRows(0, lines / 100);
	await seedRows(bench.store, 'org-demo', seeded);
	server.setFile('client.js', 'text/javascript', await bundle({ minify: !profileFile }));
	server.setFile('index.html', 'text/html', benchHtml('client.js'));
	server.setFile('rows', 'application/json', JSON.stringify(seeded));
	const context = await launchBenchBrowser(profile);
	try {
		const page = context.pages()[0] ?? (await context.newPage());
		const call = await openBenchPage(page, `${server.baseUrl}/bench/files/index.html`, console.error);
		await call('signIn', EMAIL, DEMO_PASSWORD);
		await call('loadRows', 'rows');
		const base = baseline ? await context.newPage() : null;
		if (base) {
			server.setFile(
				'base.js',
				'text/javascript',
				await bundle({ minify: true, entry: join(baseline!, 'bench/client/entry.ts') })
			);
			server.setFile(
				'base.html',
				'text/html',
				'<!doctype html><script type="module" src="/bench/files/base.js"></script>'
			);
			await base.goto(`${server.baseUrl}/bench/files/base.html`);
			await base.waitForFunction(() => 'outpostBench' in globalThis);
			await base.evaluate(([e, p]) => (globalThis as any).outpostBench.signIn(e, p), [EMAIL, DEMO_PASSWORD] as const);
		}
		const baseSync = async () =>
			(await base!.evaluate((n) => (globalThis as any).outpostBench.oursInitialSync(n, false), lines)) as {
				ms: number;
			};

		const ours: number[] = [];
		const raw: number[] = [];
		const before: number[] = [];
		const cpu: Record<string, string[]> = {};
		for (let r = 0; r < runs; r++) {
			// Timed untraced, as the baseline: the trace reads each answer twice.
			const traced = async () => ours.push((await call('oursInitialSync', lines, false)).ms);
			const rawPut = async () => raw.push((await call('rawInitialPut', 'rows', false)).ms);
			const counted = (name: string, step: () => Promise<unknown>) => async () => {
				const a = cpuMs();
				await step();
				const b = cpuMs();
				const split = Object.entries(b.types).map(([t, ms]) => `${t} ${ms - (a.types[t] ?? 0)}`);
				(cpu[name] ??= []).push(`${b.gateway - a.gateway}+${b.browser - a.browser} (${split.join(', ')})`);
			};
			const steps = [
				counted('ours', traced),
				...(base ? [counted('baseline', async () => before.push((await baseSync()).ms))] : []),
				counted('raw', rawPut)
			];
			for (const step of r % 2 ? steps.reverse() : steps) await step();
			await call('dropAll');
			if (base) await base.evaluate(() => (globalThis as any).outpostBench.dropAll());
			const was = base ? `, baseline ${before[r]!.toFixed(0)} ms` : '';
			console.log(`run ${r + 1}: ours ${ours[r]!.toFixed(0)} ms${was}, raw ${raw[r]!.toFixed(0)} ms`);
		}
		const m = median(ours);
		console.log(
			`median of ${runs}: ours ${m.toFixed(0)} ms, raw ${median(raw).toFixed(0)} ms, ours ÷ raw ${(m / median(raw)).toFixed(2)}×`
		);
		if (base) {
			const b = median(before);
			console.log(
				`baseline: median ${b.toFixed(0)} ms, ÷ raw ${(b / median(raw)).toFixed(2)}×; min ours ${Math.min(...ours).toFixed(0)}, baseline ${Math.min(...before).toFixed(0)}, raw ${Math.min(...raw).toFixed(0)}`
			);
		}
		for (const [name, xs] of Object.entries(cpu))
			console.log(`CPU ms (gateway+browser) ${name}:\n  ${xs.join('\n  ')}`);
		const last = (await call('tracedInitialSync')) as InitialSyncTrace;
		await call('dropAll');
		printTimeline(last);

		if (profileFile) {
			const stopProfile = await profileCpu(context, page, 200);
			await call('tracedInitialSync');
			await stopProfile(profileFile);
		}
	} finally {
		await context.close();
	}
} finally {
	await server.close();
	await bench.close();
	rmSync(profile, { recursive: true, force: true });
}

/** CPU time (user + system, ms) of this process (the gateway) and of every Chromium process. */
function cpuMs(): { gateway: number; browser: number; types: Record<string, number> } {
	const tick = 10;
	const read = (pid: string) => {
		const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
		return (Number(fields[11]) + Number(fields[12])) * tick;
	};
	const parents = new Map<string, string>();
	const cmdlines = new Map<string, string>();
	for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
		try {
			parents.set(pid, readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')[1]!);
			cmdlines.set(pid, readFileSync(`/proc/${pid}/cmdline`, 'utf8'));
		} catch {
			// It ended meanwhile.
		}
	}
	const root = [...cmdlines].find(([, c]) => c.includes(profile) && !c.includes('--type='))?.[0];
	const inTree = (pid: string): boolean =>
		pid === root || (parents.has(pid) && pid !== '1' && inTree(parents.get(pid)!));
	let browser = 0;
	const types: Record<string, number> = {};
	for (const [pid, cmdline] of cmdlines) {
		if (!inTree(pid)) continue;
		try {
			const args = cmdline.split('\u0000');
			const type = args.find((a) => a.startsWith('--type='))?.slice(7) ?? 'browser';
			const service =
				args
					.find((a) => a.startsWith('--utility-sub-type='))
					?.split('.')
					.at(-2) ?? '';
			const key = service ? `${type}:${service}` : type;
			const ms = read(pid);
			browser += ms;
			types[key] = (types[key] ?? 0) + ms;
		} catch {
			// It ended meanwhile.
		}
	}
	return { gateway: read(String(process.pid)), browser, types };
}

function median(xs: number[]): number {
	const sorted = [...xs].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)]!;
}

function printTimeline(trace: InitialSyncTrace) {
	const f = (x: number) => x.toFixed(0).padStart(5);
	console.log(`last run: ${trace.ms.toFixed(0)} ms, database open at ${trace.open.toFixed(0)} ms`);
	console.log('pull   sent  1st byte  last byte  parsed   KB');
	for (const [k, p] of trace.pulls.entries())
		console.log(
			`${String(k + 1).padStart(4)} ${f(p.start)} ${f(p.firstByte)}     ${f(p.lastByte)}      ${f(p.parsed)} ${f(p.bytes / 1024)}`
		);
	console.log('transactions (start → end, ms):');
	console.log(trace.transactions.map((t) => `${t.start.toFixed(0)}→${t.end.toFixed(0)}`).join('  '));
	const busy = trace.transactions.reduce((sum, t) => sum + t.end - t.start, 0);
	console.log(`in transactions: ${busy.toFixed(0)} ms of ${trace.ms.toFixed(0)}`);
}
