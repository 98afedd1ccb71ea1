// Warm start: the device has the app and its data, the service worker serves the shell, and the
// quote list is opened afresh. Each run is a new navigation; the page notes, from its own time
// origin, when its first script ran (the document exists: no design paints before it), when the shell
// first painted (first-contentful-paint) and the frame in which the first quote row was in the DOM.

import type { Page } from 'playwright-core';
import { QUOTE_ROWS } from './devices.ts';

export type WarmStart = { documentStarted: number; shellPainted: number; dataPainted: number };

/** Installed before any script of the page runs, on every navigation of the device. */
function watchFirstRow(selector: string): void {
	const marks = { documentStarted: performance.now(), shellPainted: -1, dataPainted: -1 };
	(globalThis as unknown as { __warmStart: typeof marks }).__warmStart = marks;
	new PerformanceObserver((list) => {
		for (const entry of list.getEntries())
			if (entry.name === 'first-contentful-paint') marks.shellPainted = entry.startTime;
	}).observe({ type: 'paint', buffered: true });
	const observer = new MutationObserver(() => {
		if (!document.querySelector(selector)) return;
		observer.disconnect();
		requestAnimationFrame(() => (marks.dataPainted = performance.now()));
	});
	observer.observe(document, { childList: true, subtree: true });
}

export async function installWarmStartWatch(page: Page): Promise<void> {
	await page.context().addInitScript(watchFirstRow, QUOTE_ROWS);
}

export async function warmStart(page: Page, url: string): Promise<WarmStart> {
	await page.goto('about:blank');
	await page.goto(url);
	const marks = await page.waitForFunction(() => {
		const m = (globalThis as unknown as { __warmStart?: WarmStart }).__warmStart;
		return m && m.dataPainted >= 0 && m.shellPainted >= 0 ? m : null;
	});
	const fromWorker = await page.evaluate(() => {
		const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
		return (nav?.workerStart ?? 0) > 0;
	});
	if (!fromWorker) throw new Error('The warm start was not served by the service worker');
	return (await marks.jsonValue()) as WarmStart;
}
