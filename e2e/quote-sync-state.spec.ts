// A rep on a 768 px tablet sends a quote whose one line Autotask refuses (the sandbox Autotask
// answers "BillingCode does not exist or is invalid" for its product's category): the quote says
// the sync failed, names the line and why in plain words, and shows Autotask's own text one tap
// away; the rep removes the line, retries, and sees the quote synced with its Autotask number.
// Needs the gateway's PSA jobs and the sandbox Autotask (seeded by `npm start`) configured.

import { randomUUID } from 'node:crypto';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations, PHONE, TABLET } from './support/admin.ts';
import { signIn, waitUntilSynced } from './support/app.ts';
import { pushAs } from './support/quote-editor.ts';
import { pushMutations } from './support/sync-api.ts';

const BILLING_CODE_ERROR = 'BillingCode does not exist or is invalid';
/** Billing codes the sandbox Autotask has active (the demo categories use it), and one it never had. */
const VALID_CODE = '29682801';
const UNKNOWN_CODE = '987654321';

function product(run: string, name: string, categoryId: string) {
	return {
		id: randomUUID(),
		name: `${name} ${run}`,
		sku: `${name.slice(0, 3).toUpperCase()}-${run}`,
		mpn: '',
		description: '',
		categoryId,
		cost: 10_000,
		price: 15_000,
		billing: 'one-time' as const,
		distributor: null,
		noProcurement: false,
		active: true
	};
}

/** A draft quote of Acme with a laptop (a mapped category) and a cable (a category Autotask does not know). */
async function quoteWithOneBadLine(page: Page, admin: APIRequestContext, run: string) {
	const good = { id: randomUUID(), name: `Laptops ${run}`, defaultMarkupPercent: 20, billingCodeId: VALID_CODE };
	const bad = { id: randomUUID(), name: `Cables ${run}`, defaultMarkupPercent: 20, billingCodeId: UNKNOWN_CODE };
	const laptop = product(run, 'Laptop', good.id);
	const cable = product(run, 'Cable', bad.id);
	await pushAs(admin, 'admin@demo.outpost.test', [
		{ name: 'saveCategory', args: good },
		{ name: 'saveCategory', args: bad },
		{ name: 'saveProduct', args: laptop },
		{ name: 'saveProduct', args: cable }
	]);
	await signIn(page, 'sales@demo.outpost.test');
	const quoteId = randomUUID();
	const line = (productId: string) => ({
		name: 'addQuoteLine' as const,
		args: { id: randomUUID(), quoteId, productId, quantity: 1 }
	});
	await pushMutations(page, [
		{ name: 'createQuote', args: { id: quoteId, companyId: 'company-acme', title: `Refresh ${run}`, contactId: null } },
		line(laptop.id),
		line(cable.id)
	]);
	return { quoteId, cable };
}

test('a rep on a tablet sees which line failed and why, fixes it, retries, and sees it synced', async ({
	browser,
	request
}) => {
	const run = randomUUID().slice(0, 8);
	const context = await browser.newContext(TABLET);
	const page = await context.newPage();
	const { quoteId, cable } = await quoteWithOneBadLine(page, request, run);

	await page.goto(`/quotes/${quoteId}`);
	const psa = page.getByRole('region', { name: 'PSA' });
	await expect(psa.getByRole('status')).toHaveText('Not sent to the PSA yet');
	await psa.getByRole('button', { name: 'Send to PSA' }).tap();
	// The job runs on the gateway; its outcome arrives with a pull.
	await expect(psa.getByRole('status')).toContainText('Sync failed', { timeout: 30_000 });
	await expect(psa).toContainText('Some lines are in a category with no valid billing code in the PSA.');
	const failed = psa.getByRole('listitem').filter({ hasText: cable.name });
	await expect(failed).toContainText('Its category has no valid billing code in the PSA.');
	await expect(failed.getByText(BILLING_CODE_ERROR)).toBeHidden();
	await failed.getByText('What the PSA said').tap();
	await expect(failed.getByText(BILLING_CODE_ERROR)).toBeVisible();
	await expect(psa.getByText('Sending to the PSA…')).toHaveCount(0);
	await expectNoSeriousA11yViolations(page);

	await page.getByRole('button', { name: 'Remove line 2' }).tap();
	await expect(page.getByRole('textbox', { name: /^Description of line/ })).toHaveCount(1);
	await waitUntilSynced(page);
	await psa.getByRole('button', { name: 'Retry' }).tap();
	await expect(psa.getByRole('status')).toContainText(/^Synced · Autotask quote \d+/, { timeout: 30_000 });
	await expect(psa.getByRole('link', { name: 'Open in the PSA' })).toHaveAttribute('href', /OpportunityID=\d+$/);
	await expect(psa.getByRole('listitem')).toHaveCount(0);
	await expectNoSeriousA11yViolations(page);
	await context.close();
});

test('the failed state and its lines are axe-clean on a phone', async ({ browser, request }) => {
	const run = randomUUID().slice(0, 8);
	const context = await browser.newContext(PHONE);
	const page = await context.newPage();
	const { quoteId } = await quoteWithOneBadLine(page, request, run);
	await page.goto(`/quotes/${quoteId}`);
	const psa = page.getByRole('region', { name: 'PSA' });
	await psa.getByRole('button', { name: 'Send to PSA' }).tap();
	await expect(psa.getByRole('status')).toContainText('Sync failed', { timeout: 30_000 });
	await psa.getByRole('listitem').getByText('What the PSA said').tap();
	await expectNoSeriousA11yViolations(page);
	await context.close();
});
