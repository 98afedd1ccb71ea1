// Warm start: the device has the app and its data, the service worker serves the shell, and the
// quote list is opened afresh. Each run is a new navigation; the page notes, from its own time
// origin, when its first script ran (the document exists: no design paints before it), when the shell
// first painted (first-contentful-paint) and the frame in which the first quote row was in the DOM.

import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { QUOTE_ROWS } from './devices.ts';

export type WarmStart = { documentStarted: number; shellPainted: number; dataPainted: number };

const REPORT_TAG = 'outpost-bench:warm-start';

/**
 * Installed before any script of the page runs, on every navigation of the device. It reports the
 * marks on the console once it has them all: waiting with page.waitForFunction would inject
 * Playwright's own script into the page while the app still starts, and time its compilation too.
 */
function watchFirstRow(selector: string, reportTag: string): void {
	const marks = { documentStarted: performance.now(), shellPainted: -1, dataPainted: -1 };
	(globalThis as unknown as { __warmStart: typeof marks }).__warmStart = marks;
	const reportWhenDone = () => {
		if (marks.shellPainted >= 0 && marks.dataPainted >= 0) console.debug(reportTag, JSON.stringify(marks));
	};
	new PerformanceObserver((list) => {
		for (const entry of list.getEntries())
			if (entry.name === 'first-contentful-paint') marks.shellPainted = entry.startTime;
		reportWhenDone();
	}).observe({ type: 'paint', buffered: true });
	const observer = new MutationObserver(() => {
		if (!document.querySelector(selector)) return;
		observer.disconnect();
		requestAnimationFrame(() => {
			marks.dataPainted = performance.now();
			reportWhenDone();
		});
	});
	observer.observe(document, { childList: true, subtree: true });
}

export async function installWarmStartWatch(page: Page): Promise<void> {
	await page
		.context()
		.addInitScript(`(${watchFirstRow.toString()})(${JSON.stringify(QUOTE_ROWS)}, ${JSON.stringify(REPORT_TAG)})`);
}

export async function warmStart(page: Page, url: string): Promise<WarmStart> {
	await page.goto('about:blank');
	const report = page.waitForEvent('console', (message) => message.text().startsWith(REPORT_TAG));
	await page.goto(url);
	const marks = JSON.parse((await report).text().slice(REPORT_TAG.length + 1)) as WarmStart;
	const fromWorker = await page.evaluate(() => {
		const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
		return (nav?.workerStart ?? 0) > 0;
	});
	if (!fromWorker) throw new Error('The warm start was not served by the service worker');
	return marks;
}

export type TraceEvent = { name: string; pid: number; args?: { data?: { url?: string; consumedCacheSize?: number } } };

/** One more warm start, traced: the Chromium trace's events (for Perfetto). */
export async function tracedWarmStart(page: Page, url: string): Promise<TraceEvent[]> {
	const cdp = await page.context().newCDPSession(page);
	const events: TraceEvent[] = [];
	// The protocol's types call every event field a string; pid is a number and args an object.
	cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
	const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
	await cdp.send('Tracing.start', {
		traceConfig: {
			includedCategories: ['devtools.timeline', 'v8', 'v8.execute', 'disabled-by-default-v8.compile', 'loading']
		},
		transferMode: 'ReportEvents'
	});
	await warmStart(page, url);
	await cdp.send('Tracing.end');
	await complete;
	await cdp.detach();
	return events;
}

/** V8 caches no script under 1 KiB of source. */
const CODE_CACHE_FLOOR = 1024;

/**
 * The module scripts the traced start compiled, by whether V8 took each from its code cache, and
 * those it compiled afresh although big enough to cache (sized from the served `webDir`).
 */
export function moduleCompiles(events: TraceEvent[], webDir: string) {
	// The renderer the start's document loaded in: the last start's, when Chromium reused it.
	const pid = events.findLast((e) => e.name === 'NavigationBodyLoader::StartLoadingBody')?.pid;
	const modules = events.filter((e) => e.pid === pid && e.name === 'v8.compileModule');
	const afresh = modules.filter((e) => !e.args?.data?.consumedCacheSize).map((e) => e.args?.data?.url ?? '');
	// An inline module has no file of its own, and V8 caches it with the page, not alone.
	const size = (url: string) => statSync(join(webDir, new URL(url).pathname), { throwIfNoEntry: false })?.size ?? 0;
	const cacheable = afresh.filter((url) => url !== '' && size(url) >= CODE_CACHE_FLOOR);
	// Blink's memory cache lives in the renderer: a hit means this start reused the last one's process.
	const fromMemoryCache = events.filter((e) => e.pid === pid && e.name === 'ResourceMarkAsCached').length;
	return {
		modules: modules.length,
		cached: modules.length - afresh.length,
		afreshCacheable: cacheable.length,
		fromMemoryCache
	};
}
