// The catalog and companies end to end: a CSV import that is refused whole for one bad row and
// then imported whole, reaching another device; a Product viewer who can look but not change; a
// product edited offline that syncs when the signal returns; search by category and with a typo;
// contacts kept by an admin on a phone; and axe over every one of these screens at phone and tablet
// widths. Only rows these tests create or an obscure seeded product are changed, so the other specs
// see the demo catalog as seeded.

import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import {
	goOffline,
	goOnline,
	mainNavLink,
	openSection,
	signIn,
	syncStatus,
	waitForServiceWorker,
	waitUntilSynced
} from './support/app.ts';

const HEADER = 'name,sku,mpn,description,category,cost,price,billing,distributor,no_procurement';

function csv(...rows: string[]) {
	return { name: 'products.csv', mimeType: 'text/csv', buffer: Buffer.from([HEADER, ...rows].join('\r\n')) };
}

/** Searches once the catalog is on the device, and returns the matching products' links. */
async function searchProducts(page: Page, query: string) {
	await expect(page.getByText(/^[\d,]+ (of [\d,]+ )?products( match)?$/)).toBeVisible();
	await page.getByRole('searchbox', { name: 'Search products' }).fill(query);
	return page.getByRole('list', { name: 'Products' }).getByRole('link');
}

test('an import with a bad row changes nothing; the corrected file is imported whole and reaches another device', async ({
	browser
}) => {
	const catalog = await browser.newContext();
	const sales = await browser.newContext();
	const catalogPage = await catalog.newPage();
	const salesPage = await sales.newPage();

	await signIn(salesPage, 'sales@demo.outpost.test');
	await openSection(salesPage, 'Catalog');

	await signIn(catalogPage, 'catalog@demo.outpost.test');
	await catalogPage.goto('/catalog/import');
	// The file is checked against the local catalog: let the first sync bring the categories.
	await waitUntilSynced(catalogPage);
	const file = catalogPage.getByLabel('CSV file');
	const good = [
		'"E2E Rugged Tablet, 10 inch",E2E-TAB-001,RT10-E2E,Field tablet,Laptops,410.00,"$529.00",one-time,TD SYNNEX,no',
		'Kingston IronKey Vault Privacy 50 64 GB,ACC-STO-003,,Encrypted USB drive (imported),,,,,,'
	];
	await file.setInputFiles(
		csv(...good, 'E2E Site Visit,E2E-SVC-001,,Half a day on site,Gadgets,twelve,300,one-time,,yes')
	);

	const report = catalogPage.getByRole('region', { name: /problems? in 1 row/ });
	await expect(report.getByRole('heading')).toHaveText('2 problems in 1 row');
	await expect(report).toContainText('Nothing has been imported');
	const problems = report.getByRole('row');
	await expect(problems.nth(1)).toContainText(/4\s*Category\s*No category is named "Gadgets"/);
	await expect(problems.nth(2)).toContainText(/4\s*Cost\s*Cost "twelve" is not an amount/);
	await expect(catalogPage.getByRole('button', { name: /^Import/ })).toBeDisabled();

	await catalogPage.goto('/catalog');
	await expect(await searchProducts(catalogPage, 'E2E')).toHaveCount(0);
	await expect(catalogPage.getByTestId('pending-count')).toHaveCount(0);

	await catalogPage.goto('/catalog/import');
	await file.setInputFiles(
		csv(...good, 'E2E Site Visit,E2E-SVC-001,,Half a day on site,Professional Services,120.00,300,one-time,,yes')
	);
	await expect(catalogPage.getByText('Every row is valid: 2 new, 1 to update.')).toBeVisible();
	await catalogPage.getByRole('button', { name: 'Import 3 products' }).click();
	await expect(
		catalogPage.getByRole('status').filter({ hasText: 'Imported 3 products on this device: 2 new, 1 updated' })
	).toBeVisible();
	await waitUntilSynced(catalogPage);

	// The sales rep's page was never reloaded: the poke and pull brought the products.
	const found = await searchProducts(salesPage, 'e2e');
	await expect(found).toHaveCount(2);
	await expect(found.filter({ hasText: 'E2E Rugged Tablet, 10 inch' })).toContainText('$529.00');
	await expect(found.filter({ hasText: 'E2E Site Visit' })).toContainText('No procurement');
	await found.filter({ hasText: 'E2E Rugged Tablet' }).click();
	await expect(salesPage.getByLabel('Category')).toHaveValue(/.+/);
	await expect(salesPage.getByLabel('Category').locator('option:checked')).toHaveText('Laptops');
	await expect(salesPage.getByLabel('Distributor').locator('option:checked')).toHaveText('TD SYNNEX');
	await salesPage.goto('/catalog');
	await (await searchProducts(salesPage, 'ACC-STO-003')).first().click();
	await expect(salesPage.getByLabel('Description')).toHaveValue('Encrypted USB drive (imported)');
	await expect(salesPage.getByLabel('Name')).toHaveValue('Kingston IronKey Vault Privacy 50 64 GB');

	await catalog.close();
	await sales.close();
});

test('a Product viewer sees the catalog and cannot change it', async ({ page }) => {
	await signIn(page, 'viewer@demo.outpost.test');
	await expect(mainNavLink(page, 'Companies')).toBeVisible();
	await openSection(page, 'Catalog');
	await expect(page).toHaveURL(/\/catalog$/);
	await expect(page.getByRole('link', { name: 'New product' })).toHaveCount(0);
	await expect(page.getByRole('navigation', { name: 'Catalog' }).getByRole('link', { name: 'Import' })).toHaveCount(0);

	await page.getByRole('combobox', { name: 'Category' }).selectOption({ label: 'Licensing' });
	const products = await searchProducts(page, 'business premium');
	await expect(products).toHaveCount(2);
	await products.filter({ hasText: 'monthly term' }).click();
	await expect(page.getByRole('heading', { name: 'Microsoft 365 Business Premium, monthly term' })).toBeVisible();
	await expect(page.getByRole('note')).toContainText('changing them needs the Product editor permission');
	await expect(page.getByLabel('Name')).toBeDisabled();
	await expect(page.getByLabel('Price')).toBeDisabled();
	await expect(page.getByLabel('Billing').locator('option:checked')).toHaveText('Monthly');
	await expect(page.getByRole('button', { name: /Save/ })).toHaveCount(0);

	await page.goto('/catalog/categories');
	await expect(page.getByRole('table', { name: 'Categories' }).getByRole('row', { name: /Laptops/ })).toContainText(
		'29682801'
	);
	await expect(page.getByRole('textbox')).toHaveCount(0);
	await page.goto('/catalog/import');
	await expect(page.getByText('This page needs the Products importer permission.')).toBeVisible();
	await expect(page.getByLabel('CSV file')).toHaveCount(0);
});

test('the catalog search finds products by their category and forgives a typo', async ({ page }) => {
	await signIn(page, 'viewer@demo.outpost.test');
	await openSection(page, 'Catalog');
	// No demo monitor says "monitor" in its name: the category and the description find them.
	const monitors = await searchProducts(page, 'monitor');
	await expect(monitors.filter({ hasText: 'Dell P2425H 24"' })).toContainText('Monitors');
	await expect(monitors.filter({ hasText: 'Lenovo ThinkVision T24i-30' })).toHaveCount(1);
	const typo = await searchProducts(page, 'moniter');
	await expect(typo.filter({ hasText: 'HP E24 G5 24"' })).toHaveCount(1);
});

test('a product edited offline syncs when the signal returns', async ({ browser }) => {
	const catalog = await browser.newContext();
	const viewer = await browser.newContext();
	const catalogPage = await catalog.newPage();
	const viewerPage = await viewer.newPage();

	await signIn(catalogPage, 'catalog@demo.outpost.test');
	await waitForServiceWorker(catalogPage);
	await catalogPage.goto('/catalog/products/new');
	await catalogPage.getByLabel('Name').fill('E2E Offline Dock');
	await catalogPage.getByLabel('SKU').fill('E2E-DCK-001');
	await catalogPage.getByLabel('Category').selectOption({ label: 'Accessories' });
	await catalogPage.getByLabel('Cost').fill('100');
	await catalogPage.getByLabel('Price').fill('149.00');
	await catalogPage.getByRole('button', { name: 'Create product' }).click();
	await expect(catalogPage).toHaveURL(/\/catalog\/products\/[0-9a-f-]{36}$/);
	const productPath = new URL(catalogPage.url()).pathname;
	await waitUntilSynced(catalogPage);

	await signIn(viewerPage, 'viewer@demo.outpost.test');
	await viewerPage.goto(productPath);
	await expect(viewerPage.getByLabel('Price')).toHaveValue('149.00');

	await goOffline(catalog);
	await catalogPage.reload();
	await expect(catalogPage.getByLabel('Price')).toHaveValue('149.00');
	await catalogPage.getByLabel('Price').fill('1,234.5');
	await catalogPage.getByLabel('Distributor').selectOption({ label: 'Ingram Micro' });
	await catalogPage.getByLabel('Does not require procurement').check();
	await catalogPage.getByRole('button', { name: 'Save product' }).click();
	await expect(catalogPage.getByRole('status').filter({ hasText: 'Saved on this device' })).toBeVisible();
	await expect(catalogPage.getByLabel('Price')).toHaveValue('1234.50');
	await expect(syncStatus(catalogPage)).toHaveAttribute('data-connection', 'offline');
	await expect(catalogPage.getByTestId('pending-count')).toHaveText('1 pending');
	await expect(viewerPage.getByLabel('Price')).toHaveValue('149.00');

	await goOnline(catalog);
	await waitUntilSynced(catalogPage);
	// The viewer's page was never reloaded.
	await expect(viewerPage.getByLabel('Price')).toHaveValue('1234.50');
	await expect(viewerPage.getByLabel('Distributor').locator('option:checked')).toHaveText('Ingram Micro');
	await expect(viewerPage.getByLabel('Does not require procurement')).toBeChecked();

	await catalog.close();
	await viewer.close();
});

test('an admin adds, changes and removes a contact on a phone', async ({ browser }) => {
	const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true });
	const page = await phone.newPage();
	await signIn(page, 'admin@demo.outpost.test');
	await openSection(page, 'Companies');
	await page.getByRole('searchbox', { name: 'Search companies' }).fill('tyrell');
	await page
		.getByRole('list', { name: 'Companies' })
		.getByRole('link', { name: /Tyrell Architects/ })
		.click();
	const contacts = page.getByRole('list', { name: 'Contacts of Tyrell Architects' }).getByRole('listitem');
	// The contacts arrive with the first sync, which may still be running.
	await waitUntilSynced(page);
	const before = await contacts.count();
	expect(before).toBeGreaterThanOrEqual(2);

	await page.getByRole('button', { name: 'Add contact' }).click();
	const form = page.getByRole('form', { name: 'New contact' });
	await form.getByLabel('Name').fill('Rachael Rosen');
	await form.getByLabel('Email').fill('not an address');
	await form.getByRole('button', { name: 'Add contact' }).click();
	await expect(form.getByLabel('Email')).toHaveAccessibleDescription(/Email must be an address/);
	await form.getByLabel('Email').fill('Rachael.Rosen@Tyrell.example');
	await form.getByLabel('Job title').fill('Replicant Liaison');
	await form.getByRole('button', { name: 'Add contact' }).click();
	await expect(contacts).toHaveCount(before + 1);
	const rachael = contacts.filter({ hasText: 'Rachael Rosen' });
	await expect(rachael).toContainText('rachael.rosen@tyrell.example');

	await rachael.getByRole('button', { name: 'Edit Rachael Rosen' }).click();
	await page.getByRole('form', { name: 'Edit Rachael Rosen' }).getByLabel('Phone').fill('+1 555 0199');
	await page.getByRole('form', { name: 'Edit Rachael Rosen' }).getByRole('button', { name: 'Save contact' }).click();
	await expect(rachael).toContainText('+1 555 0199');

	await rachael.getByRole('button', { name: 'Remove Rachael Rosen…' }).click();
	await rachael.getByRole('button', { name: 'Remove Rachael Rosen', exact: true }).click();
	await expect(contacts).toHaveCount(before);
	await waitUntilSynced(page);
	await phone.close();
});

for (const viewport of [
	{ width: 390, height: 844 },
	{ width: 768, height: 1024 }
]) {
	test(`the catalog and company screens pass axe at ${viewport.width} px`, async ({ browser }) => {
		const context = await browser.newContext({ viewport });
		const page = await context.newPage();
		await signIn(page, 'admin@demo.outpost.test');
		for (const path of [
			'/catalog',
			'/catalog/products/product-lap-len-001',
			'/catalog/categories',
			'/catalog/pricing-books',
			'/catalog/pricing-books/pricing-book-preferred',
			'/catalog/import',
			'/companies',
			'/companies/company-acme'
		]) {
			await page.goto(path);
			await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
			const { violations } = await new AxeBuilder({ page }).analyze();
			const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
			expect(serious, `${path}: ${serious.map((v) => v.id).join(', ')}`).toEqual([]);
			// Nothing may be wider than the screen.
			expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
		}
		await context.close();
	});
}
