// Admin › Tools › Issues on a phone: a category whose Autotask billing code is gone makes every quote
// of it fail with Autotask's own "BillingCode does not exist or is invalid"; the admin sees one
// group for them, maps the category to a valid code right there, and Retry all clears the group.
// Needs the gateway's PSA jobs and the sandbox Autotask (seeded by `npm start`) configured.

import { randomUUID } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations, PHONE } from './support/admin.ts';
import { goOffline, goOnline, signIn, waitForServiceWorker, waitUntilSynced } from './support/app.ts';
import { issueId } from '../shared/schema/psa-entities.ts';
import { IssuesScreen } from './support/psa-screens.ts';
import { pushMutations, pushSentQuote } from './support/sync-api.ts';

const BILLING_CODE_ERROR = 'BillingCode does not exist or is invalid';
/** A billing code the sandbox Autotask has, active (the demo categories use it). */
const VALID_CODE = '29682801';

/** A category of this run mapped to a code Autotask does not know, and two quotes sent to Autotask with it. */
async function failingQuotes(page: Page, run: string) {
	const category = { id: randomUUID(), name: `Laptops ${run}`, defaultMarkupPercent: 18, billingCodeId: `gone-${run}` };
	const product = {
		id: randomUUID(),
		name: `Latitude ${run}`,
		sku: `LAT-${run}`,
		mpn: '',
		description: '',
		categoryId: category.id,
		cost: 90_000,
		price: 120_000,
		billing: 'one-time' as const,
		distributor: null,
		noProcurement: false,
		active: true
	};
	await pushMutations(page, [
		{ name: 'saveCategory', args: category },
		{ name: 'saveProduct', args: product }
	]);
	const quotes = [];
	for (const title of [`Laptops for Acme ${run}`, `Spare laptops ${run}`]) {
		const quote = await pushSentQuote(page, { companyId: 'company-acme', title }, [
			{ productId: product.id, quantity: 2 }
		]);
		await pushMutations(page, [{ name: 'syncQuoteToPsa', args: { quoteId: quote.id } }]);
		quotes.push(quote);
	}
	return { category, quotes };
}

test('an admin on a phone fixes a category’s billing code from Issues, and Retry all clears the group', async ({
	browser
}) => {
	const run = randomUUID().slice(0, 8);
	const context = await browser.newContext(PHONE);
	const page = await context.newPage();
	await signIn(page, 'admin@demo.outpost.test');
	const { category } = await failingQuotes(page, run);

	const issues = new IssuesScreen(page);
	await issues.open();
	const group = issues.group(`Category ${category.name} has no valid Autotask billing code — 2 quotes`);
	// The jobs run on the gateway and the issues arrive with a pull.
	await expect(group).toBeVisible({ timeout: 30_000 });
	await expect(group.getByText(BILLING_CODE_ERROR).first()).toBeVisible();
	await expect(group.getByText('Error', { exact: true }).first()).toBeVisible();
	await expectNoSeriousA11yViolations(page);

	await group.getByRole('combobox', { name: `Billing code for ${category.name}` }).selectOption(VALID_CODE);
	await group.getByRole('button', { name: 'Save and retry all' }).tap();

	await expect(issues.progress()).toHaveText(/All 2 retried and cleared\./, { timeout: 30_000 });
	await expect(group).toHaveCount(0);
	await waitUntilSynced(page);
	await expect(page.getByRole('region', { name: 'Changes the server did not accept' })).toHaveCount(0);

	// The fix is the category's own mapping, as Catalog › Categories shows it.
	await page.goto('/catalog/categories');
	await expect(
		page.getByRole('form', { name: `Category ${category.name}` }).getByLabel('Autotask billing code id')
	).toHaveValue(VALID_CODE);
	await context.close();
});

test('offline, Retry and Dismiss wait on the phone and apply on reconnect', async ({ browser }) => {
	const run = randomUUID().slice(0, 8);
	const context = await browser.newContext(PHONE);
	const page = await context.newPage();
	await signIn(page, 'admin@demo.outpost.test');
	await waitForServiceWorker(page);
	const { category, quotes } = await failingQuotes(page, run);

	const issues = new IssuesScreen(page);
	await issues.open();
	const group = issues.group(`Category ${category.name} has no valid Autotask billing code — 2 quotes`);
	await expect(group).toBeVisible({ timeout: 30_000 });
	const [first, second] = quotes.map((quote) => issues.issueOf(issueId('autotask', 'syncQuote', quote.id)));

	await goOffline(context);
	await first!.getByRole('button', { name: /^Dismiss/ }).tap();
	await second!.getByRole('button', { name: /^Retry/ }).tap();
	await expect(first!).toHaveCount(0);
	await expect(second!.getByText('Retrying…')).toBeVisible();
	await expect(page.getByTestId('pending-count')).toHaveText('2 pending');

	await goOnline(context);
	await waitUntilSynced(page);
	await expect(page.getByRole('region', { name: 'Changes the server did not accept' })).toHaveCount(0);
	// The code is still wrong, so the retried quote fails again and its issue comes back open.
	await expect(second!.getByRole('button', { name: /^Retry/ })).toBeVisible({ timeout: 30_000 });
	await expect(second!).toContainText('2 attempts');

	await pushMutations(page, [{ name: 'saveCategory', args: { ...category, billingCodeId: VALID_CODE } }]);
	await context.close();
});
