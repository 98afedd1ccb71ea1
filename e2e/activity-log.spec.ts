// Admin › Tools › Logs on a 390 px phone: an admin changes a category's billing code in Catalog ›
// Categories, then finds that change in the log by filtering, with who made it and the value
// before and after; and from the category, "Activity" opens the log filtered to it.

import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations, PHONE } from './support/admin.ts';
import { signIn, waitUntilSynced } from './support/app.ts';
import { pushMutations, VALID_BILLING_CODE } from './support/sync-api.ts';

test('an admin finds who changed a category’s billing code, and what it was before', async ({ browser }) => {
	// A fresh device's first sync brings the whole demo: slow on a loaded machine.
	test.setTimeout(120_000);
	const run = randomUUID().slice(0, 8);
	const context = await browser.newContext(PHONE);
	const page = await context.newPage();
	await signIn(page, 'admin@demo.outpost.test');
	const category = {
		id: randomUUID(),
		name: `Switches ${run}`,
		defaultMarkupPercent: 15,
		billingCodeId: VALID_BILLING_CODE
	};
	await pushMutations(page, [{ name: 'saveCategory', args: category }]);

	await page.goto('/catalog/categories');
	const row = page.getByRole('form', { name: `Category ${category.name}` });
	const code = row.getByLabel('Autotask billing code id');
	// The first sync of a fresh device brings the whole demo catalog.
	await expect(code).toHaveValue(VALID_BILLING_CODE, { timeout: 30_000 });
	await code.fill('29682805');
	await code.press('Tab');
	await waitUntilSynced(page);

	// The log, filtered by text and by kind, like someone looking for it.
	await page.goto('/admin/logs');
	await expect(page.getByRole('heading', { name: 'Logs', level: 1 })).toBeVisible();
	const filters = page.getByRole('form', { name: 'Filter the log' });
	await filters.getByLabel('Made by').selectOption('person');
	await filters.getByLabel('Search').fill('29682805');
	await filters.getByLabel('Search').press('Enter');
	await expect(page).toHaveURL(/q=29682805/);
	const entries = page.getByRole('list', { name: 'Activity' }).getByRole('listitem');
	// The change arrives with the next pull after the push.
	await expect(entries).toHaveCount(1, { timeout: 15_000 });
	const entry = entries.first();
	await expect(entry.getByRole('link', { name: 'Ada Admin' })).toBeVisible();
	await expect(entry.getByText('A change to a category')).toBeVisible();
	const field = entry.locator('.field', { hasText: 'billing code id' });
	await expect(field.locator('del')).toHaveText(VALID_BILLING_CODE);
	await expect(field.locator('ins')).toHaveText('29682805');
	await expect(entry.getByRole('link', { name: `Category ${category.id}` })).toHaveAttribute(
		'href',
		'/catalog/categories'
	);
	await expectNoSeriousA11yViolations(page);
	// Nothing runs off the side of a phone.
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

	// From the category, Activity is the log of that category alone: its creation and the change.
	await page.goto('/catalog/categories');
	await page.getByRole('link', { name: `Activity of ${category.name}` }).click();
	await expect(page).toHaveURL(new RegExp(`entity=categories%3A${category.id}`));
	await expect(page.getByRole('list', { name: 'Activity' }).getByRole('listitem')).toHaveCount(2);
	await context.close();
});
