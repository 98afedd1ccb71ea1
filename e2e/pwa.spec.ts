// The PWA shell against the production build served by the gateway: manifest and icons, the service
// worker taking control, its precache, offline navigation, /api left to the network, and the update
// prompt. Chromium only (pwa.md §11); it asserts shell-level things, not the screens.

import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

test.use({ serviceWorkers: 'allow' });

const THEME = '#0f4c5c';
const UPDATE_TEXT = 'A new version of Outpost is available.';
const OFFLINE_READY_TEXT = 'Outpost is ready to work offline.';

const WORKER_FILE = fileURLToPath(new URL('../build/service-worker.js', import.meta.url));
const NEXT_BUILD_MARKER = `self.addEventListener('message', (e) => e.data?.type === 'OUTPOST_TEST_BUILD' && e.ports[0]?.postMessage('next'));`;

type ManifestIcon = { src: string; sizes: string; type: string; purpose?: string };

async function controlledPage(page: Page) {
	await page.goto('/');
	await expect
		.poll(() => page.evaluate(async () => Boolean(await navigator.serviceWorker.getRegistration())), {
			message: 'no service worker registered: is <UpdatePrompt /> mounted in the root layout?'
		})
		.toBe(true);
	await page.evaluate(async () => void (await navigator.serviceWorker.ready));
	// clients.claim() normally takes the first visit; reload once if the worker was not in time.
	if (!(await page.evaluate(() => Boolean(navigator.serviceWorker.controller)))) await page.reload();
	await expect.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);
}

async function goOffline(context: BrowserContext) {
	await context.setOffline(true);
	// setOffline does not cover the worker's own requests (microsoft/playwright#2311).
	await context.route('**', (route) =>
		route.request().serviceWorker() ? route.abort('internetdisconnected') : route.continue()
	);
}

async function precachedPaths(page: Page) {
	return page.evaluate(async () => {
		const paths: string[] = [];
		for (const name of await caches.keys()) {
			const cache = await caches.open(name);
			for (const request of await cache.keys()) paths.push(new URL(request.url).pathname);
		}
		return paths;
	});
}

async function expectAppShell(page: Page) {
	// Screens may prefix their own name ("Sign in · Outpost").
	await expect(page).toHaveTitle(/Outpost/);
	// The SPA fallback's root element, filled by the client-side app once its JS ran.
	const root = page.locator('body > div[style*="display: contents"]');
	await expect(root).toHaveCount(1);
	await expect.poll(() => root.evaluate((el) => el.childElementCount)).toBeGreaterThan(0);
}

function pngSize(body: Buffer) {
	expect(body.subarray(1, 4).toString('ascii')).toBe('PNG');
	return `${body.readUInt32BE(16)}x${body.readUInt32BE(20)}`;
}

test('the static HTML links the manifest, whose fields and icons are installable', async ({ page, request }) => {
	// Static tags in app.html, not <svelte:head>: with ssr = false only these are in 200.html (pwa.md §6).
	const html = await (await request.get('/quotes/some-id')).text();
	expect(html).toContain('<link rel="manifest" href="/manifest.webmanifest"');
	expect(html).toContain('rel="apple-touch-icon"');

	await page.goto('/');
	const href = await page.locator('link[rel="manifest"]').getAttribute('href');
	expect(href).toBe('/manifest.webmanifest');
	await expect(page.locator('meta[name="theme-color"]')).toHaveAttribute('content', THEME);

	const response = await request.get(href!);
	expect(response.status()).toBe(200);
	expect(response.headers()['content-type']).toContain('application/manifest+json');
	const manifest = await response.json();
	expect(manifest).toMatchObject({
		id: '/',
		name: 'Outpost',
		short_name: 'Outpost',
		start_url: '/',
		scope: '/',
		display: 'standalone',
		theme_color: THEME,
		background_color: '#f7f7f5'
	});
	expect(manifest.description).toEqual(expect.any(String));
	expect(manifest.prefer_related_applications ?? false).toBe(false);

	const icons: ManifestIcon[] = manifest.icons;
	for (const purpose of ['any', 'maskable']) {
		const sizes = icons.filter((icon) => (icon.purpose ?? 'any') === purpose).map((icon) => icon.sizes);
		expect(sizes, `${purpose} icons`).toEqual(expect.arrayContaining(['192x192', '512x512']));
	}
	// One purpose per file: "any maskable" on a single icon makes Chrome warn (pwa.md §2).
	for (const icon of icons) expect(icon.purpose ?? 'any').toMatch(/^(any|maskable)$/);

	const appleTouchIcon = { src: '/apple-touch-icon.png', sizes: '180x180', type: 'image/png' };
	for (const icon of [...icons, appleTouchIcon]) {
		const file = await request.get(icon.src);
		expect(file.status(), icon.src).toBe(200);
		expect(file.headers()['content-type'], icon.src).toBe('image/png');
		expect(pngSize(await file.body()), icon.src).toBe(icon.sizes);
	}
});

test('the first frame needs no script and no stylesheet: the brand bar and the styles are in the page', async ({
	browser,
	page,
	request
}) => {
	const html = await (await request.get('/quotes/some-id')).text();
	const blocking = [...html.matchAll(/<link\b[^>]*rel="stylesheet"[^>]*>/g)].filter(
		(link) => !/\bdisabled\b/.test(link[0])
	);
	expect(blocking.map((link) => link[0])).toEqual([]);

	const noScript = await browser.newContext({ javaScriptEnabled: false });
	try {
		const bare = await noScript.newPage();
		await bare.goto('/quotes/some-id');
		const bar = bare.locator('.boot-bar');
		await expect(bar).toBeVisible();
		await expect(bar).toHaveCSS('background-color', 'rgb(15, 76, 92)');
		await expect(bar).toHaveAttribute('aria-hidden', 'true');
	} finally {
		await noScript.close();
	}

	// Once the app has mounted, its own bar stands in the same place and the page's bar is gone.
	await page.goto('/');
	await expect(page.getByTestId('app-bar')).toBeVisible();
	await expect(page.locator('.boot-bar')).toBeHidden();
});

test('the service worker takes control and precaches the shell and the app JS', async ({ page, request }) => {
	await controlledPage(page);
	const paths = await precachedPaths(page);

	expect(paths).toContain('/200.html');
	expect(paths).toContain('/manifest.webmanifest');
	expect(paths).toContain('/icons/icon-192.png');
	expect(paths.some((path) => /^\/_app\/immutable\/entry\/start\.[\w-]+\.js$/.test(path))).toBe(true);
	expect(paths.some((path) => path.startsWith('/api/'))).toBe(false);
	// Every script the shell itself loads must be there, or a cold start offline breaks.
	const shell = await (await request.get('/200.html')).text();
	const referenced = [...shell.matchAll(/\/_app\/immutable\/[\w./-]+\.js/g)].map((match) => match[0]);
	expect(referenced.length).toBeGreaterThan(0);
	for (const path of referenced) expect(paths, path).toContain(path);
});

test('the hashed chunks are read from the precache by a static route, not through the worker', async ({ page }) => {
	await controlledPage(page);
	await page.reload();
	await expectAppShell(page);
	const sources = await page.evaluate(() =>
		(performance.getEntriesByType('resource') as PerformanceResourceTiming[])
			.filter((entry) => new URL(entry.name).pathname.startsWith('/_app/immutable/'))
			.map((entry) => (entry as unknown as { workerFinalSourceType: string }).workerFinalSourceType)
	);
	expect(sources.length).toBeGreaterThan(0);
	expect([...new Set(sources)]).toEqual(['cache']);
});

test('offline, deep links and / render the app shell from the precache', async ({ page, context }) => {
	await controlledPage(page);
	const errors: string[] = [];
	page.on('pageerror', (error) => errors.push(error.message));
	await goOffline(context);

	for (const path of ['/quotes/some-id', '/admin/issues', '/']) {
		const response = await page.goto(path);
		expect(response?.fromServiceWorker(), path).toBe(true);
		await expectAppShell(page);
	}
	expect(errors).toEqual([]);
});

test('/api is left to the network: never answered by the worker', async ({ page, context }) => {
	await controlledPage(page);

	const [online] = await Promise.all([
		page.waitForResponse('**/api/health'),
		page.evaluate(() => fetch('/api/health'))
	]);
	expect(online.status()).toBe(200);
	expect(online.fromServiceWorker()).toBe(false);

	await goOffline(context);
	const offline = await page.evaluate(() =>
		fetch('/api/health').then(
			(response) => `status ${response.status}`,
			() => 'failed'
		)
	);
	expect(offline).toBe('failed');
	// The navigation fallback's denylist: an /api/ URL opened offline must not get the app shell.
	await expect(page.goto('/api/health')).rejects.toThrow(/ERR_INTERNET_DISCONNECTED/);
});

test('the first install says the app is ready offline, then the message goes away', async ({ page }) => {
	await page.goto('/');
	const toast = page.getByRole('status').filter({ hasText: OFFLINE_READY_TEXT });
	await expect(toast).toBeVisible();
	await expect(toast).toBeHidden({ timeout: 10_000 });
});

test('a new worker waits behind the prompt and Reload switches to it', async ({ page }) => {
	await controlledPage(page);
	// Deploy "build B": the same worker plus a marker that answers which build it is. Playwright cannot
	// route the browser's own fetch of the worker script, so the served file changes on disk (the
	// gateway reads build/ per request) and is restored afterwards.
	const original = await readFile(WORKER_FILE, 'utf8');
	try {
		await writeAtomically(WORKER_FILE, `${original}\n${NEXT_BUILD_MARKER}\n`);
		await page.evaluate(async () => (await navigator.serviceWorker.ready).update());

		const prompt = page.getByRole('status').filter({ hasText: UPDATE_TEXT });
		await expect(prompt).toBeVisible();
		expect(await workerState(page)).toEqual({ waiting: true, controller: 'previous' });

		await prompt.getByRole('button', { name: 'Later' }).click();
		await expect(prompt).toBeHidden();
		// Later keeps the old version running; the prompt comes back on the next load.
		await page.reload();
		await expect(prompt).toBeVisible();
		expect(await workerState(page)).toEqual({ waiting: true, controller: 'previous' });

		await Promise.all([page.waitForEvent('load'), prompt.getByRole('button', { name: 'Reload' }).click()]);
		await expect.poll(() => workerState(page)).toEqual({ waiting: false, controller: 'next' });
		await expect(page.getByText(UPDATE_TEXT)).toHaveCount(0);
		await expectAppShell(page);
	} finally {
		await writeAtomically(WORKER_FILE, original);
	}
});

async function writeAtomically(file: string, text: string) {
	await writeFile(`${file}.tmp`, text);
	await rename(`${file}.tmp`, file);
}

/** Whether a new worker waits, and which build the controlling worker is ("next" has the marker). */
function workerState(page: Page) {
	return page.evaluate(async () => {
		const registration = await navigator.serviceWorker.getRegistration();
		const controller = await new Promise<string>((resolve) => {
			const channel = new MessageChannel();
			channel.port1.onmessage = (event) => resolve(String(event.data));
			navigator.serviceWorker.controller?.postMessage({ type: 'OUTPOST_TEST_BUILD' }, [channel.port2]);
			setTimeout(() => resolve(navigator.serviceWorker.controller ? 'previous' : 'none'), 500);
		});
		return { waiting: Boolean(registration?.waiting), controller };
	});
}
