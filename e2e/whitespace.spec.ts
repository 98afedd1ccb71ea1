// Whitespace end to end: categories bought by a customer on accepted quotes, and the ones not yet,
// for the demo account that holds the Whitespace viewer permission and nothing else (no product
// permission: the lines carry their categories).

import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations, TABLET } from './support/admin.ts';
import { mainNavLink, openSection, pressSignOut, signIn } from './support/app.ts';
import { pushMutations, pushSentQuote } from './support/sync-api.ts';

const COMPANY = { id: 'company-vandelay', name: 'Vandelay Industries' };

test('a Whitespace viewer sees which categories a company bought and which not', async ({ browser }) => {
	test.setTimeout(120_000);
	const run = randomUUID().slice(0, 6);
	const [hardware, licences, services] = ['Hardware', 'Licences', 'Services'].map((name) => ({
		id: randomUUID(),
		name: `${name} ${run}`
	}));
	const admin = await browser.newContext();
	const adminPage = await admin.newPage();
	await signIn(adminPage, 'admin@demo.outpost.test');

	const product = (name: string, categoryId: string) => ({
		id: randomUUID(),
		name,
		sku: '',
		mpn: '',
		description: '',
		categoryId,
		cost: 10_000,
		price: 15_000,
		billing: 'one-time' as const,
		distributor: null,
		noProcurement: false,
		active: true
	});
	const laptop = product(`Laptop ${run}`, hardware!.id);
	const m365 = product(`Microsoft 365 ${run}`, licences!.id);
	const onsite = product(`On-site day ${run}`, services!.id);
	await pushMutations(adminPage, [
		...[hardware!, licences!, services!].map((c) => ({
			name: 'saveCategory' as const,
			args: { ...c, defaultMarkupPercent: 30, billingCodeId: null }
		})),
		...[laptop, m365, onsite].map((p) => ({ name: 'saveProduct' as const, args: p }))
	]);
	const title = `Workstations ${run}`;
	const won = await pushSentQuote(adminPage, { companyId: COMPANY.id, title }, [
		{ productId: laptop.id, quantity: 5 },
		{ productId: m365.id, quantity: 5 },
		{ productId: onsite.id, quantity: 1, optional: true },
		{ description: 'Old kit disposal', quantity: 1, unitPrice: 5_000 }
	]);
	// A quote that is only sent buys nothing.
	await pushSentQuote(adminPage, { companyId: COMPANY.id, title: `Site visit ${run}` }, [
		{ productId: onsite.id, quantity: 2 }
	]);

	// The admin (who may answer for a customer) accepts on the customer's screen.
	await adminPage.goto(`/quotes/${won.id}/answer`);
	const form = adminPage.getByRole('form', { name: 'Accept this quote' });
	await form.getByLabel('Your full name, as your signature').fill('Art Vandelay');
	await form.getByRole('checkbox', { name: 'I accept this quote' }).check();
	await form.getByRole('button', { name: 'Accept quote' }).click();
	await expect(adminPage.getByTestId('pending-count')).toHaveCount(0, { timeout: 15_000 });
	await expect(mainNavLink(adminPage, 'Whitespace')).toHaveCount(1);

	// Without the permission there is no entry and no grid.
	const tablet = await browser.newContext(TABLET);
	const tabletPage = await tablet.newPage();
	await signIn(tabletPage, 'buyer@demo.outpost.test');
	await expect(mainNavLink(tabletPage, 'Whitespace')).toHaveCount(0);
	await tabletPage.goto('/whitespace');
	await expect(tabletPage.getByText('This page needs the Whitespace viewer permission.')).toBeVisible();
	await pressSignOut(tabletPage);

	// Whitespace viewer alone: no products on the device, the lines carry their categories.
	await signIn(tabletPage, 'whitespace@demo.outpost.test');
	await openSection(tabletPage, 'Whitespace');
	await expect(tabletPage.getByRole('heading', { level: 1, name: 'Whitespace' })).toBeVisible();
	const grid = tabletPage.getByRole('region', { name: 'Categories bought per company' });
	const row = grid.locator(`tr[data-company="${COMPANY.name}"]`);
	await expect(row.locator(`td[data-category="${hardware!.name}"]`)).toHaveAttribute('data-bought', 'true');
	await expect(row.locator(`td[data-category="${licences!.name}"]`)).toHaveAttribute('data-bought', 'true');
	// Offered as optional and on a quote still open: not bought.
	await expect(row.locator(`td[data-category="${services!.name}"]`)).toHaveAttribute('data-bought', 'false');
	await expect(
		grid.locator(`tr[data-company="Acme Corporation"] td[data-category="${hardware!.name}"]`)
	).toHaveAttribute('data-bought', 'false');
	await expectNoSeriousA11yViolations(tabletPage);

	await tabletPage.getByRole('combobox', { name: 'Company' }).selectOption({ label: COMPANY.name });
	await expect(grid.locator('tbody tr')).toHaveCount(1);
	const bought = tabletPage.getByRole('list', { name: /^Bought/ });
	await expect(bought.getByRole('listitem').filter({ hasText: hardware!.name })).toContainText(/Q-\d{5}/);
	await expect(bought.getByRole('listitem').filter({ hasText: licences!.name })).toBeVisible();
	await expect(
		tabletPage
			.getByRole('list', { name: /^Not bought yet/ })
			.getByRole('listitem')
			.filter({ hasText: services!.name })
	).toBeVisible();
	await expect(tabletPage.getByRole('note')).toContainText(
		'1 line of accepted quotes could not be placed in a category'
	);
	await expectNoSeriousA11yViolations(tabletPage);

	await Promise.all([admin.close(), tablet.close()]);
});
