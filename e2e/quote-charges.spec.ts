// Quote charges on a 768 × 1024 tablet (issue 14): the customer accepts a quote; the rep, with no
// signal, attaches it to a ticket of Acme picked from the replica; reconnects; and sees its charge go
// Pending → Synced with the PSA's charge id, created in the sandbox Autotask by the gateway's job; then
// the customer declines a revision of the quote and the charge shows Cancelled, told to the PSA.

import { randomUUID } from 'node:crypto';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { quoteContentHash } from '../shared/quotes/content-hash.ts';
import { buildQuote, buildQuoteLine } from '../shared/test/builders.ts';
import { expectNoSeriousA11yViolations, PHONE } from './support/admin.ts';
import { goOffline, goOnline, signIn, waitForServiceWorker, waitUntilSynced } from './support/app.ts';
import { pushAs, TABLET } from './support/quote-editor.ts';

/** A billing code the sandbox Autotask has, active (the demo categories use it). */
const VALID_CODE = '29682801';
/** Another one: the Accessories code. */
const ACCESSORIES_CODE = '29682811';

/** A category of this run mapped to a valid code, a product of it, and a quote of it Acme accepted. */
async function acceptedQuote(request: APIRequestContext) {
	const run = randomUUID().slice(0, 8);
	const category = { id: randomUUID(), name: `Docks ${run}`, defaultMarkupPercent: 10, billingCodeId: VALID_CODE };
	const product = {
		id: randomUUID(),
		name: `USB-C dock ${run}`,
		sku: `DOCK-${run}`,
		mpn: '',
		description: '',
		categoryId: category.id,
		cost: 15_000,
		price: 19_900,
		billing: 'one-time' as const,
		distributor: null,
		noProcurement: false,
		active: true
	};
	await pushAs(request, 'admin@demo.outpost.test', [
		{ name: 'saveCategory', args: category },
		{ name: 'saveProduct', args: product }
	]);
	const id = randomUUID();
	const quote = buildQuote({ id, companyId: 'company-acme', title: `Docks for Acme ${run}` });
	const line = buildQuoteLine({
		id: randomUUID(),
		quoteId: id,
		productId: product.id,
		description: product.name,
		quantity: 3,
		unitPrice: 19_900,
		position: 'a0'
	});
	await pushAs(request, 'sales@demo.outpost.test', [
		{ name: 'createQuote', args: { id, companyId: quote.companyId, title: quote.title } },
		{
			name: 'addQuoteLine',
			args: {
				id: line.id,
				quoteId: id,
				productId: product.id,
				description: line.description,
				quantity: 3,
				unitPrice: 19_900,
				position: 'a0'
			}
		},
		{ name: 'updateQuote', args: { id, status: 'sent' } }
	]);
	await pushAs(request, 'customer@acme.outpost.test', [
		{ name: 'acceptQuote', args: { id, name: 'Carla Customer', contentHash: quoteContentHash(quote, [line]) } }
	]);

	return { id, category };
}

test('a rep attaches an accepted quote to a ticket offline, its charge goes Pending → Synced, and a declined revision cancels it', async ({
	browser,
	request
}) => {
	// A shared machine: the gateway's job, the sync and axe each take their time.
	test.setTimeout(210_000);
	const { id } = await acceptedQuote(request);

	const context = await browser.newContext(TABLET);
	const page = await context.newPage();
	await signIn(page, 'sales@demo.outpost.test');
	await waitForServiceWorker(page);
	await page.goto(`/quotes/${id}`);
	const charges = page.getByRole('region', { name: 'Charges on a ticket' });
	// Acme's tickets arrive with the sandbox's first Synchronize.
	await expect(charges.getByRole('button', { name: /Attach to T20261201\.0001/ })).toBeVisible({ timeout: 30_000 });
	await waitUntilSynced(page);

	await goOffline(context);
	await charges.getByLabel('Attach to a ticket of this company').fill('laptop refresh');
	await expect(charges.getByRole('button', { name: /^Attach to/ })).toHaveCount(1);
	await charges.getByRole('button', { name: /Attach to T20261201\.0001/ }).tap();
	await expect(charges.getByText('Ticket T20261201.0001 · Laptop refresh for the sales team')).toBeVisible();
	await expect(charges.getByText('Pending', { exact: true })).toBeVisible();
	await expect(charges.getByText('Queued for the next sync')).toBeVisible();
	await expectNoSeriousA11yViolations(page);

	await goOnline(context);
	await expect(charges.getByText('Synced', { exact: true })).toBeVisible({ timeout: 30_000 });
	await expect(charges.getByText(/PSA charge \d+/)).toBeVisible();
	await expect(charges.getByText('Pending', { exact: true })).toHaveCount(0);

	// The rep revises the accepted quote and sends the revision; the customer declines it, which
	// withdraws what the accepted quote was charged for (seed: Charges cancelled).
	await page.getByRole('button', { name: 'Revise', exact: true }).tap();
	await expect(page).not.toHaveURL(new RegExp(`/quotes/${id}$`));
	const revisionId = new URL(page.url()).pathname.split('/').at(-1) ?? '';
	await expect(page.getByText('Revision 2')).toBeVisible();
	await page.getByRole('button', { name: 'Mark as sent' }).tap();
	await waitUntilSynced(page);
	await pushAs(request, 'customer@acme.outpost.test', [
		{ name: 'declineQuote', args: { id: revisionId, reason: 'We went with another offer' } }
	]);

	await page.goto(`/quotes/${id}`);
	await expect(charges.getByText('Cancelled', { exact: true })).toBeVisible({ timeout: 30_000 });
	await expect(charges.getByText('Cancelled because the quote was retracted or declined.')).toBeVisible({
		timeout: 30_000
	});
	await expect(charges.getByText('Synced', { exact: true })).toHaveCount(0);
	await context.close();
});

test('an admin on a phone changes a category mapping, sees the charge to re-order, and re-orders it', async ({
	browser,
	request
}) => {
	test.setTimeout(150_000);
	const { id, category } = await acceptedQuote(request);
	const context = await browser.newContext(PHONE);
	const page = await context.newPage();
	await signIn(page, 'admin@demo.outpost.test');
	await page.goto(`/quotes/${id}`);
	const charges = page.getByRole('region', { name: 'Charges on a ticket' });
	await charges.getByRole('button', { name: /Attach to T20261201\.0002/ }).tap({ timeout: 30_000 });
	await expect(charges.getByText('Synced', { exact: true })).toBeVisible({ timeout: 30_000 });

	await pushAs(request, 'admin@demo.outpost.test', [
		{ name: 'saveCategory', args: { ...category, billingCodeId: ACCESSORIES_CODE } }
	]);
	await expect(charges.getByText('Cancelled because the billing code mapping changed; to re-order.')).toBeVisible({
		timeout: 30_000
	});
	await charges.getByRole('button', { name: 'Re-order 1 cancelled' }).tap();
	await expect(charges.getByText('Cancelled because the billing code mapping changed; re-ordered.')).toBeVisible();
	await expect(charges.getByText('Synced', { exact: true })).toBeVisible({ timeout: 30_000 });
	await expect(charges.getByRole('button', { name: /^Re-order/ })).toHaveCount(0);
	await expectNoSeriousA11yViolations(page);
	await context.close();
});
