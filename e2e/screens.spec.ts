// Every main screen, as the demo user who works there, at phone (390 px) and tablet (768 px) width:
// the app bar stays one row, the sync state is words, axe finds nothing serious, and a screenshot of
// the first screen is taken. With UPDATE_SCREENS=1 the screenshots replace the committed ones in
// docs/screens/<width>/, so a change's diff shows what it altered; otherwise they go to
// test-results/screens/ and the spec checks every screen has a committed copy. Pixels are not compared:
// the shared gateway's data and font rendering differ from run to run.

import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations, PHONE, TABLET } from './support/admin.ts';
import { openAccountMenu, openSection, signIn, syncStatus, waitUntilSynced } from './support/app.ts';

const APP_BAR_HEIGHT = 56; // 3.5rem: one row

type Screen = { name: string; path: string | ((page: Page) => Promise<string>) };

/** The first record a list links to, as a path. */
function firstOf(list: string, listName: string): (page: Page) => Promise<string> {
	return async (page) => {
		await page.goto(list);
		const link = page.getByRole('list', { name: listName, exact: true }).getByRole('link').first();
		await expect(link).toBeVisible();
		return (await link.getAttribute('href')) ?? list;
	};
}

/** A draft purchase order: the first one the queue lists, or one ordered from the first accepted quote that has products to buy. */
async function aDraftOrder(page: Page): Promise<string> {
	await page.goto('/procurement');
	const drafts = page.getByRole('list', { name: /^Draft orders at / }).getByRole('link');
	const awaiting = page.getByRole('list', { name: 'Accepted quotes awaiting ordering' }).getByRole('listitem');
	await expect(drafts.or(awaiting).first()).toBeVisible();
	for (let i = 0; (await drafts.count()) === 0; i++) {
		const quote = awaiting.nth(i);
		await quote.getByRole('button', { name: 'Order' }).click();
		await expect(drafts.first().or(quote.getByRole('alert'))).toBeVisible();
	}
	return (await drafts.first().getAttribute('href')) ?? '/procurement';
}

const ROLES: { user: string; email: string; screens: Screen[] }[] = [
	{
		user: 'sales',
		email: 'sales@demo.outpost.test',
		screens: [
			{ name: 'quotes', path: '/quotes' },
			{ name: 'quote', path: firstOf('/quotes', 'Quotes') },
			{ name: 'companies', path: '/companies' },
			{ name: 'company', path: firstOf('/companies', 'Companies') },
			{ name: 'catalog', path: '/catalog' },
			// The product with its distributors' price and availability (the Marketplace).
			{ name: 'product', path: '/catalog/products/product-lap-len-001' },
			{ name: 'unknown-company', path: '/companies/not-a-company' },
			{ name: 'unknown-quote', path: '/quotes/not-a-quote' },
			{ name: 'unknown-product', path: '/catalog/products/not-a-product' },
			{ name: 'not-found', path: '/no-such-page' }
		]
	},
	{
		user: 'admin',
		email: 'admin@demo.outpost.test',
		screens: [
			{ name: 'users', path: '/admin/users' },
			{ name: 'user', path: firstOf('/admin/users', 'Users') },
			{ name: 'roles', path: '/admin/roles' },
			{ name: 'integrations', path: '/admin/integrations' },
			{ name: 'integration', path: firstOf('/admin/integrations', 'PSA integrations') },
			{ name: 'distributors', path: '/admin/distributors' },
			{ name: 'issues', path: '/admin/issues' },
			{ name: 'maintenance', path: '/admin/maintenance' },
			{ name: 'mailbox', path: '/admin/mailbox' },
			{ name: 'incidents', path: '/admin/incidents' },
			{ name: 'report-incident', path: '/incidents/report' },
			{ name: 'logs', path: '/admin/logs' },
			{ name: 'authentication', path: '/admin/settings/authentication' },
			{ name: 'categories', path: '/catalog/categories' },
			{ name: 'pricing-books', path: '/catalog/pricing-books' },
			{ name: 'pricing-book', path: firstOf('/catalog/pricing-books', 'Pricing books') },
			{ name: 'unknown-user', path: '/admin/users/not-a-user' },
			{ name: 'organisation', path: '/admin/settings/organisation' },
			{ name: 'whitespace', path: '/whitespace' }
		]
	},
	{
		user: 'buyer',
		email: 'buyer@demo.outpost.test',
		screens: [
			{ name: 'purchase-order', path: aDraftOrder },
			{ name: 'procurement', path: '/procurement' }
		]
	},
	{
		// Whitespace viewer alone: the grid without any product permission, and an Access Forbidden page.
		user: 'whitespace',
		email: 'whitespace@demo.outpost.test',
		screens: [
			{ name: 'whitespace', path: '/whitespace' },
			{ name: 'forbidden', path: '/procurement' }
		]
	},
	{
		user: 'customer',
		email: 'customer@acme.outpost.test',
		screens: [
			{ name: 'quotes', path: '/quotes' },
			{ name: 'answer', path: firstOf('/quotes', 'Quotes') }
		]
	}
];

for (const device of [PHONE, TABLET]) {
	const width = device.viewport.width;

	test(`sign-in screen at ${width} px`, async ({ browser }) => {
		const context = await browser.newContext(device);
		const page = await context.newPage();
		await page.goto('/');
		await expect(page.getByRole('form', { name: 'Sign in' })).toBeVisible();
		await expectOneRowBar(page);
		await expectNoSeriousA11yViolations(page);
		await keepScreenshot(page, width, 'signed-out-sign-in');
		await context.close();
	});

	for (const role of ROLES) {
		test(`${role.user}'s screens at ${width} px`, async ({ browser }) => {
			test.setTimeout(60_000 + 25_000 * role.screens.length);
			const context = await browser.newContext(device);
			const page = await context.newPage();
			await signIn(page, role.email);
			await waitUntilSynced(page);
			for (const screen of role.screens) {
				const path = typeof screen.path === 'string' ? screen.path : await screen.path(page);
				await page.goto(path);
				await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
				await expectOneRowBar(page);
				await expect(syncStatus(page).getByText('Synced', { exact: true }), path).toBeVisible();
				// The page title starts in the top third of a phone, section tabs or not.
				const heading = await page.getByRole('heading', { level: 1 }).first().boundingBox();
				expect(heading?.y ?? Infinity, `title of ${path}`).toBeLessThan(device.viewport.height / 3);
				await expectNoSeriousA11yViolations(page);
				await keepScreenshot(page, width, `${role.user}-${screen.name}`);
			}
			await context.close();
		});
	}
}

test("a company's page lists its quotes and starts a new one for that company", async ({ browser }) => {
	const context = await browser.newContext(PHONE);
	const page = await context.newPage();
	await signIn(page, 'sales@demo.outpost.test');
	await openSection(page, 'Companies');
	await page.getByRole('list', { name: 'Companies' }).getByRole('link').filter({ hasText: 'Acme Corporation' }).click();
	const quotes = page.getByRole('list', { name: 'Quotes for Acme Corporation' });
	await expect(quotes.getByRole('link').filter({ hasText: 'Laptop refresh 2027' })).toBeVisible();

	await page.getByRole('button', { name: 'New quote' }).click();
	const form = page.getByRole('form', { name: 'New quote for Acme Corporation' });
	await expect(form.getByLabel('Title')).toBeFocused();
	// Its own title: the specs share one gateway, and another creates Acme quotes too.
	const title = `Toner contract ${randomUUID().slice(0, 8)}`;
	await form.getByLabel('Title').fill(title);
	await form.getByRole('button', { name: 'Create quote' }).click();
	await expect(page).toHaveURL(/\/quotes\/[0-9a-f-]{36}$/);
	await page.goBack();
	await expect(quotes.getByRole('link').filter({ hasText: title })).toBeVisible();
	await context.close();
});

test('the account menu names who is signed in, and Escape closes it back onto its button', async ({ browser }) => {
	const context = await browser.newContext(PHONE);
	const page = await context.newPage();
	await signIn(page, 'sales@demo.outpost.test');
	const menu = await openAccountMenu(page);
	await expect(menu).toContainText('sales@demo.outpost.test');
	// Tab enters the menu (its first item is the support contact, then Report an incident, Reset, Sign out).
	await page.keyboard.press('Tab');
	await expect(menu.locator(':focus')).toHaveCount(1);
	await page.keyboard.press('Escape');
	const button = page.getByRole('button', { name: 'Account', exact: true });
	await expect(button).toHaveAttribute('aria-expanded', 'false');
	await expect(button).toBeFocused();
	await context.close();
});

/** The first screen, at device scale 1 (small files): committed with UPDATE_SCREENS=1, else checked to be. */
async function keepScreenshot(page: Page, width: number, name: string): Promise<void> {
	const committed = `docs/screens/${width}/${name}.png`;
	const update = process.env.UPDATE_SCREENS === '1';
	await page.screenshot({
		path: update ? committed : `test-results/screens/${width}/${name}.png`,
		animations: 'disabled',
		caret: 'hide'
	});
	if (!update) expect(existsSync(committed), `${committed} is committed (run with UPDATE_SCREENS=1)`).toBe(true);
}

async function expectOneRowBar(page: Page): Promise<void> {
	const bar = page.getByTestId('app-bar');
	const box = await bar.boundingBox();
	expect(box?.height).toBe(APP_BAR_HEIGHT);
	// Nothing in it overflows or overlaps its neighbour either.
	const overlaps = await bar.evaluate((el) => {
		const parts = [...el.children]
			.map((child) => child.getBoundingClientRect())
			.filter((box) => box.width > 0 && box.top < el.getBoundingClientRect().bottom);
		return parts.filter((box, i) => i > 0 && box.left < parts[i - 1]!.right - 0.5).length;
	});
	expect(overlaps, 'parts of the app bar that overlap').toBe(0);
	const cutShort = await bar.evaluate((el) =>
		[...el.querySelectorAll<HTMLElement>('*')]
			.filter((child) => child.scrollWidth > child.clientWidth + 1)
			.map((child) => child.textContent?.trim() ?? child.tagName)
	);
	expect(cutShort, 'parts of the app bar (and bottom navigation) cut short').toEqual([]);
}
