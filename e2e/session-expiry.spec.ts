// A session that expires while the device is offline costs nothing: work goes on locally, the
// outbox waits in needs-auth, and signing in again drains it.

import { expect, test } from '@playwright/test';
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

test('the session expires offline; changes wait and sync after signing in again', async ({ browser }) => {
	const context = await browser.newContext();
	const page = await context.newPage();
	await signIn(page, 'sales@demo.outpost.test');
	await waitForServiceWorker(page);
	const path = await createQuote(page, 'Hooli Accounting', 'Expiry while offline');
	await waitUntilSynced(page);

	await goOffline(context);
	await context.clearCookies(); // the session ends while the device has no signal
	const editor = new QuoteEditor(page);
	await editor.addLine('Kept through the expiry', '4', '25.00');
	await expect(page.getByTestId('pending-count')).toHaveText('1 pending');

	await goOnline(context);
	await expect(syncStatus(page)).toHaveAttribute('data-connection', 'needs-auth', { timeout: 15_000 });
	const banner = page.getByRole('region', { name: 'Sign in again' });
	await expect(banner).toContainText('Your session has ended');
	await expect(editor.lineDescriptions()).toHaveCount(1);
	await expect(page.getByTestId('pending-count')).toHaveText('1 pending');

	await banner.getByLabel('Password').fill('outpost-demo');
	await banner.getByRole('button', { name: 'Sign in' }).click();
	await waitUntilSynced(page);
	await expect(banner).toHaveCount(0);

	const admin = await browser.newContext();
	const adminPage = await admin.newPage();
	await signIn(adminPage, 'admin@demo.outpost.test');
	await adminPage.goto(path);
	const lines = new QuoteEditor(adminPage).lineDescriptions();
	await expect(lines).toHaveCount(1);
	await expect(lines.first()).toHaveValue('Kept through the expiry');
	await context.close();
	await admin.close();
});
