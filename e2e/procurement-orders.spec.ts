// Orders and the procurement queue on a 390 px phone (issue 13, seed 002): a customer accepts a quote
// of three products; a buyer with no signal orders it (one draft per distributor) and submits both.
// Back online, TD SYNNEX places its order; Ingram Micro holds the product it discontinued and sends
// the order back as a draft. The buyer re-sources that line to a TD SYNNEX replacement, submits again,
// and follows the orders from Processing to Shipped with tracking (the sandbox's simulators ship an
// order after a minute, or after two status reads, which "Check status now" asks for).

import { randomUUID } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations, PHONE } from './support/admin.ts';
import { goOffline, goOnline, signIn, syncStatus, waitForServiceWorker, waitUntilSynced } from './support/app.ts';
import { acceptAsCustomer } from './support/procurement.ts';
import { pushSentQuote } from './support/sync-api.ts';

/** In stock at Ingram Micro. */
const INGRAM_AP = 'product-net-ubq-001';
/** In stock at TD SYNNEX. */
const SYNNEX_AP = 'product-net-mrk-001';
/** Retired in the catalog, so discontinued at Ingram Micro since the quote was made. */
const RETIRED_AP = 'product-net-ubq-010';
const REPLACEMENT = 'Cisco Meraki MR57 access point';

/** An order's card in the queue's Submitted orders, by the path of its screen. */
const submitted = (page: Page, path: string) =>
	page
		.getByRole('list', { name: 'Submitted orders' })
		.getByRole('listitem')
		.filter({ has: page.locator(`a[href="${path}"]`) });

const orderStatus = (page: Page) => page.getByTestId('order-status');

/** Opens the newest draft of a distributor from the queue (drafts are listed oldest first). */
async function openNewestDraft(page: Page, distributor: string) {
	await page.goto('/procurement');
	await page
		.getByRole('list', { name: `Draft orders at ${distributor}` })
		.getByRole('link')
		.last()
		.click();
	await expect(page.getByRole('heading', { level: 1, name: /^Order OP-/ })).toBeVisible();
	return new URL(page.url()).pathname;
}

/** Asks the distributor for the order's status until it says Shipped (each ask is one status read). */
async function followUntilShipped(page: Page, path: string) {
	await page.goto(path);
	await expect(async () => {
		const check = page.getByRole('button', { name: 'Check status now' });
		if (await check.isVisible()) await check.click();
		await expect(orderStatus(page)).toHaveText('Shipped', { timeout: 5_000 });
	}).toPass({ timeout: 150_000, intervals: [5_000] });
	await expect(page.getByTestId('order-tracking')).toHaveText(/\S/);
}

test('a buyer offline orders an accepted quote from both distributors, re-sources a discontinued line and sees the orders ship', async ({
	browser
}) => {
	test.setTimeout(420_000);
	const title = `Wi-Fi refresh ${randomUUID().slice(0, 8)}`;
	const sales = await browser.newContext();
	const salesPage = await sales.newPage();
	await signIn(salesPage, 'sales@demo.outpost.test');
	const quote = await pushSentQuote(salesPage, { companyId: 'company-acme', title }, [
		{ productId: INGRAM_AP, quantity: 1 },
		{ productId: SYNNEX_AP, quantity: 1 },
		{ productId: RETIRED_AP, quantity: 1 }
	]);
	await sales.close();
	await acceptAsCustomer(browser, quote.id, title);

	const buyer = await browser.newContext(PHONE);
	const page = await buyer.newPage();
	try {
		await signIn(page, 'buyer@demo.outpost.test');
		await waitForServiceWorker(page);
		await expect(syncStatus(page)).toHaveAttribute('data-connection', 'connected', { timeout: 60_000 });
		await page.goto('/procurement');
		const awaiting = page.getByRole('list', { name: 'Accepted quotes awaiting ordering' });
		const card = awaiting.getByRole('listitem').filter({ hasText: title });
		await expect(card).toBeVisible({ timeout: 30_000 });
		await expectNoSeriousA11yViolations(page);

		// No signal: the orders are drafted and submitted on the phone.
		await goOffline(buyer);
		await card.getByRole('button', { name: 'Order' }).click();
		await expect(card).toHaveCount(0);
		await expect(page.getByRole('list', { name: 'Draft orders at Ingram Micro' }).getByRole('listitem')).toContainText(
			'2 lines'
		);
		await expect(page.getByRole('list', { name: 'Draft orders at TD SYNNEX' }).getByRole('listitem')).toContainText(
			'1 line'
		);

		const ingram = await openNewestDraft(page, 'Ingram Micro');
		await expect(page.getByRole('list', { name: /^Lines of order/ }).getByRole('listitem')).toHaveCount(2);
		await expectNoSeriousA11yViolations(page);
		await page.getByRole('button', { name: 'Submit' }).click();
		await expect(orderStatus(page)).toHaveText('Submitted');
		const synnex = await openNewestDraft(page, 'TD SYNNEX');
		await page.getByRole('button', { name: 'Submit' }).click();
		await expect(orderStatus(page)).toHaveText('Submitted');
		await page.goto('/procurement');
		for (const path of [ingram, synnex]) {
			await expect(submitted(page, path).locator('[data-status]')).toHaveText('Submitted');
		}

		await goOnline(buyer);
		await waitUntilSynced(page);

		// TD SYNNEX places its order; Ingram Micro no longer sells the retired access point.
		await page.goto(synnex);
		await expect(orderStatus(page)).toHaveText('Processing', { timeout: 60_000 });
		await page.goto(ingram);
		await expect(orderStatus(page)).toHaveText('Draft', { timeout: 60_000 });
		const held = page.getByRole('listitem').filter({ has: page.locator('[data-status]', { hasText: 'Held' }) });
		await expect(held).toHaveCount(1);
		await expect(held.getByRole('note')).toContainText('Discontinued');
		await expectNoSeriousA11yViolations(page);

		// Re-sourced: a replacement TD SYNNEX sells moves to a new TD SYNNEX draft.
		await held.getByLabel(/^Replacement for line/).selectOption({ label: REPLACEMENT });
		await held.getByRole('button', { name: 'Use replacement' }).click();
		await expect(page.getByRole('list', { name: /^Lines of order/ }).getByRole('listitem')).toHaveCount(1);
		await page.getByRole('button', { name: 'Submit' }).click();
		await expect(orderStatus(page)).toHaveText('Submitted');
		const resourced = await openNewestDraft(page, 'TD SYNNEX');
		await expect(page.getByRole('listitem').filter({ hasText: REPLACEMENT })).toBeVisible();
		await page.getByRole('button', { name: 'Submit' }).click();
		await waitUntilSynced(page);
		await expect(orderStatus(page)).toHaveText('Processing', { timeout: 60_000 });

		await page.goto(ingram);
		await expect(orderStatus(page)).toHaveText('Processing', { timeout: 60_000 });
		await followUntilShipped(page, ingram);
		await expectNoSeriousA11yViolations(page);
		await followUntilShipped(page, synnex);
		await followUntilShipped(page, resourced);

		await page.goto('/procurement');
		for (const path of [ingram, synnex, resourced]) {
			await expect(submitted(page, path).locator('[data-status]')).toHaveText('Shipped');
			await expect(submitted(page, path)).toContainText('Tracking');
		}
		await expectNoSeriousA11yViolations(page);
	} finally {
		await goOnline(buyer);
		await buyer.close();
	}
});
