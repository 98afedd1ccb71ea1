// The core journey of issue 5 on a 768 × 1024 tablet: a rep with no signal builds a 30-line quote
// from the catalog (typing, arrows and Enter), in sections; reloads, still offline, and keeps
// editing; reconnects; and another device (an admin's) shows the same lines, order and totals.
// Then who may edit what, and the status flow around a customer's acceptance.

import { randomUUID } from 'node:crypto';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { formatMoney, quoteTotals } from '../shared/pricing/quote-totals.ts';
import { quoteContentHash } from '../shared/quotes/content-hash.ts';
import type { Product } from '../shared/schema/catalog-entities.ts';
import { buildQuote, buildQuoteLine } from '../shared/test/builders.ts';
import {
	createQuote,
	goOffline,
	goOnline,
	signIn,
	syncStatus,
	waitForServiceWorker,
	waitUntilSynced
} from './support/app.ts';
import { pushAs, runProducts, TABLET, TabletQuoteEditor } from './support/quote-editor.ts';

type PlannedLine = { product: Product; section: string; quantity: number; discountPercent: number; optional: boolean };

/** What the quote should hold, in the order the editor lists it, priced as the shared module prices it. */
function expected(lines: PlannedLine[]) {
	const totals = quoteTotals(
		lines.map((l) => ({ ...l, unitPrice: l.product.price, unitCost: l.product.cost, billing: l.product.billing }))
	);
	return {
		names: lines.map((l) => l.product.name),
		oneTime: formatMoney(totals.price['one-time']),
		monthly: formatMoney(totals.price.monthly),
		yearly: formatMoney(totals.price.yearly)
	};
}

async function expectQuote(page: Page, lines: PlannedLine[], sections: string[]) {
	const editor = new TabletQuoteEditor(page);
	const want = expected(lines);
	await expect(editor.lineDescriptions()).toHaveCount(lines.length);
	for (const [k, name] of want.names.entries()) await expect(editor.lineDescriptions().nth(k)).toHaveValue(name);
	await expect(editor.sectionHeadings()).toHaveText(sections.map((s) => new RegExp(`^${s} · \\d+ lines?$`)));
	await expect(editor.total()).toHaveText(want.oneTime);
	await expect(editor.total('monthly')).toHaveText(want.monthly);
	await expect(editor.total('yearly')).toHaveText(want.yearly);
}

async function expectNoSeriousAxeViolations(page: Page) {
	const { violations } = await new AxeBuilder({ page }).analyze();
	const serious = violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map((v) => `${v.id}: ${v.help}`);
	expect(serious, `axe on ${new URL(page.url()).pathname}`).toEqual([]);
}

test('a rep builds a 30-line quote from the catalog offline on a tablet, and another device agrees', async ({
	browser,
	request
}) => {
	test.setTimeout(240_000);
	const run = `t${Date.now().toString(36)}`;
	const products = runProducts(run);
	const code = (c: string) => products.find((p) => p.sku.endsWith(`-${c}`))!;
	await pushAs(
		request,
		'catalog@demo.outpost.test',
		products.map((p) => ({ name: 'saveProduct', args: p }))
	);

	const sales = await browser.newContext(TABLET);
	const page = await sales.newPage();
	await signIn(page, 'sales@demo.outpost.test');
	await waitForServiceWorker(page);
	await waitUntilSynced(page);

	await goOffline(sales);
	const title = `Site survey ${run}`;
	const path = await createQuote(page, 'Acme Corporation', title);
	await expect(page.getByTestId('quote-number')).toHaveText('Provisional number');
	const editor = new TabletQuoteEditor(page);
	await expect(editor.addForm()).toContainText(/Type to search [\d,]+ products/);

	// Ten lines a section, typed as a rep would: a SKU, an MPN, or a few letters and the arrow keys.
	const plan: [section: string, codeOf: string, quantity: number][] = [
		['Hardware', 'LAT', 12],
		['Hardware', 'MON', 12],
		['Hardware', 'U7P', 4],
		['Hardware', 'UPS', 1],
		['Hardware', 'LAT', 2],
		['Hardware', 'MON', 4],
		['Hardware', 'U7P', 2],
		['Hardware', 'UPS', 1],
		['Hardware', 'LAT', 1],
		['Hardware', 'MON', 1],
		['Licences', 'M365', 12],
		['Licences', 'EDR', 12],
		['Licences', 'BKP', 1],
		['Licences', 'DNS', 1],
		['Licences', 'M365', 3],
		['Licences', 'EDR', 3],
		['Licences', 'BKP', 2],
		['Licences', 'M365', 1],
		['Licences', 'EDR', 1],
		['Licences', 'DNS', 2],
		['Services', 'ENG', 16],
		['Services', 'PM', 8],
		['Services', 'ENG', 4],
		['Services', 'PM', 2],
		['Services', 'ENG', 1],
		['Services', 'PM', 1],
		['Services', 'ENG', 2],
		['Services', 'PM', 4],
		['Services', 'ENG', 8],
		['Services', 'PM', 3]
	];
	const lines: PlannedLine[] = [];
	for (const [k, [section, c, quantity]] of plan.entries()) {
		const product = code(c);
		const first = k === 0 || plan[k - 1]![0] !== section;
		const options = { quantity: String(quantity), ...(first ? { section } : {}) };
		if (k % 3 === 1) await editor.addFromCatalog(product.mpn.toLowerCase(), product.name, options);
		else await editor.addFromCatalog(product.sku, product.name, options);
		lines.push({ product, section, quantity, discountPercent: 0, optional: false });
	}
	await expectQuote(page, lines, ['Hardware', 'Licences', 'Services']);

	// The arrow keys: every product of this run matches its SKU prefix; walk down to the UPS.
	await editor.search().pressSequentially(`${run.toUpperCase()}-`);
	await expect(editor.options()).toHaveCount(9); // the best eight of ten, and the free-text line
	await expect(editor.addForm()).toContainText('10 products match; the best 8 are listed.');
	const names = await editor.options().locator('.name').allTextContents();
	const ups = names.indexOf(code('UPS').name);
	expect(ups).toBeGreaterThan(0);
	for (let k = 0; k < ups; k++) await editor.search().press('ArrowDown');
	await expect(editor.options().nth(ups)).toHaveAttribute('aria-selected', 'true');
	await editor.search().press('Escape');
	await expect(editor.options().first()).toBeHidden();
	await editor.search().fill('');

	// Still no signal: reload (the service worker serves the app) and keep editing.
	await expect(syncStatus(page)).toHaveAttribute('data-connection', 'offline');
	await page.reload();
	await expectQuote(page, lines, ['Hardware', 'Licences', 'Services']);
	await editor.set('Quantity', 2, '20');
	lines[1]!.quantity = 20;
	await editor.set('Discount %', 1, '10');
	lines[0]!.discountPercent = 10;
	await page.getByRole('button', { name: 'Details of line 30' }).click();
	await page.getByRole('checkbox', { name: 'Optional line 30' }).check();
	lines[29]!.optional = true;
	await page.getByRole('button', { name: 'Move line 5 up' }).click();
	lines.splice(3, 0, lines.splice(4, 1)[0]!);
	await expect(editor.lineDescriptions().nth(3)).toHaveValue(lines[3]!.product.name);
	// Dragging by the line number: the third line onto the top half of the first.
	const lineRows = page.locator('[data-line-id]');
	// Both ends on screen first: a drag that has to scroll on the way is not what a person does.
	await lineRows.nth(0).evaluate((row) => row.scrollIntoView({ block: 'start' }));
	await expect(lineRows.nth(2)).toBeInViewport();
	await lineRows
		.nth(2)
		.locator('.number')
		.dragTo(lineRows.nth(0), { targetPosition: { x: 200, y: 10 } });
	lines.unshift(...lines.splice(2, 1));
	await expect(editor.lineDescriptions().nth(0)).toHaveValue(lines[0]!.product.name);
	await page.getByRole('button', { name: 'Rename section Services' }).click();
	await page.getByRole('textbox', { name: 'New name for section Services' }).fill('Professional services');
	await page.getByRole('button', { name: 'Save' }).click();
	await expectQuote(page, lines, ['Hardware', 'Licences', 'Professional services']);
	await expect(page.getByTestId('quote-optional')).toContainText(formatMoney(code('PM').price * 3));
	await expect(page.getByTestId('pending-count')).toBeVisible();

	// The signal returns: everything syncs and the gateway numbers the quote.
	await goOnline(sales);
	await waitUntilSynced(page);
	await expect(page.getByTestId('quote-number')).toHaveText(/^Q-\d{5}$/);
	await expectQuote(page, lines, ['Hardware', 'Licences', 'Professional services']);

	const admin = await browser.newContext(TABLET);
	const adminPage = await admin.newPage();
	await signIn(adminPage, 'admin@demo.outpost.test');
	await adminPage.goto(path);
	await expectQuote(adminPage, lines, ['Hardware', 'Licences', 'Professional services']);
	await expect(adminPage.getByTestId('quote-number')).toHaveText(await page.getByTestId('quote-number').innerText());

	// The list finds it by number and shows its total; both screens pass axe.
	await expectNoSeriousAxeViolations(page);
	await page.goto('/quotes');
	await page
		.getByRole('searchbox', { name: 'Search quotes' })
		.fill(await adminPage.getByTestId('quote-number').innerText());
	const rows = page.getByRole('list', { name: 'Quotes' }).getByRole('link');
	await expect(rows).toHaveCount(1);
	await expect(rows.first()).toContainText(title);
	await expect(rows.first()).toContainText(expected(lines).oneTime);
	await expectNoSeriousAxeViolations(page);

	await sales.close();
	await admin.close();
});

test('a user without the catalog adds free-text lines; one without a quoting permission does not hold it', async ({
	browser
}) => {
	// quotes@ holds Quote editor alone (buyers read the catalog now, to order offline).
	const quoting = await browser.newContext(TABLET);
	const page = await quoting.newPage();
	await signIn(page, 'quotes@demo.outpost.test');
	await createQuote(page, 'Globex', 'Free text only');
	const editor = new TabletQuoteEditor(page);
	await expect(editor.addForm()).toContainText('does not include the product catalog');
	await editor.search().fill('Cabling per drop');
	await expect(editor.options()).toHaveText(['Add “Cabling per drop” as a free-text line']);
	await editor.search().press('Enter');
	await expect(editor.lineDescriptions()).toHaveCount(1);
	await expect(editor.lineDescriptions().first()).toHaveValue('Cabling per drop');
	await waitUntilSynced(page);
	const path = new URL(page.url()).pathname;

	// catalog@ manages products but holds no quoting permission, so quotes never replicate to his devices
	// (viewer@ is not used: an admin spec changes his roles).
	const viewer = await browser.newContext(TABLET);
	const viewerPage = await viewer.newPage();
	await signIn(viewerPage, 'catalog@demo.outpost.test');
	await waitUntilSynced(viewerPage);
	await viewerPage.goto(path);
	await expect(viewerPage.getByText('This quote is not on this device.')).toBeVisible();
	await expect(new TabletQuoteEditor(viewerPage).lineDescriptions()).toHaveCount(0);
	await quoting.close();
	await viewer.close();
});

test('an accepted quote is read-only and says who accepted it; revise, send, retract and duplicate', async ({
	browser,
	request
}) => {
	const id = randomUUID();
	const lines = [
		buildQuoteLine({
			id: randomUUID(),
			quoteId: id,
			description: 'Firewall appliance',
			unitPrice: 118_000,
			position: 'a0'
		}),
		buildQuoteLine({
			id: randomUUID(),
			quoteId: id,
			description: 'Installation, per hour',
			quantity: 6,
			unitPrice: 12_500,
			position: 'a1'
		})
	];
	const quote = buildQuote({ id, companyId: 'company-acme', title: 'Perimeter security' });
	await pushAs(request, 'sales@demo.outpost.test', [
		{ name: 'createQuote', args: { id, companyId: quote.companyId, title: quote.title } },
		...lines.map(({ id: lineId, description, quantity, unitPrice, position }) => ({
			name: 'addQuoteLine',
			args: { id: lineId, quoteId: id, description, quantity, unitPrice, position }
		})),
		{ name: 'updateQuote', args: { id, status: 'sent' } }
	]);
	await pushAs(request, 'customer@acme.outpost.test', [
		{ name: 'acceptQuote', args: { id, name: 'Carla Customer', contentHash: quoteContentHash(quote, lines) } }
	]);

	const context = await browser.newContext(TABLET);
	const page = await context.newPage();
	await signIn(page, 'sales@demo.outpost.test');
	await page.goto(`/quotes/${id}`);
	await expect(page.getByRole('note')).toContainText(
		/Accepted by Carla Customer on .+\.\s+This quote is read-only;\s+revise it/
	);
	await expect(page.getByRole('textbox', { name: 'Description of line 1' })).not.toBeEditable();
	await expect(page.getByRole('form', { name: 'Add a line' })).toHaveCount(0);
	await expect(page.getByRole('button', { name: 'Move line 2 up' })).toHaveCount(0);
	await expectNoSeriousAxeViolations(page);

	await page.getByRole('button', { name: 'Revise' }).click();
	await expect(page).not.toHaveURL(new RegExp(id));
	await expect(page.getByText('Revision 2')).toBeVisible();
	// The revision is a new quote: once it has synced, the gateway has given it a number of its own.
	await expect(page.getByTestId('quote-number')).toHaveText(/^Q-\d{5}$/);
	const revisionNumber = await page.getByTestId('quote-number').innerText();
	const editor = new TabletQuoteEditor(page);
	await expect(editor.lineDescriptions()).toHaveCount(2);
	await expect(editor.total()).toHaveText('$1,930.00');

	await page.getByRole('button', { name: 'Mark as sent' }).click();
	await expect(page.getByText('Sent: read-only while the customer decides.')).toBeVisible();
	await page.getByRole('button', { name: 'Retract' }).click();
	await expect(page.getByText('Retracted: the customer can no longer answer it.')).toBeVisible();
	await page.getByRole('button', { name: 'Back to draft' }).click();
	await expect(page.getByText('Draft: only your team sees it.')).toBeVisible();

	await page.getByRole('button', { name: 'Duplicate' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Copy of Perimeter security');
	await expect(editor.lineDescriptions()).toHaveCount(2);
	await expect(page.getByTestId('quote-number')).toHaveText(/^Q-\d{5}$/);
	expect(await page.getByTestId('quote-number').innerText()).not.toBe(revisionNumber);
	await context.close();
});

test('the quote list filters by status and company, sorts by number, and keeps the choice in its address', async ({
	browser
}) => {
	const context = await browser.newContext(TABLET);
	const page = await context.newPage();
	await signIn(page, 'sales@demo.outpost.test');
	const rows = page.getByRole('list', { name: 'Quotes' }).getByRole('link');
	await expect(rows.first()).toBeVisible();

	await page.getByRole('combobox', { name: 'Status' }).selectOption('accepted');
	await expect(rows.filter({ hasNotText: 'Accepted' })).toHaveCount(0);
	await expect(rows.filter({ hasText: 'Backup and disaster recovery' })).toHaveCount(1);

	await page.getByRole('combobox', { name: 'Status' }).selectOption('');
	await page.getByRole('combobox', { name: 'Company' }).selectOption({ label: 'Acme Corporation' });
	await page.getByRole('combobox', { name: 'Sort' }).selectOption({ label: 'Number, oldest first' });
	await expect(rows.first()).toContainText('Laptop refresh 2027');
	await expect(rows.filter({ hasNotText: 'Acme Corporation' })).toHaveCount(0);
	await expect(page).toHaveURL(/\/quotes\?company=company-acme&sort=number-asc$/);

	await page.reload();
	await expect(page.getByRole('combobox', { name: 'Company' })).toHaveValue('company-acme');
	await expect(rows.first()).toContainText('Laptop refresh 2027');
	await context.close();
});
