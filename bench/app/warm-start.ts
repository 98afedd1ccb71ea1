// Warm start: the device has the app and its data, the service worker serves the shell, and the
// quote list is opened afresh. Each run is a new navigation; the page notes, from its own time
// origin, when its first script ran (the document exists: no design paints before it), when the shell
// first painted (first-contentful-paint) and the frame in which the first quote row was in the DOM.

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
