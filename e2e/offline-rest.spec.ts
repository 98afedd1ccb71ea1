// Offline, the page rests: with a change pending and no network it attempts only a handful of
// requests (the sync backoff, the poke stream waiting for the online event), and when the signal
// returns the change is pushed and confirmed at once.

import { expect, test, type Request } from '@playwright/test';
import {
	createQuote,
	goOffline,
	goOnline,
	QuoteEditor,
	signIn,
	syncStatus,
	waitForServiceWorker,
	waitUntilSynced
} from './support/app.ts';

const OFFLINE_MS = 20_000;
const MAX_REQUESTS_OFFLINE = 3;

test('offline for 20 s with a change pending, the page attempts at most a handful of requests', async ({ browser }) => {
	test.setTimeout(90_000);
	const context = await browser.newContext();
	const page = await context.newPage();
	await signIn(page, 'sales@demo.outpost.test');
	await waitForServiceWorker(page);
	await createQuote(page, 'Acme Corporation', 'Resting offline');
	await waitUntilSynced(page);

	await goOffline(context);
	const editor = new QuoteEditor(page);
	await editor.addLine('Written with no signal', '2', '40.00');
	await expect(page.getByTestId('pending-count')).toHaveText('1 pending');
	await expect(syncStatus(page)).toHaveAttribute('data-connection', 'offline');

	const attempted: string[] = [];
	const count = (request: Request) => {
		if (new URL(request.url()).pathname.startsWith('/api/')) attempted.push(new URL(request.url()).pathname);
	};
	page.on('request', count);
	await page.waitForTimeout(OFFLINE_MS);
	page.off('request', count);
	test
		.info()
		.annotations.push({ type: 'requests offline', description: `${attempted.length}: ${attempted.join(' ')}` });
	expect(attempted.length).toBeLessThanOrEqual(MAX_REQUESTS_OFFLINE);
	await expect(page.getByTestId('pending-count')).toHaveText('1 pending');

	await goOnline(context);
	// The online event wakes the loop at once; it does not wait out the backoff (up to a minute).
	await expect(page.getByTestId('pending-count')).toHaveCount(0, { timeout: 5_000 });
	await expect(syncStatus(page)).toHaveAttribute('data-connection', 'connected');
	await context.close();
});
