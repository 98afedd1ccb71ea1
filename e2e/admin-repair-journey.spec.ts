// The admin's repair journey on a 390 px phone, start to end. Quotes of a category start failing in
// Autotask; from the issue, "What changed before" opens the log at that category, where the admin sees
// that Cat Catalog changed its billing code just before, and what it was. The admin puts the code back
// from the issue and retries. Then a quote whose Autotask quote an Autotask clean-up removed fails with
// "No matching records found": "Re-index this record" finds it again and the issue clears.
// Needs the sandbox Autotask (the e2e gateway runs with SANDBOX on).

import { randomUUID } from 'node:crypto';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { issueId } from '../shared/schema/psa-entities.ts';
import { expectNoSeriousA11yViolations, PHONE } from './support/admin.ts';
import { signIn, waitUntilSynced } from './support/app.ts';
import { autotaskLinkOf, pointQuoteNowhere } from './support/gateway-store.ts';
import { IssuesScreen } from './support/psa-screens.ts';
import { pushCategoryWithProduct, pushMutations, pushSentQuote, VALID_BILLING_CODE } from './support/sync-api.ts';

/** A quote of Acme with the product, sent and synced to Autotask. */
async function syncedQuote(page: Page, title: string, productId: string) {
	const quote = await pushSentQuote(page, { companyId: 'company-acme', title }, [{ productId, quantity: 3 }]);
	await pushMutations(page, [{ name: 'syncQuoteToPsa', args: { quoteId: quote.id } }]);
	return quote;
}

/** A colleague with the catalog permissions changes the category on their own device. */
async function asCatCatalog(browser: Browser, change: (page: Page) => Promise<void>) {
	const context = await browser.newContext(PHONE);
	const page = await context.newPage();
	await signIn(page, 'catalog@demo.outpost.test');
	await change(page);
	await context.close();
}

test('an admin on a phone finds who changed a category’s billing code, fixes it, and re-indexes a record', async ({
	browser
}) => {
	// Four syncs, a re-index and a fresh device's first pull of the demo, all on the gateway.
	test.setTimeout(180_000);
	const run = randomUUID().slice(0, 8);
	const brokenCode = `gone-${run}`;
	const context = await browser.newContext(PHONE);
	const page = await context.newPage();
	await signIn(page, 'admin@demo.outpost.test');

	// Before: the category works, and a quote of it reaches Autotask.
	const { category, product } = await pushCategoryWithProduct(
		page,
		{ category: `Docks ${run}`, product: `Dock ${run}`, sku: `DOCK-${run}` },
		VALID_BILLING_CODE
	);
	const linked = await syncedQuote(page, `Docks for Acme ${run}`, product.id);
	await expect.poll(() => autotaskLinkOf('quotes', linked.id), { timeout: 30_000 }).toBeDefined();
	const autotaskQuote = autotaskLinkOf('quotes', linked.id);

	// Then a colleague maps the category to a code Autotask does not have, and the next quote, with a
	// product Autotask does not have yet (made with the category's code), fails.
	await asCatCatalog(browser, (colleague) =>
		pushMutations(colleague, [{ name: 'saveCategory', args: { ...category, billingCodeId: brokenCode } }])
	);
	const hub = { ...product, id: randomUUID(), name: `Hub ${run}`, sku: `HUB-${run}` };
	await pushMutations(page, [{ name: 'saveProduct', args: hub }]);
	const failing = await syncedQuote(page, `Hubs for Acme ${run}`, hub.id);

	const issues = new IssuesScreen(page);
	await issues.open();
	// The dock Autotask already has cannot take the broken code either: its update fails on the category.
	const group = issues.group(`Category ${category.name} has no valid Autotask billing code — 1 category, 1 quote`);
	const failed = issues.issueOf(issueId('autotask', 'syncQuote', failing.id));
	await expect(group).toBeVisible({ timeout: 30_000 });
	await expect(failed.getByText('BillingCode does not exist or is invalid')).toBeVisible();
	await expectNoSeriousA11yViolations(page);

	// What changed before: the log of that category up to the issue, newest first.
	await failed.getByRole('link', { name: /^What changed before/ }).tap();
	await expect(page.getByRole('heading', { name: 'Logs', level: 1 })).toBeVisible();
	await expect(page).toHaveURL(new RegExp(`entity=categories%3A${category.id}`));
	const entries = page.getByRole('list', { name: 'Activity' }).getByRole('listitem');
	await expect(entries).toHaveCount(2, { timeout: 15_000 });
	const change = entries.first();
	await expect(change.getByRole('link', { name: 'Cat Catalog' })).toBeVisible();
	await expect(change.getByText('A change to a category')).toBeVisible();
	const field = change.locator('.field', { hasText: 'billing code id' });
	await expect(field.locator('del')).toHaveText(VALID_BILLING_CODE);
	await expect(field.locator('ins')).toHaveText(brokenCode);
	await expect(entries.last().getByRole('link', { name: 'Ada Admin' })).toBeVisible();
	await expectNoSeriousA11yViolations(page);
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

	// The fix: the code it had, from the issue, and the failed quote retried.
	await page.goBack();
	await group.getByRole('combobox', { name: `Billing code for ${category.name}` }).selectOption(VALID_BILLING_CODE);
	await group.getByRole('button', { name: 'Save and retry all' }).tap();
	await expect(issues.progress()).toHaveText(/All 2 retried and cleared\./, { timeout: 30_000 });
	await expect(group).toHaveCount(0);
	await expect(failed).toHaveCount(0);
	await waitUntilSynced(page);

	// An Autotask clean-up removes the first quote's Autotask quote; its next sync cannot find it.
	pointQuoteNowhere(linked.id);
	await pushMutations(page, [{ name: 'syncQuoteToPsa', args: { quoteId: linked.id } }]);
	const issue = issues.issueOf(issueId('autotask', 'syncQuote', linked.id));
	await expect(issue).toBeVisible({ timeout: 30_000 });
	await expect(issue.getByText('No matching records found')).toBeVisible();
	await expectNoSeriousA11yViolations(page);

	// The re-index finds the quote again by its opportunity, the sync it retries succeeds, the issue clears.
	await issue.getByRole('button', { name: /^Re-index this record/ }).tap();
	await expect(issue).toHaveCount(0, { timeout: 30_000 });
	expect(autotaskLinkOf('quotes', linked.id)).toBe(autotaskQuote);
	await expect(page.getByRole('region', { name: 'Changes the server did not accept' })).toHaveCount(0);

	// The log of the category now ends with the admin's fix.
	await page.goto(`/admin/logs?entity=categories:${category.id}`);
	const latest = page.getByRole('list', { name: 'Activity' }).getByRole('listitem').first();
	await expect(latest.getByRole('link', { name: 'Ada Admin' })).toBeVisible({ timeout: 15_000 });
	await expect(latest.locator('.field', { hasText: 'billing code id' }).locator('ins')).toHaveText(VALID_BILLING_CODE);
	await context.close();
});
