// Where a local write's time goes (not part of `npm run bench`): the local-write rounds of the client
// bench (ours, raw IndexedDB, raw IndexedDB with reads, Replicache) on a synced 10k-line replica in
// headless Chromium, printing p50 / p95 of each and the ratios. Ours is told the line's quote, as the
// quote editor tells it (LocalWriteOptions.readAhead); "no read-ahead" is not.
//   node --import tsx bench/client/profile-write.ts [writes]
// PROFILE=file.cpuprofile writes a CPU profile of the page during the timed rounds, from an unminified
// bundle (open it in Chrome's DevTools Performance panel). BLOCKS=rounds times blocks of writes
// instead (raw-writes.ts, writeBlocks): ours, the same requests by hand on the replica's own
// database, and raw puts, [writes] of each per block; what ours adds over its own requests shows
// there above a loaded machine's noise.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_PASSWORD } from '../../gateway/demo/demo-data.ts';
import { latency } from '../lib/stats.ts';
import { openSqliteBench } from '../gateway/bench-stores.ts';
import { startBenchServer } from '../gateway/bench-server.ts';
import { benchRows, seedRows } from '../gateway/fixtures.ts';
import { benchHtml, launchBenchBrowser, openBenchPage, profileCpu, type Call } from './bench-page.ts';
import { bundle, EMAIL } from './client-bench.ts';

const writes = Number(process.argv[2] ?? 200);
const profileFile = process.env.PROFILE;

const bench = await openSqliteBench();
const server = await startBenchServer(bench.store);
const profile = mkdtempSync(join(tmpdir(), 'outpost-profile-write-'));
try {
	const seeded = benchRows(0, 100);
	await seedRows(bench.store, 'org-demo', seeded);
	server.setFile('client.js', 'text/javascript', await bundle({ minify: !profileFile }));
	server.setFile('index.html', 'text/html', benchHtml('client.js'));
	server.setFile('rows', 'application/json', JSON.stringify(seeded));
	server.setFile(
		'replicache',
		'application/json',
		JSON.stringify({
			cookie: 1,
			lastMutationIDChanges: {},
			patch: seeded.map((r) => ({ op: 'put', key: `${r.table}/${r.value.id}`, value: r.value }))
		})
	);
	const context = await launchBenchBrowser(profile);
	try {
		const page = context.pages()[0] ?? (await context.newPage());
		const call = await openBenchPage(page, `${server.baseUrl}/bench/files/index.html`, console.error);
		await call('signIn', EMAIL, DEMO_PASSWORD);
		await call('loadRows', 'rows');
		await call('oursInitialSync', 10_000, true);
		await call('rawInitialPut', 'rows', true);
		const lastKey = `quoteLines/${seeded[seeded.length - 1]!.value.id}`;
		await call('replicacheInitialSync', 'replicache', lastKey, true);
		const lineIds = seeded.filter((r, k) => r.table === 'quoteLines' && k % 37 === 0).map((r) => r.value.id);

		if (process.env.BLOCKS)
			await timeBlocks(call, lineIds, Math.min(writes, lineIds.length), Number(process.env.BLOCKS));
		else {
			const stopProfile = profileFile ? await profileCpu(context, page, 100) : null;
			const { samples } = await call('localWrites', writes, lineIds, 20, 5);
			const ours = latency(samples.ours);
			const line = (name: string, s: number[]) => {
				const l = latency(s);
				return `${name.padEnd(22)} ${l.p50.toFixed(2)} / ${l.p95.toFixed(2)} ms  ours ÷ it ${(ours.p50 / l.p50).toFixed(2)}×`;
			};
			console.log(line('ours', samples.ours));
			console.log(line('ours, no read-ahead', samples.oursNoHint));
			console.log(line('raw', samples.raw));
			console.log(line('raw with reads', samples.rawReads));
			console.log(line('raw, same requests', samples.rawSame));
			console.log(line('replicache (memory)', samples.replicache));
			if (stopProfile) await stopProfile(profileFile!);
		}
	} finally {
		await context.close();
	}
} finally {
	await server.close();
	await bench.close();
	rmSync(profile, { recursive: true, force: true });
}

async function timeBlocks(call: Call, lineIds: string[], n: number, rounds: number) {
	const blocks = (await call('writeBlocks', lineIds, n, rounds)) as Record<string, number[]>;
	const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
	const ours = median(blocks.ours!);
	for (const [name, means] of Object.entries(blocks)) {
		const m = median(means);
		console.log(
			`${name.padEnd(14)} ${m.toFixed(2)} ms a write (median of ${means.length} blocks of ${n})  ours ÷ it ${(ours / m).toFixed(2)}×`
		);
	}
}
