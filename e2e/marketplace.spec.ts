// Issue 13's "On a 768 px tablet a rep sees cost and stock on quote lines, also offline": a rep opens
// a quote whose lines are an Ingram Micro and a TD SYNNEX product of the demo catalog, sees each
// line's cost, stock and source from the sandbox simulators, goes offline, reloads, and still sees
// them with their age; the details of a line name the warehouses. axe-clean throughout.

import { randomUUID } from 'node:crypto';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { formatMoney } from '../shared/pricing/quote-totals.ts';
import { goOffline, signIn, waitForServiceWorker, waitUntilSynced } from './support/app.ts';
import { TABLET } from './support/quote-editor.ts';
import { pushMutations } from './support/sync-api.ts';

// The sandbox simulators sell the demo catalog at its cost: the first Ingram Micro laptop has 5 in
// stock (3 in Mira Loma, 2 in Carol Stream), the first TD SYNNEX laptop 5 (3 in Swedesboro).
const LENOVO = {
	id: 'product-lap-len-001',
	mpn: '21QC0001',
	cost: 104_000,
	source: 'Ingram Micro',
	where: 'Mira Loma, CA: 3'
};
const DELL = {
	id: 'product-lap-del-001',
	mpn: 'LAT5450-0001',
	cost: 98_000,
	source: 'TD SYNNEX',
	where: 'Swedesboro,NJ: 3'
};

const availability = (page: Page, mpn: string) => page.locator(`details[data-part="${mpn}"]`);

async function expectLine(page: Page, line: typeof LENOVO, age: RegExp) {
	const summary = availability(page, line.mpn).locator('summary');
	await expect(summary).toContainText(formatMoney(line.cost));
	await expect(summary).toContainText('5 in stock');
	await expect(summary).toContainText(line.source);
	await expect(summary).toContainText(age);
}

async function expectNoSeriousAxeViolations(page: Page) {
	const { violations } = await new AxeBuilder({ page }).analyze();
	const serious = violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map((v) => `${v.id}: ${v.help}`);
	expect(serious).toEqual([]);
}

test('a rep sees distributor cost and stock on quote lines on a tablet, also offline after a reload', async ({
	browser
}) => {
	test.setTimeout(120_000);
	const context = await browser.newContext(TABLET);
	const page = await context.newPage();
	await signIn(page, 'sales@demo.outpost.test');
	await waitForServiceWorker(page);

	const quoteId = randomUUID();
	await pushMutations(page, [
		{ name: 'createQuote', args: { id: quoteId, companyId: 'company-acme', title: `Laptops ${quoteId.slice(0, 6)}` } },
		{ name: 'addQuoteLine', args: { id: randomUUID(), quoteId, productId: LENOVO.id } },
		{ name: 'addQuoteLine', args: { id: randomUUID(), quoteId, productId: DELL.id } }
	]);
	await waitUntilSynced(page);
	await page.goto(`/quotes/${quoteId}`);
	await expectLine(page, LENOVO, /as of just now/);
	await expectLine(page, DELL, /as of just now/);
	await expectNoSeriousAxeViolations(page);

	await goOffline(context);
	// What the device holds was fetched two hours ago: its age is what the rep sees.
	await page.evaluate(async () => {
		const names = (await indexedDB.databases()).map((d) => d.name!).filter(Boolean);
		for (const name of names) {
			const db = await new Promise<IDBDatabase>((resolve, reject) => {
				const open = indexedDB.open(name);
				open.onsuccess = () => resolve(open.result);
				open.onerror = () => reject(open.error);
			});
			if (db.objectStoreNames.contains('availability')) {
				const store = db.transaction('availability', 'readwrite').objectStore('availability');
				await new Promise<void>((resolve) => {
					const all = store.getAll();
					all.onsuccess = () => {
						for (const row of all.result) store.put({ ...row, fetchedAt: row.fetchedAt - 2 * 3_600_000 });
						store.transaction.oncomplete = () => resolve();
					};
				});
			}
			db.close();
		}
	});
	await page.reload();
	await expectLine(page, LENOVO, /as of 2 hours ago/);
	await expectLine(page, DELL, /as of 2 hours ago/);

	// Details on tap: each distributor's answer and its warehouses.
	await availability(page, DELL.mpn).locator('summary').click();
	const details = availability(page, DELL.mpn);
	await expect(details.getByRole('listitem').first()).toContainText('TD SYNNEX');
	await expect(details).toContainText('Picked');
	await expect(details).toContainText(DELL.where);
	await expect(details).toContainText('Ingram Micro');
	await expectNoSeriousAxeViolations(page);
	await context.close();
});

test("a Product editor takes the picked distributor's cost as the product's cost", async ({ browser }) => {
	const context = await browser.newContext(TABLET);
	const page = await context.newPage();
	await signIn(page, 'catalog@demo.outpost.test');
	await page.goto(`/catalog/products/${DELL.id}`);
	await expect(page.getByLabel('Cost')).toHaveValue('980.00');
	await page.getByLabel('Cost').fill('1.00');
	await page.getByRole('button', { name: 'Save product' }).click();
	await expect(page.getByLabel('Cost')).toHaveValue('1.00');

	const use = page.getByRole('button', { name: `Use ${formatMoney(DELL.cost)} from TD SYNNEX as the cost` });
	await use.click();
	await expect(page.getByText(`The cost is now ${formatMoney(DELL.cost)}, from TD SYNNEX.`)).toBeVisible();
	await expect(page.getByLabel('Cost')).toHaveValue('980.00');
	await expect(use).toHaveCount(0);
	await expectNoSeriousAxeViolations(page);
	await context.close();
});
