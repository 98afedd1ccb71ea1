// Several tabs of one browser share one replica: one leads the sync, every tab sees every change,
// and leadership passes on when the leader closes. A reload during a push loses nothing.

import { expect, test } from '@playwright/test';
import { createQuote, QuoteEditor, signIn, syncStatus, waitUntilSynced } from './support/app.ts';

test('two tabs: both see each other, and the follower takes over when the leader closes', async ({ browser }) => {
	const context = await browser.newContext();
	const first = await context.newPage();
	await signIn(first, 'sales@demo.outpost.test');
	const path = await createQuote(first, 'Globex', 'Two tabs');
	await waitUntilSynced(first);

	const second = await context.newPage();
	await second.goto(path);
	await expect(second.getByRole('heading', { name: 'Two tabs' })).toBeVisible();
	await expect(syncStatus(first)).toHaveAttribute('data-leader', 'true');
	await expect(syncStatus(second)).toHaveAttribute('data-leader', 'false');

	// A follower's write is pushed by the leader and shows in the leader's tab.
	await new QuoteEditor(second).addLine('Written in the second tab', '1', '10.00');
	await expect(new QuoteEditor(first).lineDescriptions()).toHaveCount(1);
	await waitUntilSynced(second);

	await first.close();
	await expect(syncStatus(second)).toHaveAttribute('data-leader', 'true');
	await new QuoteEditor(second).addLine('After the leader closed', '2', '5.00');
	await waitUntilSynced(second);

	const admin = await browser.newContext();
	const adminPage = await admin.newPage();
	await signIn(adminPage, 'admin@demo.outpost.test');
	await adminPage.goto(path);
	await expect(new QuoteEditor(adminPage).lineDescriptions()).toHaveCount(2);
	await context.close();
	await admin.close();
});

test('a reload in the middle of a push loses nothing and applies nothing twice', async ({ browser }) => {
	const context = await browser.newContext();
	const page = await context.newPage();
	await signIn(page, 'sales@demo.outpost.test');
	const path = await createQuote(page, 'Initech', 'Reload during push');
	await waitUntilSynced(page);

	let held = 0;
	await context.route('**/api/sync/push', async (route) => {
		held += 1;
		// Keep the first push in flight long enough for the reload to cut it off.
		if (held === 1) await new Promise((resolve) => setTimeout(resolve, 1_500));
		await route.continue().catch(() => {});
	});
	await new QuoteEditor(page).addLine('Survives the reload', '1', '99.00');
	await expect.poll(() => held).toBeGreaterThan(0);
	await page.reload();
	await expect(new QuoteEditor(page).lineDescriptions()).toHaveCount(1);
	await waitUntilSynced(page);
	await context.unrouteAll({ behavior: 'ignoreErrors' });

	const admin = await browser.newContext();
	const adminPage = await admin.newPage();
	await signIn(adminPage, 'admin@demo.outpost.test');
	await adminPage.goto(path);
	const lines = new QuoteEditor(adminPage).lineDescriptions();
	await expect(lines).toHaveCount(1);
	await expect(lines.first()).toHaveValue('Survives the reload');
	await context.close();
	await admin.close();
});
