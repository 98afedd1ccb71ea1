// A device for the app bench: headless Chromium with a profile of its own on disk (so IndexedDB and
// the service worker outlive a navigation), signed in to the built app through its sign-in form,
// controlled by the service worker and holding its first sync.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../gateway/demo/demo-data.ts';

export type Device = { context: BrowserContext; page: Page; close(): Promise<void> };

const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	// Two devices side by side: neither is throttled as a background window.
	'--disable-background-timer-throttling',
	'--disable-renderer-backgrounding',
	'--disable-backgrounding-occluded-windows'
];

/** The quote list's rows, as the first data a warm start paints. */
export const QUOTE_ROWS = 'ul[aria-label="Quotes"] > li';

/** `baseUrl` names a host other than localhost, resolved to loopback here. */
export async function openDevice(baseUrl: string, email: string, log: (message: string) => void): Promise<Device> {
	const profile = mkdtempSync(join(tmpdir(), 'outpost-bench-app-'));
	const { hostname, origin } = new URL(baseUrl);
	const context = await chromium.launchPersistentContext(profile, {
		executablePath: '/usr/bin/chromium',
		headless: true,
		args: [
			...CHROMIUM_ARGS,
			`--host-resolver-rules=MAP ${hostname} 127.0.0.1`,
			`--unsafely-treat-insecure-origin-as-secure=${origin}`
		],
		viewport: { width: 768, height: 1024 }
	});
	const close = async () => {
		await context.close();
		rmSync(profile, { recursive: true, force: true });
	};
	try {
		// tsx keeps function names with an __name helper that functions sent to page.evaluate still call.
		await context.addInitScript('globalThis.__name = (f) => f;');
		const page = context.pages()[0] ?? (await context.newPage());
		page.on('pageerror', (error) => log(`${email} page error: ${error.message}`));
		await page.goto(`${baseUrl}/`);
		const form = page.getByRole('form', { name: 'Sign in' });
		await form.getByLabel('Email').fill(email);
		await form.getByLabel('Password').fill(DEMO_PASSWORD);
		await form.getByRole('button', { name: 'Sign in' }).click();
		await page.waitForURL(/\/quotes$/).catch(async (error: unknown) => {
			throw new Error(`${email} did not reach /quotes: ${await page.locator('body').innerText()}`, { cause: error });
		});
		await page.evaluate(() => navigator.serviceWorker.ready);
		if (!(await page.evaluate(() => navigator.serviceWorker.controller !== null))) await page.reload();
		await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
		await page.locator(QUOTE_ROWS).first().waitFor();
		return { context, page, close };
	} catch (error) {
		await close();
		throw error;
	}
}
