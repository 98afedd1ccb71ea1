// Signing out offline is safe: the rep is told what happens to unsent changes, the device forgets
// the session at once, the server session ends when the signal returns, and the kept changes go
// when the same rep signs in again, even after someone else used the device in between.

import AxeBuilder from '@axe-core/playwright';
import { expect, request, test } from '@playwright/test';
import {
	createQuote,
	goOffline,
	goOnline,
	pressSignOut,
	QuoteEditor,
	signIn,
	waitForServiceWorker,
	waitUntilSynced
} from './support/app.ts';

const SALES = 'sales@demo.outpost.test';
const ADMIN = 'admin@demo.outpost.test';

test('sign out offline keeps the queue, and the server session ends on reconnect', async ({ browser, baseURL }) => {
	test.setTimeout(120_000);
	const context = await browser.newContext();
	const page = await context.newPage();
	await signIn(page, SALES);
	await waitForServiceWorker(page);
	const path = await createQuote(page, 'Acme Corporation', 'Signed out offline');
	await waitUntilSynced(page);
	const oldSession = (await context.cookies()).find((c) => c.name === 'outpost_session');
	expect(oldSession?.httpOnly).toBe(true);

	await goOffline(context);
	await new QuoteEditor(page).addLine('Kept through sign-out', '1', '75.00');
	await expect(page.getByTestId('pending-count')).toHaveText('1 pending');

	await pressSignOut(page);
	const warning = page.getByRole('dialog', { name: 'Sign out with unsent changes?' });
	await expect(warning).toContainText(`1 change has not been sent yet. It stays on this device for ${SALES}`);
	await expect(warning).toContainText('You are offline');
	await expect(warning.getByRole('button', { name: 'Stay signed in' })).toBeFocused();
	expect((await new AxeBuilder({ page }).include('dialog[open]').analyze()).violations).toEqual([]);
	await warning.getByRole('button', { name: 'Keep changes and sign out' }).click();
	await expect(page.getByRole('form', { name: 'Sign in' })).toBeVisible();
	expect(await page.evaluate(() => localStorage.getItem('outpost:user'))).toBeNull();

	// Back online, the queued logout reaches the gateway without anyone touching the page.
	const logout = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/auth/logout');
	await goOnline(context);
	expect((await logout).status()).toBe(200);
	const withOldCookie = await request.newContext({
		baseURL,
		extraHTTPHeaders: { cookie: `outpost_session=${oldSession!.value}` }
	});
	expect((await withOldCookie.get('/api/auth/me')).status()).toBe(401);
	await withOldCookie.dispose();
	await page.reload();
	await expect(page.getByRole('form', { name: 'Sign in' })).toBeVisible();

	// Someone else signs in on this device: the rep's change is not theirs to send.
	await signIn(page, ADMIN);
	await page.goto(path);
	await expect(page.getByRole('heading', { name: 'Signed out offline' })).toBeVisible();
	await expect(new QuoteEditor(page).lineDescriptions()).toHaveCount(0);
	await pressSignOut(page);
	await expect(page.getByRole('form', { name: 'Sign in' })).toBeVisible();

	// The rep signs in again: the change kept on the device is pushed and confirmed.
	await signIn(page, SALES);
	await waitUntilSynced(page);
	await pressSignOut(page);
	await signIn(page, ADMIN);
	await page.goto(path);
	const lines = new QuoteEditor(page).lineDescriptions();
	await expect(lines).toHaveCount(1);
	await expect(lines.first()).toHaveValue('Kept through sign-out');
	await context.close();
});
