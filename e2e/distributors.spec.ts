// Admin › Distributors on a phone: the demo's Ingram Micro and TD SYNNEX both connected, the preference
// order changed (a mutation, so it stays after a reload), and a connection tested, which needs the
// network and says so offline.

import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations, PHONE } from './support/admin.ts';
import { goOffline, goOnline, openSection, signIn, waitUntilSynced } from './support/app.ts';

const cards = (page: Page) =>
	page.getByRole('list', { name: 'Distributors in preference order' }).getByRole('listitem');
const card = (page: Page, name: string) => cards(page).filter({ has: page.getByRole('heading', { level: 2, name }) });

test('an admin sees both distributors connected, prefers TD SYNNEX and tests it', async ({ browser }) => {
	const context = await browser.newContext(PHONE);
	const page = await context.newPage();
	await signIn(page, 'admin@demo.outpost.test');
	await openSection(page, 'Admin');
	await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Distributors' }).tap();
	await expect(page.getByRole('heading', { level: 1, name: 'Distributors' })).toBeVisible();

	await expect(cards(page).getByRole('heading', { level: 2 })).toHaveText(['Ingram Micro', 'TD SYNNEX']);
	await expect(card(page, 'Ingram Micro').locator('[data-connection]')).toHaveText('Connected');
	await expect(card(page, 'TD SYNNEX').locator('[data-connection]')).toHaveText('Connected');
	await expect(card(page, 'Ingram Micro')).toContainText('20-222222');
	await expect(card(page, 'TD SYNNEX')).toContainText('780980');
	await expect(card(page, 'TD SYNNEX').getByRole('switch', { name: 'Enable ordering' })).toBeChecked();
	await expectNoSeriousA11yViolations(page);

	await page.getByRole('button', { name: 'Prefer TD SYNNEX earlier' }).tap();
	await expect(cards(page).getByRole('heading', { level: 2 })).toHaveText(['TD SYNNEX', 'Ingram Micro']);
	await expect(card(page, 'TD SYNNEX')).toContainText('Preference 1 of 2');
	await waitUntilSynced(page);
	await page.reload();
	await expect(cards(page).getByRole('heading', { level: 2 })).toHaveText(['TD SYNNEX', 'Ingram Micro']);

	const tdsynnex = card(page, 'TD SYNNEX');
	await goOffline(context);
	await tdsynnex.getByRole('button', { name: 'Test connection' }).tap();
	await expect(tdsynnex.getByRole('status')).toContainText('Testing the connection needs a connection to the server');
	await goOnline(context);
	await tdsynnex.getByRole('button', { name: 'Test connection' }).tap();
	await expect(tdsynnex.getByRole('status')).toHaveText('Connected to TD SYNNEX as customer 780980.');
	await expectNoSeriousA11yViolations(page);
	await context.close();
});
