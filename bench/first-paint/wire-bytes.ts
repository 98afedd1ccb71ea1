// What the sign-in page makes a browser download before it can run: every script the page loads
// on a first visit (no service worker, empty cache), as transferred (compressed) and as decoded.

import { chromium } from 'playwright-core';

export type ScriptBytes = { files: number; transferredKB: number; decodedKB: number };

export async function firstScreenScripts(baseUrl: string): Promise<ScriptBytes> {
	const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
	try {
		// A first visit: no service worker to answer from its cache, and a phone's viewport.
		const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 412, height: 823 } });
		const page = await context.newPage();
		const scripts: Promise<{ transferred: number; decoded: number }>[] = [];
		page.on('requestfinished', (request) => {
			if (request.resourceType() !== 'script') return;
			scripts.push(
				(async () => {
					const [sizes, response] = await Promise.all([request.sizes(), request.response()]);
					const decoded = (await response?.body())?.length ?? 0;
					return { transferred: sizes.responseBodySize, decoded };
				})()
			);
		});
		await page.goto(`${baseUrl}/`);
		await page.getByRole('heading', { name: 'Sign in to Outpost' }).waitFor();
		await page.waitForLoadState('networkidle');
		const measured = await Promise.all(scripts);
		await context.close();
		const sum = (pick: (s: { transferred: number; decoded: number }) => number) =>
			measured.reduce((total, s) => total + pick(s), 0) / 1024;
		return { files: measured.length, transferredKB: sum((s) => s.transferred), decodedKB: sum((s) => s.decoded) };
	} finally {
		await browser.close();
	}
}
