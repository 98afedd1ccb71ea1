// The quote-screen rows of DESIGN section 8 in headless Chromium: open and render a 200-line quote
// from IndexedDB, catalog search as you type over 5,000 local products, and (no DESIGN row) the quote
// list with 500 quotes of 20 lines. The page is the app's real Svelte components on a Dexie replica;
// no gateway is involved, so the origin is served by Playwright's router.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import type { Row, Table } from '../lib/report.ts';
import { latency } from '../lib/stats.ts';
import { TARGETS } from '../lib/targets.ts';
import type { quoteBench, Setup } from './quote-entry.ts';
import { sveltePlugin } from './svelte-plugin.ts';

export type QuoteBenchOptions = Setup & {
	opens: number;
	listOpens: number;
	warmup: number;
	log: (message: string) => void;
};

type Bench = typeof quoteBench;
const ORIGIN = 'http://outpost-bench.test';

export async function quoteTable(o: QuoteBenchOptions): Promise<Table> {
	o.log('quotes: bundling the quote screens with esbuild and the Svelte compiler');
	const script = await bundle();
	const profile = mkdtempSync(join(tmpdir(), 'outpost-bench-quotes-'));
	const context = await chromium.launchPersistentContext(profile, {
		executablePath: '/usr/bin/chromium',
		headless: true,
		viewport: { width: 768, height: 1024 },
		args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update']
	});
	const rows: Row[] = [];
	try {
		await context.route(`${ORIGIN}/**`, (route) =>
			new URL(route.request().url()).pathname === '/bench.js'
				? route.fulfill({ contentType: 'text/javascript', body: script })
				: route.fulfill({
						contentType: 'text/html',
						body: '<!doctype html><meta charset="utf-8"><title>Quote bench</title><link rel="icon" href="data:,"><script type="module" src="/bench.js"></script>'
					})
		);
		const page = context.pages()[0] ?? (await context.newPage());
		page.on('pageerror', (error) => o.log(`page error: ${error.message}`));
		page.on('console', (m) => m.type() === 'error' && o.log(`page console: ${m.text()}`));
		await page.goto(`${ORIGIN}/`);
		await page.waitForFunction(() => 'quoteBench' in globalThis);
		const call = <K extends keyof Bench>(name: K, ...args: Parameters<Bench[K]>) =>
			page.evaluate(([n, a]) => (globalThis as any).quoteBench[n](...a), [name, args] as const) as ReturnType<Bench[K]>;

		o.log(`quotes: storing ${o.products.toLocaleString('en-US')} products and ${o.openQuotes + o.listQuotes} quotes`);
		const { products, openQuotes, openLines, listQuotes, listLines } = o;
		const { lines } = await call('setup', { products, openQuotes, openLines, listQuotes, listLines });

		o.log(`quotes: opening a ${o.openLines}-line quote ${o.opens} times`);
		const open = {
			first: [] as number[],
			all: [] as number[],
			editable: [] as number[],
			searchable: [] as number[],
			raw: [] as number[],
			query: [] as number[]
		};
		for (let r = -o.warmup; r < o.opens; r++) {
			const shown = await call('openQuote', r + o.warmup, o.openLines);
			const raw = await call('rawGetQuote', r + o.warmup);
			const query = await call('queryQuote', r + o.warmup);
			if (r < 0) continue;
			open.first.push(shown.first);
			open.all.push(shown.all);
			open.editable.push(shown.editable);
			open.searchable.push(shown.searchable);
			open.raw.push(raw);
			open.query.push(query);
		}
		const rawOpen = latency(open.raw);
		const reference = 'raw IDB get quote + getAll lines by index';
		const openMetric = `open a ${o.openLines}-line quote: mount the editor →`;
		rows.push(
			{
				metric: `${openMetric} all ${o.openLines} lines in DOM + layout`,
				reference,
				target: TARGETS.openQuote200,
				cells: { chromium: { ours: latency(open.all), reference: rawOpen } }
			},
			{
				metric: `${openMetric} all ${o.openLines} lines editable (when idle) + layout`,
				reference,
				cells: { chromium: { ours: latency(open.editable), reference: rawOpen } }
			},
			{
				metric: `${openMetric} catalog searchable (${o.products.toLocaleString('en-US')} products indexed)`,
				reference,
				cells: { chromium: { ours: latency(open.searchable), reference: rawOpen } }
			},
			{
				metric: `${openMetric} first screen (header, 10+ lines editable) + layout`,
				reference,
				cells: { chromium: { ours: latency(open.first), reference: rawOpen } }
			},
			{
				metric: `  of which the query (loadQuoteDetail, 1 tx)`,
				reference,
				cells: { chromium: { ours: latency(open.query), reference: rawOpen } }
			}
		);

		o.log('quotes: typing in the line search');
		await call('typeInEditor', o.openLines); // warm-up pass
		const keystrokes = await call('typeInEditor', o.openLines);
		const alone = await call('searchAlone');
		const filter = latency(alone.reference);
		const searchMetric = `catalog search, ${o.products.toLocaleString('en-US')} products: per keystroke`;
		rows.push(
			{
				metric: `${searchMetric}, input → listbox in DOM (editor of ${o.openLines} lines)`,
				reference: 'plain array filter on name',
				target: TARGETS.catalogKeystroke,
				cells: { chromium: { ours: latency(keystrokes), reference: filter } }
			},
			{
				metric: `${searchMetric}, searchProducts alone`,
				reference: 'plain array filter on name',
				cells: { chromium: { ours: latency(alone.ours), reference: filter } }
			}
		);

		o.log(
			`quotes: opening the list of ${o.listQuotes + o.openQuotes} quotes (${lines.toLocaleString('en-US')} lines) ${o.listOpens} times`
		);
		const list = { rows: [] as number[], totals: [] as number[], raw: [] as number[] };
		for (let r = -1; r < o.listOpens; r++) {
			const { rowsMs, totalsMs } = await call('openList', o.listQuotes + o.openQuotes);
			const rawMs = await call('rawGetList');
			if (r < 0) continue;
			list.rows.push(rowsMs);
			list.totals.push(totalsMs);
			list.raw.push(rawMs);
		}
		const rawList = latency(list.raw);
		const listMetric = `quote list, ${o.listQuotes + o.openQuotes} quotes / ${lines.toLocaleString('en-US')} lines`;
		rows.push(
			{
				metric: `${listMetric}: first ${Math.min(100, o.listQuotes)} rows in DOM`,
				reference: 'raw IDB getAll quotes, companies, lines',
				cells: { chromium: { ours: latency(list.rows), reference: rawList } }
			},
			{
				metric: `${listMetric}: every shown total in DOM`,
				reference: 'raw IDB getAll quotes, companies, lines',
				cells: { chromium: { ours: latency(list.totals), reference: rawList } }
			}
		);
		await call('teardown');
	} finally {
		await context.close();
		rmSync(profile, { recursive: true, force: true });
	}
	return {
		title: 'Quote screens (headless Chromium, the app’s Svelte components on a Dexie replica)',
		sets: ['chromium'],
		rows,
		notes: [
			'768 × 1024 viewport; IndexedDB on disk; every figure is from mounting the real component to its DOM being complete (a forced layout included, paint excluded).',
			`Open: ${o.opens} opens rotating over ${o.openQuotes} quotes of ${o.openLines} lines, each beside a raw IndexedDB read of the same quote in the same database; the editor reads the catalog (${o.products.toLocaleString('en-US')} products) once the page is idle, and an editor opened while another holds it, or within two minutes of the last one closing, finds it read and indexed.`,
			'Past the first screen a line opens as plain text, its description a focusable text box and no text area (in the DOM: found by the browser, printed), and becomes its text area and fields near the viewport, on focus, or in idle slices of at most 8 ms.',
			'Keystrokes: seven realistic searches (names, brand and model, SKU) typed one character at a time; per keystroke, from the input event to the listbox updated (flushSync).',
			'The list has no DESIGN row: it paints its rows first and sums the totals from every line a moment later.'
		]
	};
}

export async function bundle(options: { minify?: boolean } = {}): Promise<string> {
	const result = await build({
		entryPoints: [fileURLToPath(new URL('./quote-entry.ts', import.meta.url))],
		bundle: true,
		format: 'esm',
		platform: 'browser',
		target: 'chrome120',
		minify: options.minify ?? true,
		write: false,
		logLevel: 'error',
		conditions: ['svelte', 'browser', 'production'],
		plugins: [sveltePlugin],
		define: { 'process.env.NODE_ENV': '"production"' }
	});
	return result.outputFiles[0]!.text;
}
