// Procurement end to end: an admin turns on Autotask's ticket-charge import, the gateway's scheduler
// (every 30 s) imports the sandbox tenant's recent charges, and a Procurement editor reads them on a
// phone, online and offline, with Autotask's own status labels. The import is put back off: the
// specs share one gateway.

import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations, PHONE, TABLET } from './support/admin.ts';
import {
	goOffline,
	goOnline,
	mainNavLink,
	openSection,
	signIn,
	syncStatus,
	waitForServiceWorker
} from './support/app.ts';
import { pushMutations } from './support/sync-api.ts';

async function setChargeImport(page: Page, on: boolean): Promise<void> {
	await pushMutations(page, [
		{ name: 'saveIntegrationSettings', args: { provider: 'autotask', settings: { importTicketCharges: on } } }
	]);
}

test('a Procurement editor sees the imported Autotask ticket charges with their Autotask statuses', async ({
	browser
}) => {
	// The scheduler looks every 30 s, then the job runs and the charges replicate.
	test.setTimeout(150_000);
	const admin = await browser.newContext();
	const adminPage = await admin.newPage();
	await signIn(adminPage, 'admin@demo.outpost.test');
	const buyer = await browser.newContext(PHONE);
	try {
		await setChargeImport(adminPage, true);

		const page = await buyer.newPage();
		await signIn(page, 'buyer@demo.outpost.test');
		await waitForServiceWorker(page);
		await openSection(page, 'Procurement');
		await expect(page.getByRole('heading', { level: 1, name: 'Procurement' })).toBeVisible();

		const charges = page.getByRole('list', { name: 'Ticket charges' });
		const dock = charges.getByRole('article', { name: 'USB-C dock' });
		const monitor = charges.getByRole('article', { name: '27" monitor' });
		await expect(dock).toBeVisible({ timeout: 75_000 });
		await expect(monitor).toBeVisible();
		await expect(dock.locator('[data-status]')).toHaveText('New');
		await expect(monitor.locator('[data-status]')).toHaveText('Waiting Approval');
		await expect(dock).toContainText('T20261101.0001');
		await expect(dock).toContainText('Created in Autotask');
		// A product marked "Does not require procurement" is never imported.
		await expect(charges.getByRole('article', { name: 'Remote support' })).toHaveCount(0);
		// …and the buyer can see why: it is listed with the reason.
		await page.getByText(/charges? skipped by the import/).click();
		const skipped = page.getByRole('list', { name: 'Skipped ticket charges' });
		await expect(skipped.getByRole('listitem').filter({ hasText: 'Remote support' })).toContainText(
			'The product is marked "Does not require procurement" in Autotask.'
		);

		// Newest first: the dock was created 30 minutes before the gateway started, the monitor 55.
		const names = await charges.getByRole('heading', { level: 2 }).allTextContents();
		expect(names.indexOf('USB-C dock')).toBeLessThan(names.indexOf('27" monitor'));
		await expectNoSeriousA11yViolations(page);

		const status = page.getByRole('combobox', { name: 'Status' });
		await expect(status.getByRole('option', { name: /^New \(\d+\)$/ })).toHaveCount(1);
		await status.selectOption('Waiting Approval');
		await expect(monitor).toBeVisible();
		await expect(dock).toHaveCount(0);
		await expect(page.getByRole('status').filter({ hasText: 'with status “Waiting Approval”' })).toBeVisible();
		await status.selectOption({ index: 0 });

		// Everything on this screen is local data: it opens offline after a reload.
		await goOffline(buyer);
		await page.reload();
		await expect(syncStatus(page)).toHaveAttribute('data-connection', 'offline');
		await expect(dock.locator('[data-status]')).toHaveText('New');
		await expect(monitor.locator('[data-status]')).toHaveText('Waiting Approval');

		await page.setViewportSize(TABLET.viewport);
		await expect(dock).toBeVisible();
		await expectNoSeriousA11yViolations(page);
		await goOnline(buyer);
	} finally {
		await setChargeImport(adminPage, false);
		await Promise.all([admin.close(), buyer.close()]);
	}
});

test('someone without the Procurement editor permission has no procurement queue', async ({ browser }) => {
	const context = await browser.newContext(PHONE);
	const page = await context.newPage();
	await signIn(page, 'sales@demo.outpost.test');
	await expect(mainNavLink(page, 'Procurement')).toHaveCount(0);
	await page.goto('/procurement');
	await expect(page.getByText('This page needs the Procurement editor permission.')).toBeVisible();
	await expect(page.getByRole('list', { name: 'Ticket charges' })).toHaveCount(0);
	await context.close();
});
