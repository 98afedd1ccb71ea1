// A product sent to the PSA by itself (seeds: "Retry the product sync"): a Product editor on a phone
// creates a product and presses Sync to PSA, offline first (the request waits on the device) and
// it reaches the gateway on reconnect; the screen stays axe-clean at phone and tablet widths.

import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations, PHONE, TABLET } from './support/admin.ts';
import { goOffline, goOnline, signIn, waitForServiceWorker, waitUntilSynced } from './support/app.ts';

test('a Product editor sends one product to the PSA from its screen, also offline', async ({ browser }) => {
	const context = await browser.newContext(PHONE);
	const page = await context.newPage();
	await signIn(page, 'catalog@demo.outpost.test');
	await waitForServiceWorker(page);
	await page.goto('/catalog/products/new');
	await page.getByLabel('Name').fill('E2E Sync Dock');
	await page.getByLabel('SKU').fill(`E2E-SYNC-${Date.now()}`);
	await page.getByLabel('Category').selectOption({ label: 'Accessories' });
	await page.getByLabel('Cost').fill('100');
	await page.getByRole('button', { name: 'Create product' }).click();
	await expect(page).toHaveURL(/\/catalog\/products\/[0-9a-f-]{36}$/);
	await waitUntilSynced(page);

	const psa = page.getByRole('region', { name: 'PSA' });
	await expect(psa.getByRole('status')).toContainText('Sends this product to the PSA by itself');
	await expectNoSeriousA11yViolations(page);

	await goOffline(context);
	await psa.getByRole('button', { name: 'Sync to PSA' }).click();
	await expect(psa.getByRole('status')).toHaveText(
		'Queued: Outpost sends this product to the PSA shortly, also if this device is offline now.'
	);
	await expect(page.getByTestId('pending-count')).toHaveText('1 pending');
	await goOnline(context);
	await waitUntilSynced(page);
	await expect(psa.getByRole('alert')).toHaveCount(0);

	await page.setViewportSize(TABLET.viewport);
	await expect(psa.getByRole('button', { name: 'Sync to PSA' })).toBeDisabled();
	await expectNoSeriousA11yViolations(page);
	await context.close();
});
