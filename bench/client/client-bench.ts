// The client rows of DESIGN section 8 in headless Chromium: local write, initial sync (10k rows,
// and 50k in a full run), pull with nothing new. Each runs our real client code against a real
// gateway (SQLite, started here) beside raw IndexedDB and Replicache in the same page.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { BrowserContext, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../gateway/demo/demo-data.ts';
import type { Row, Table } from '../lib/report.ts';
import { duration, latency } from '../lib/stats.ts';
import { TARGETS } from '../lib/targets.ts';
import { openSqliteBench } from '../gateway/bench-stores.ts';
import { startBenchServer, type BenchServer } from '../gateway/bench-server.ts';
import { benchRows, seedRows, type BenchRow } from '../gateway/fixtures.ts';
import { benchHtml, launchBenchBrowser, openBenchPage, type Call } from './bench-page.ts';

export type ClientBenchOptions = {
	/** Initial-sync sizes in quote lines (100 a quote), each run `runs` times; the last is kept. */
	sizes: { lines: number; runs: number }[];
	localWrites: number;
	/** The offline queue: writes timed beside `pending` queued mutations, and `drained` sent on reconnect. */
	queue: { pending: number; drained: number };
	pulls: number;
	warmup: number;
	log: (message: string) => void;
};

export const EMAIL = 'sales@demo.outpost.test';

export async function clientTable(o: ClientBenchOptions): Promise<Table> {
	const bench = await openSqliteBench();
	const server = await startBenchServer(bench.store);
	const profile = mkdtempSync(join(tmpdir(), 'outpost-bench-chromium-'));
	const rows: Row[] = [];
	const notes: string[] = [
		'Headless Chromium with a profile on disk (IndexedDB on disk, not an incognito in-memory store); Dexie.debug off, as on a non-localhost origin.',
		'Replicache 15 (ReplicacheImpl) runs the same shared mutation code through a Tx adapter; "memory" is when its mutator or pull resolves, "persisted" adds its persist() to IndexedDB.',
		'Local write: ours is told the line’s quote, as the quote editor tells it (LocalWriteOptions.readAhead), so the quote is read beside the line; the raw rows with reads read the line, then its quote.',
		'Initial sync: ours pulls pages of 2,000 rows over HTTP from the gateway (SQLite) and, with nothing pending, writes each in one native IndexedDB transaction queued behind the page before it while the next page is fetched; raw IDB puts the same rows, already in memory, in one transaction; Replicache fetches them in one response.'
	];
	try {
		o.log('client: bundling the browser entry with esbuild');
		server.setFile('client.js', 'text/javascript', await bundle());
		server.setFile('index.html', 'text/html', benchHtml('client.js'));
		const context = await launchBenchBrowser(profile);
		try {
			const page = context.pages()[0] ?? (await context.newPage());
			const call = await openBenchPage(page, `${server.baseUrl}/bench/files/index.html`, o.log);
			await call('signIn', EMAIL, DEMO_PASSWORD);

			let seeded: BenchRow[] = [];
			for (const [s, size] of o.sizes.entries()) {
				const quotes = size.lines / 100;
				const more = benchRows(seeded.length / 101, quotes - seeded.length / 101);
				o.log(`client: seeding the gateway to ${size.lines.toLocaleString('en-US')} lines`);
				await seedRows(bench.store, 'org-demo', more);
				seeded = [...seeded, ...more];
				const name = `rows-${size.lines}`;
				server.setFile(name, 'application/json', JSON.stringify(seeded));
				server.setFile(`replicache-${size.lines}`, 'application/json', replicachePull(seeded));
				await call('loadRows', name);
				const lastKey = `quoteLines/${seeded[seeded.length - 1]!.value.id}`;
				const runs = {
					ours: [] as number[],
					raw: [] as number[],
					bulk: [] as number[],
					chunked: [] as number[],
					queryable: [] as number[],
					persisted: [] as number[]
				};
				const keep = s === 0;
				for (let r = 0; r < size.runs; r++) {
					o.log(`client: initial sync of ${size.lines.toLocaleString('en-US')} lines, run ${r + 1} of ${size.runs}`);
					const last = keep && r === size.runs - 1;
					runs.ours.push((await call('oursInitialSync', size.lines, last)).ms);
					runs.raw.push((await call('rawInitialPut', name, last)).ms);
					runs.bulk.push((await call('dexieBulkPut', name, 2_000)).ms);
					runs.chunked.push((await call('chunkedInitialPut', name)).ms);
					const replicache = await call('replicacheInitialSync', `replicache-${size.lines}`, lastKey, last);
					runs.queryable.push(replicache.queryable);
					runs.persisted.push(replicache.persisted);
				}
				const label = `initial sync, ${size.lines.toLocaleString('en-US')} lines + ${quotes} quotes`;
				const ours = duration(runs.ours);
				const target =
					size.lines === 10_000 ? TARGETS.initialSync10k : size.lines === 50_000 ? TARGETS.initialSync50k : undefined;
				rows.push(
					{
						metric: label,
						reference: 'raw IDB put of the same rows, 1 tx',
						target,
						cells: { chromium: { ours, reference: duration(runs.raw) } }
					},
					{
						metric: label,
						reference: 'Dexie bulkPut of the same rows, 2,000 per tx',
						cells: { chromium: { ours, reference: duration(runs.bulk) } }
					},
					{
						metric: label,
						reference: 'raw IDB put, one record per quote with its lines, 1 tx',
						cells: { chromium: { ours, reference: duration(runs.chunked) } }
					},
					{
						metric: label,
						reference: 'Replicache pull, queryable (memory)',
						cells: { chromium: { ours, reference: duration(runs.queryable) } }
					},
					{
						metric: label,
						reference: 'Replicache pull + persist()',
						target: size.lines >= 10_000 ? TARGETS.initialSyncVsReplicache : undefined,
						cells: { chromium: { ours, reference: duration(runs.persisted) } }
					}
				);
				if (keep) {
					await pullRows(call, server, o, rows);
					await localWriteRows(call, seeded, o, rows);
					notes.push(await liveQueryCheck(call, context, server, seeded));
					await offlineQueueRows(call, server, seeded, o, rows);
				}
				await call('dropAll');
			}
			notes.push(
				`Runs per size: ${o.sizes.map((s) => `${s.lines.toLocaleString('en-US')} lines × ${s.runs}`).join(', ')} (median shown).`
			);
			notes.push(`Chromium ${context.browser()?.version() ?? (await page.evaluate(() => navigator.userAgent))}.`);
		} finally {
			await context.close();
		}
	} finally {
		await server.close();
		await bench.close();
		rmSync(profile, { recursive: true, force: true });
	}
	return { title: 'Client (headless Chromium, real gateway on loopback)', sets: ['chromium'], rows, notes };
}

async function pullRows(call: Call, server: BenchServer, o: ClientBenchOptions, rows: Row[]) {
	o.log('client: pull with nothing new, from the browser');
	const { clientID, cookie } = await call('oursClient');
	const response = await fetch(`${server.baseUrl}/api/sync/pull`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', cookie: await server.login(EMAIL) },
		body: JSON.stringify({ clientGroupID: clientID, clientID, cookie })
	});
	server.setBare('browser-pull-noop', await response.json());
	const s = await call('pullNoop', o.pulls, o.warmup);
	const bare = latency(s.bare);
	rows.push(
		{
			metric: 'pull, nothing new (browser fetch + JSON)',
			reference: 'bare Hono, same-size JSON',
			target: TARGETS.pullNoop,
			cells: { chromium: { ours: latency(s.http), reference: bare } }
		},
		{
			metric: 'pull, nothing new + applyPull (1 IDB tx)',
			reference: 'bare Hono, same-size JSON',
			cells: { chromium: { ours: latency(s.cycle), reference: bare } }
		}
	);
}

/**
 * A browser check of what the bench rows cannot see: a local write wakes the live queries that read
 * it, in the page that wrote it and in another page (Dexie's cross-tab event). Fails the run if not.
 */
async function liveQueryCheck(call: Call, context: BrowserContext, server: BenchServer, seeded: BenchRow[]) {
	const id = seeded.find((r) => r.table === 'quoteLines')!.value.id;
	const other = await context.newPage();
	try {
		await other.goto(`${server.baseUrl}/bench/files/index.html`);
		await other.waitForFunction(() => 'outpostBench' in globalThis);
		const name = await call('armWatch', null, id, 777);
		await other.evaluate(([n, i]) => (globalThis as any).outpostBench.armWatch(n, i, 777), [name, id] as const);
		const started = await call('writeLine', id, 777);
		const here = (await call('watched')) - started;
		const there = ((await other.evaluate(() => (globalThis as any).outpostBench.watched())) as number) - started;
		return `A local write reached a live query on its line in ${here.toFixed(1)} ms in the page that wrote it and in ${there.toFixed(1)} ms in another page (one write each; from the start of the write).`;
	} finally {
		await other.close();
	}
}

async function localWriteRows(call: Call, seeded: BenchRow[], o: ClientBenchOptions, rows: Row[]) {
	o.log('client: local writes');
	const lineIds = seeded.filter((r, k) => r.table === 'quoteLines' && k % 37 === 0).map((r) => r.value.id);
	const { samples, pending } = await call('localWrites', o.localWrites, lineIds, o.warmup, 5);
	if (pending < o.localWrites) throw new Error(`Only ${pending} local writes reached the outbox.`);
	const ours = latency(samples.ours);
	const metric = 'local write: updateQuoteLine (rows + outbox, 1 tx)';
	rows.push(
		{
			metric,
			reference: 'raw IDB put line, put quote, add outbox, 1 tx',
			target: TARGETS.localWrite,
			cells: { chromium: { ours, reference: latency(samples.raw) } }
		},
		{
			metric,
			reference: 'ours without the read-ahead of the line’s quote',
			cells: { chromium: { ours, reference: latency(samples.oursNoHint) } }
		},
		{
			metric,
			reference: 'raw IDB reading line and quote first, then the same',
			cells: { chromium: { ours, reference: latency(samples.rawReads) } }
		},
		{
			metric,
			reference: 'raw IDB making the same requests (reads, rows as they were in the outbox entry)',
			cells: { chromium: { ours, reference: latency(samples.rawSame) } }
		},
		{
			metric,
			reference: 'Replicache mutator (memory)',
			cells: { chromium: { ours, reference: latency(samples.replicache) } }
		},
		{
			metric,
			reference: 'Replicache mutator + persist(), every 5th round',
			cells: { chromium: { ours, reference: latency(samples.replicachePersisted) } }
		}
	);
}

async function offlineQueueRows(
	call: Call,
	server: BenchServer,
	seeded: BenchRow[],
	o: ClientBenchOptions,
	rows: Row[]
) {
	const lineIds = seeded.filter((r, k) => r.table === 'quoteLines' && k % 37 === 0).map((r) => r.value.id);
	const pending = o.queue.pending.toLocaleString('en-US');
	o.log(`client: local writes with ${pending} mutations pending`);
	const { samples, queueLength } = await call('queuedWrites', o.localWrites, lineIds, o.warmup, o.queue.pending);
	if (queueLength < o.queue.pending) throw new Error(`Only ${queueLength} mutations were queued.`);
	rows.push({
		metric: `local write with ${pending} mutations pending`,
		reference: 'the same write, empty outbox',
		target: TARGETS.writeWithQueue,
		cells: { chromium: { ours: latency(samples.queued), reference: latency(samples.empty) } }
	});

	const drained = o.queue.drained.toLocaleString('en-US');
	o.log(`client: ${drained} offline mutations drained on reconnect`);
	server.setBare('drain', { lastMutationIDChanges: {} });
	const runs = { ours: [] as number[], reference: [] as number[] };
	for (let r = 0; r < 3; r++) {
		const drain = await call('drainAfterReconnect', o.queue.drained, lineIds);
		runs.ours.push(drain.ms);
		runs.reference.push(drain.reference);
	}
	rows.push({
		metric: `${drained} offline mutations pushed and confirmed after reconnect`,
		reference: 'the same push bodies to bare Hono',
		target: TARGETS.drainThousand,
		cells: { chromium: { ours: duration(runs.ours), reference: duration(runs.reference) } }
	});
}

/** The rows as one Replicache pull response (cookie 1, every row a put). */
function replicachePull(rows: BenchRow[]): string {
	return JSON.stringify({
		cookie: 1,
		lastMutationIDChanges: {},
		patch: rows.map((r) => ({ op: 'put', key: `${r.table}/${r.value.id}`, value: r.value }))
	});
}

/** The browser entry (this checkout's, or `entry` of another) as one ES module. */
export async function bundle(options: { minify: boolean; entry?: string } = { minify: true }): Promise<string> {
	const result = await build({
		entryPoints: [options.entry ?? fileURLToPath(new URL('./entry.ts', import.meta.url))],
		bundle: true,
		format: 'esm',
		platform: 'browser',
		target: 'chrome120',
		minify: options.minify,
		write: false,
		logLevel: 'error',
		// Replicache's production build: no dev-only assertions or freezing.
		define: { 'process.env.NODE_ENV': '"production"' }
	});
	return result.outputFiles[0]!.text;
}

export type { Page };
