// Where opening a long quote goes (not part of `npm run bench`): mounts the quote editor on the quote
// bench's replica in headless Chromium, opens a 200-line quote `opens` times and prints p50 / p95 to
// the first screen and to every line in the DOM, beside the raw IndexedDB read; then the main thread's
// CPU time per open to every line in the DOM (Chromium's ThreadTime: it hardly moves with the load
// of other processes, unlike the latencies).
//   node --import tsx bench/quotes/profile-open.ts [opens]
// PROFILE=file.cpuprofile writes a CPU profile of the page during the timed opens, from an unminified
// bundle (open it in Chrome's DevTools Performance panel).

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { latency } from '../lib/stats.ts';
import { bundle } from './quote-bench.ts';

const opens = Number(process.argv[2] ?? 40);
const profileFile = process.env.PROFILE;
const ORIGIN = 'http://outpost-bench.test';

const script = await bundle({ minify: !profileFile });
const profile = mkdtempSync(join(tmpdir(), 'outpost-profile-open-'));
const context = await chromium.launchPersistentContext(profile, {
	executablePath: '/usr/bin/chromium',
	headless: true,
	viewport: { width: 768, height: 1024 },
	args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update']
});
try {
	await context.route(`${ORIGIN}/**`, (route) =>
		new URL(route.request().url()).pathname === '/bench.js'
			? route.fulfill({ contentType: 'text/javascript', body: script })
			: route.fulfill({
					contentType: 'text/html',
					body: '<!doctype html><meta charset="utf-8"><script type="module" src="/bench.js"></script>'
				})
	);
	const page = context.pages()[0] ?? (await context.newPage());
	page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
	await page.goto(`${ORIGIN}/`);
	await page.waitForFunction(() => 'quoteBench' in globalThis);
	const call = (name: string, ...args: unknown[]) =>
		page.evaluate(([n, a]) => (globalThis as any).quoteBench[n](...a), [name, args] as const) as Promise<any>;
	await call('setup', { products: 5_000, openQuotes: 10, openLines: 200, listQuotes: 0, listLines: 20 });
	for (let r = 0; r < 5; r++) await call('openQuote', r, 200);
	const cdp = profileFile ? await context.newCDPSession(page) : null;
	if (cdp) {
		await cdp.send('Profiler.enable');
		await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
		await cdp.send('Profiler.start');
	}
	const first: number[] = [];
	const all: number[] = [];
	const raw: number[] = [];
	for (let r = 0; r < opens; r++) {
		const shown = await call('openQuote', r, 200);
		first.push(shown.first);
		all.push(shown.all);
		raw.push(await call('rawGetQuote', r));
	}
	const metrics = await context.newCDPSession(page);
	await metrics.send('Performance.enable');
	const threadTime = async () =>
		(await metrics.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ThreadTime')!.value;
	const cpu: number[] = [];
	for (let r = 0; r < opens; r++) {
		const before = await threadTime();
		await call('openToAll', r, 200);
		cpu.push((await threadTime()) - before);
	}
	const line = (name: string, s: number[]) => {
		const l = latency(s);
		return `${name.padEnd(26)} ${l.p50.toFixed(1)} / ${l.p95.toFixed(1)} ms`;
	};
	console.log(line('first screen', first));
	console.log(line('all 200 lines in DOM', all));
	console.log(line('raw IDB read', raw));
	console.log(
		line(
			'CPU to all lines in DOM',
			cpu.map((s) => s * 1_000)
		)
	);
	if (cdp && profileFile) {
		const { profile: cpu } = await cdp.send('Profiler.stop');
		writeFileSync(profileFile, JSON.stringify(cpu));
		console.log(`CPU profile written to ${profileFile}`);
	}
	await call('teardown');
} finally {
	await context.close();
	rmSync(profile, { recursive: true, force: true });
}
