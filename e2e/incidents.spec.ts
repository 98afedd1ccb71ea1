// Platform incidents on a 390 px phone: Autotask's status page (the sandbox's, on loopback) reports an
// outage; the gateway's poll opens an incident, the banner shows it on quote pages, Admin › Tools ›
// Incidents lists it, and Report an incident mails support through the mailbox. The page is put back
// at the end, and the incident closes.

import { randomUUID } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations, PHONE } from './support/admin.ts';
import { openAccountMenu, signIn, syncStatus, waitUntilSynced } from './support/app.ts';

const SUPPORT = 'support@northwind.example';

/** The sandbox status page's control, next to the feed URL Admin › Tools › Incidents shows. */
async function setAutotaskPage(page: Page, state: Record<string, unknown>) {
	await page.goto('/admin/incidents');
	const input = page.getByRole('textbox', { name: 'Autotask status page' });
	await expect(input).toHaveValue(/^http:\/\/127\.0\.0\.1:\d+\/autotask\/api\/v2\/summary\.json$/);
	const feed = await input.inputValue();
	const response = await fetch(feed.replace('/api/v2/summary.json', '/control'), {
		method: 'PUT',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(state)
	});
	expect(response.status).toBe(204);
}

test('an Autotask outage shows in the banner and in Incidents, and a report reaches support', async ({ browser }) => {
	// Sign-in, first sync, two polls of the status page and a mail: slow on a busy shared machine.
	test.setTimeout(300_000);
	const run = randomUUID().slice(0, 8);
	const context = await browser.newContext(PHONE);
	const page = await context.newPage();
	await signIn(page, 'admin@demo.outpost.test');
	// The admin's first sync downloads the whole demo.
	await expect(syncStatus(page)).toHaveAttribute('data-connection', 'connected', { timeout: 60_000 });

	await setAutotaskPage(page, {
		indicator: 'major',
		description: 'Partial System Outage',
		incident: `REST API errors ${run}`
	});
	try {
		await page.goto('/quotes');
		const banner = page.getByRole('region', { name: 'Known incidents' });
		// The gateway polls the page every 5 s in sandbox mode; the incident arrives with a pull.
		const notice = banner.getByRole('status').filter({ hasText: `REST API errors ${run}` });
		await expect(notice).toBeVisible({ timeout: 30_000 });
		await expect(notice.getByRole('strong')).toHaveText('Autotask reports an outage');
		await expect(notice).toContainText('Since ');
		await expect(notice).toContainText(`Partial System Outage — REST API errors ${run}.`);
		await expectNoSeriousA11yViolations(page);

		// Not about the catalog: no banner there.
		await page.goto('/catalog');
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
		await expect(page.getByRole('region', { name: 'Known incidents' })).toHaveCount(0);

		await page.goto('/admin/incidents');
		const autotask = page.getByRole('list', { name: 'Autotask incidents' });
		const card = autotask.getByRole('article').filter({ hasText: `REST API errors ${run}` });
		await expect(card).toBeVisible();
		await expect(card).toContainText('Open');
		await expect(card).toContainText('Vendor status page');
		await expect(card).toContainText('Affects: Quotes, Procurement, Companies, PSA sync');
		await expectNoSeriousA11yViolations(page);

		// Dismissed on this device, it stays away from quote pages.
		await page.goto('/quotes');
		await banner.getByRole('button', { name: 'Dismiss Autotask reports an outage' }).tap();
		await expect(banner).toHaveCount(0);

		// Reports go to the organisation's support address.
		await page.goto('/admin/settings/organisation');
		await page.getByLabel('Support email').fill(SUPPORT);
		await page.getByRole('button', { name: 'Save' }).tap();
		await expect(page.getByText('Saved.', { exact: false })).toBeVisible();
		await waitUntilSynced(page);

		await page.goto('/quotes');
		const menu = await openAccountMenu(page);
		await menu.getByRole('link', { name: 'Report an incident' }).tap();
		const form = page.getByRole('form', { name: 'Report an incident' });
		await form.getByLabel('Which system').selectOption('autotask');
		await form.getByLabel('What went wrong').fill(`Quotes will not send ${run}`);
		await form.getByLabel('Details').fill('Every Send to PSA fails since this morning.');
		await expectNoSeriousA11yViolations(page);
		await form.getByRole('button', { name: 'Send report' }).tap();
		await expect(form.getByRole('status')).toHaveText(`Reported and sent to ${SUPPORT}.`);

		await page.goto('/admin/mailbox');
		const mail = page
			.getByRole('list', { name: 'Sent mail' })
			.getByRole('article')
			.filter({
				hasText: `[Outpost incident] Autotask: Quotes will not send ${run}`
			});
		await expect(mail).toBeVisible();
		await expect(mail).toContainText('Outbox size: 0');
		await expect(mail).toContainText('Screen: /quotes');
		await expect(mail).not.toContainText('outpost-demo');
	} finally {
		// The specs share one gateway: Autotask is operational again, and the incident closes.
		await setAutotaskPage(page, { indicator: 'none', description: 'All Systems Operational' });
	}
	const closed = page
		.getByRole('list', { name: 'Autotask incidents' })
		.getByRole('article')
		.filter({ hasText: `REST API errors ${run}` });
	await expect(closed).toContainText('Closed', { timeout: 30_000 });
	await context.close();
});
