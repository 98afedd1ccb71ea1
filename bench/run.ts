// npm run bench [-- --quick] [-- --only=gateway|client|quotes|search|psa|distributors|first-paint|app]: the sync rows of DESIGN section 8, each
// beside a reference measured in the same run. Prints tables; exits non-zero only when a bench
// cannot run (a missed target is reported, not fatal: these machines are noisy).

import { execSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { appTable } from './app/app-bench.ts';
import { clientTable } from './client/client-bench.ts';
import { distributorTable } from './distributors/distributor-bench.ts';
import { firstPaintTable } from './first-paint/first-paint-bench.ts';
import { gatewayTable } from './gateway/gateway-table.ts';
import { ingramTable } from './distributors/ingram-bench.ts';
import { psaTable } from './psa/psa-bench.ts';
import { quoteTable } from './quotes/quote-bench.ts';
import { searchTable } from './search/search-bench.ts';
import { renderTable, tally, type Table } from './lib/report.ts';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const only = args.find((a) => a.startsWith('--only='))?.slice('--only='.length);
const SECTIONS = ['gateway', 'client', 'quotes', 'search', 'psa', 'distributors', 'first-paint', 'app'];
if (only && !SECTIONS.includes(only)) {
	console.error(`Unknown --only=${only}: use one of ${SECTIONS.map((s) => `--only=${s}`).join(', ')}.`);
	process.exit(2);
}
const started = performance.now();
const log = (message: string) =>
	console.error(`[bench ${((performance.now() - started) / 1000).toFixed(1)}s] ${message}`);

console.log(`# Outpost bench${quick ? ' (--quick: smoke run, small samples)' : ''}`);
console.log(
	`Node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown CPU'}), load average ${loadavg()[0]!.toFixed(1)} at start`
);
console.log(`Code: ${revision()}`);

function revision(): string {
	try {
		const head = execSync('git rev-parse --short HEAD', {
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'ignore']
		}).trim();
		const dirty =
			execSync('git status --porcelain --untracked-files=no', {
				encoding: 'utf8',
				stdio: ['ignore', 'pipe', 'ignore']
			}).trim() !== '';
		return `${head}${dirty ? ' with uncommitted changes' : ''}`;
	} catch {
		return 'unknown (no git)';
	}
}

const tables: Table[] = [];
if (!only || only === 'gateway') {
	const table = await gatewayTable(
		quick
			? { backgroundLines: 1_000, requests: 60, warmup: 10, batches: 3, throughputMs: 700, importProducts: 10_000, log }
			: {
					backgroundLines: 5_000,
					requests: 300,
					warmup: 30,
					batches: 8,
					throughputMs: 2_000,
					importProducts: 100_000,
					log
				}
	);
	console.log(renderTable(table));
	tables.push(table);
}
if (!only || only === 'client') {
	const table = await clientTable(
		quick
			? {
					sizes: [{ lines: 2_000, runs: 1 }],
					localWrites: 40,
					queue: { pending: 10_000, drained: 1_000 },
					pulls: 40,
					warmup: 5,
					log
				}
			: {
					sizes: [
						{ lines: 10_000, runs: 3 },
						{ lines: 50_000, runs: 1 }
					],
					localWrites: 200,
					queue: { pending: 10_000, drained: 1_000 },
					pulls: 300,
					warmup: 20,
					log
				}
	);
	console.log(renderTable(table));
	tables.push(table);
}
if (!only || only === 'quotes') {
	const size = { products: 5_000, openQuotes: 10, openLines: 200, listQuotes: 500, listLines: 20 };
	const table = await quoteTable(
		quick ? { ...size, opens: 15, listOpens: 3, warmup: 3, log } : { ...size, opens: 60, listOpens: 10, warmup: 5, log }
	);
	console.log(renderTable(table));
	tables.push(table);
}
if (!only || only === 'search') {
	const table = searchTable(
		quick ? { products: 5_000, passes: 1, builds: 2, log } : { products: 5_000, passes: 5, builds: 5, log }
	);
	console.log(renderTable(table));
	tables.push(table);
}

if (!only || only === 'psa') {
	const table = await psaTable(quick ? { quotes: 10, lines: 3, log } : { quotes: 60, lines: 3, log });
	console.log(renderTable(table));
	tables.push(table);
}
if (!only || only === 'distributors') {
	const tdsynnex = await distributorTable(quick ? { lines: 50, runs: 10, log } : { lines: 50, runs: 60, log });
	console.log(renderTable(tdsynnex));
	tables.push(tdsynnex);
	const ingram = await ingramTable(quick ? { quotes: 10, lines: 50, log } : { quotes: 100, lines: 50, log });
	console.log(renderTable(ingram));
	tables.push(ingram);
}
if (!only || only === 'first-paint') {
	const table = await firstPaintTable(quick ? { rssRuns: 1, idleMs: 2_000, log } : { rssRuns: 3, idleMs: 3_000, log });
	console.log(renderTable(table));
	tables.push(table);
}
if (!only || only === 'app') {
	const table = await appTable(
		quick ? { warmStarts: 5, edits: 10, warmup: 2, log } : { warmStarts: 15, edits: 40, warmup: 3, log }
	);
	console.log(renderTable(table));
	tables.push(table);
}

const verdict = tally(tables);
console.log(`\nTargets met: ${verdict.met} of ${verdict.met + verdict.missed}.`);
for (const line of verdict.rows) console.log(`  missed: ${line}`);
console.log(
	`Load average ${loadavg()[0]!.toFixed(1)} at the end; total bench time ${((performance.now() - started) / 1000).toFixed(0)} s.`
);
