// Several quotes, one purchase order, on a 390 px phone (issue 13: "lines of several quotes can be
// combined into one purchase order; the buyer reviews, changes source or quantity, and submits").
// Acme accepts two quotes whose products Ingram Micro sells. With no signal the buyer orders the
// first, sees the queue offer the second to that draft, and adds it from the draft's screen; back
// online, the buyer submits and the order Ingram Micro places holds the lines of both quotes, grouped
// by quote. A long company name and a long unbroken quote title must wrap, never scroll sideways.

import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations, PHONE } from './support/admin.ts';
import { goOffline, goOnline, signIn, syncStatus, waitForServiceWorker, waitUntilSynced } from './support/app.ts';
import { acceptAsCustomer, expectNoSidewaysScroll } from './support/procurement.ts';
import { pushMutations, pushSentQuote } from './support/sync-api.ts';

/** In stock at Ingram Micro. */
const INGRAM_AP = 'product-net-ubq-001';
const LONG_COMPANY = 'AcmeCorporationInternationalProcurementHoldingsNorthwestRegionalDivision';

test('a buyer offline combines two accepted quotes into one draft and, back online, submits it', async ({
	browser
}) => {
	test.setTimeout(300_000);
	const run = randomUUID().slice(0, 8);
	const first = `Access points ${run}`;
	const second = `Branch${'Office'.repeat(10)}Refresh${run}`;

	const companies = await browser.newContext();
	const companiesPage = await companies.newPage();
	await signIn(companiesPage, 'companies@demo.outpost.test');
	await pushMutations(companiesPage, [{ name: 'saveCompany', args: { id: 'company-acme', name: LONG_COMPANY } }]);
	await companies.close();
	const sales = await browser.newContext();
	const salesPage = await sales.newPage();
	await signIn(salesPage, 'sales@demo.outpost.test');
	const quoteA = await pushSentQuote(salesPage, { companyId: 'company-acme', title: first }, [
		{ productId: INGRAM_AP, quantity: 2, unitPrice: 25_000, unitCost: 20_000 }
	]);
	const quoteB = await pushSentQuote(salesPage, { companyId: 'company-acme', title: second }, [
		{ productId: INGRAM_AP, quantity: 3, unitPrice: 10_000, unitCost: 8_000 }
	]);
	await sales.close();
	await acceptAsCustomer(browser, quoteA.id, first);
	await acceptAsCustomer(browser, quoteB.id, second);

	const buyer = await browser.newContext(PHONE);
	const page = await buyer.newPage();
	try {
		await signIn(page, 'buyer@demo.outpost.test');
		await waitForServiceWorker(page);
		await expect(syncStatus(page)).toHaveAttribute('data-connection', 'connected', { timeout: 60_000 });
		await page.goto('/procurement');
		const awaiting = page.getByRole('list', { name: 'Accepted quotes awaiting ordering' }).getByRole('listitem');
		const cardA = awaiting.filter({ hasText: first });
		const cardB = awaiting.filter({ hasText: second });
		await expect(cardA).toContainText('Total $500.00', { timeout: 30_000 });
		await expect(cardB).toContainText('Total $300.00');
		await expect(cardB).toContainText(LONG_COMPANY);
		await expectNoSidewaysScroll(page);

		// No signal: the first quote drafts an Ingram Micro order, which the second quote may join.
		await goOffline(buyer);
		await cardA.getByRole('button', { name: 'Order' }).click();
		await expect(cardA).toHaveCount(0);
		const draftLink = page.getByRole('list', { name: 'Draft orders at Ingram Micro' }).getByRole('link');
		await expect(draftLink).toHaveCount(1);
		const po = (await draftLink.locator('.po').textContent())?.trim() ?? '';
		expect(po).toMatch(/^OP-[A-Z0-9]+$/);
		await expect(cardB.getByRole('button', { name: `Add to draft ${po}` })).toBeVisible();
		await expect(cardB.getByRole('button', { name: 'Order' })).toBeVisible();
		await expectNoSidewaysScroll(page);
		await expectNoSeriousA11yViolations(page);

		await draftLink.click();
		await expect(page.getByRole('heading', { level: 1, name: `Order ${po}` })).toBeVisible();
		const offered = page.getByRole('list', { name: `Quotes to add to order ${po}` }).getByRole('listitem');
		await expect(offered.filter({ hasText: first })).toHaveCount(0);
		const offer = offered.filter({ hasText: second });
		await expect(offer).toContainText(LONG_COMPANY);
		await expect(offer).toContainText('1 line from Ingram Micro');
		await offer.getByRole('button', { name: 'Add lines' }).click();

		const linesOf = (title: string) =>
			page
				.getByRole('list', { name: new RegExp(`^Lines of order ${po} from quote .*${title}$`) })
				.getByRole('listitem');
		await expect(linesOf(first)).toHaveCount(1);
		await expect(linesOf(second)).toHaveCount(1);
		await expect(page.getByRole('heading', { level: 3, name: new RegExp(`^From quote .*${second}$`) })).toBeVisible();
		await expect(offered.filter({ hasText: second })).toHaveCount(0);
		await expectNoSidewaysScroll(page);
		await expectNoSeriousA11yViolations(page);

		// Back online, the combined draft syncs; the buyer submits it and Ingram Micro places it.
		await goOnline(buyer);
		await waitUntilSynced(page);
		await page.getByRole('button', { name: 'Submit' }).click();
		await waitUntilSynced(page);
		await expect(page.getByTestId('order-status')).toHaveText('Processing', { timeout: 60_000 });
		await expect(linesOf(first)).toHaveCount(1);
		await expect(linesOf(second)).toHaveCount(1);
		await expect(linesOf(second).locator('dd.numeric').last()).toHaveText('3');
		await expectNoSidewaysScroll(page);

		await page.goto('/procurement');
		const submitted = page
			.getByRole('list', { name: 'Submitted orders' })
			.getByRole('listitem')
			.filter({ hasText: po });
		await expect(submitted).toContainText('Ingram Micro · 2 lines · $640.00');
		await expect(awaiting.filter({ hasText: second })).toHaveCount(0);
		await expectNoSidewaysScroll(page);
	} finally {
		await goOnline(buyer);
		await buyer.close();
		// The specs share one gateway: Acme gets its own name back.
		const restore = await browser.newContext();
		const restorePage = await restore.newPage();
		await signIn(restorePage, 'companies@demo.outpost.test');
		await pushMutations(restorePage, [{ name: 'saveCompany', args: { id: 'company-acme', name: 'Acme Corporation' } }]);
		await restore.close();
	}
});
