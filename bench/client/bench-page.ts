// The client bench's browser: headless Chromium on a profile on disk, and pages that load a bench
// entry (window.outpostBench) with a typed caller of its functions. The bench rows (client-bench.ts)
// and the profile scripts open theirs here.

import { writeFileSync } from 'node:fs';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import type { outpostBench } from './entry.ts';

type Bench = typeof outpostBench;
export type Call = <K extends keyof Bench>(name: K, ...args: Parameters<Bench[K]>) => ReturnType<Bench[K]>;

export const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync'
];

/** A page of the bench server that loads `script`, one of the files it serves. */
export function benchHtml(script: string): string {
	return `<!doctype html><meta charset="utf-8"><title>Outpost bench</title><link rel="icon" href="data:,"><script type="module" src="/bench/files/${script}"></script>`;
}

export function launchBenchBrowser(profile: string): Promise<BrowserContext> {
	return chromium.launchPersistentContext(profile, {
		executablePath: '/usr/bin/chromium',
		headless: true,
		args: CHROMIUM_ARGS
	});
}

/** Opens `url` in `page`, waits for its bench entry, and answers a caller of the entry's functions. */
export async function openBenchPage(page: Page, url: string, log: (message: string) => void): Promise<Call> {
	page.on('pageerror', (error) => log(`page error: ${error.message}`));
	page.on('console', (m) => m.type() === 'error' && log(`page console: ${m.text()}`));
	await page.goto(url);
	await page.waitForFunction(() => 'outpostBench' in globalThis);
	return ((name: string, ...args: unknown[]) =>
		page.evaluate(([n, a]) => (globalThis as any).outpostBench[n](...a), [name, args] as const)) as Call;
}

/** Starts V8's sampling profiler in `page`; the answer stops it and writes the profile to `file`. */
export async function profileCpu(
	context: BrowserContext,
	page: Page,
	intervalMicroseconds: number
): Promise<(file: string) => Promise<void>> {
	const cdp = await context.newCDPSession(page);
	await cdp.send('Profiler.enable');
	await cdp.send('Profiler.setSamplingInterval', { interval: intervalMicroseconds });
	await cdp.send('Profiler.start');
	return async (file) => {
		const { profile } = await cdp.send('Profiler.stop');
		writeFileSync(file, JSON.stringify(profile));
		console.log(`CPU profile written to ${file}`);
	};
}
