// The quote editor's safety nets, on a phone (390 px) and a tablet (768 px): focus where the next
// step is, the empty-quote guard, undo for a removed line, a sent quote read-only, totals always in
// view, and "Loading quotes…" rather than a false "No quotes yet" before the first pull.

import { randomUUID } from 'node:crypto';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { createQuote, QuoteEditor, signIn, waitUntilSynced } from './support/app.ts';
import { pushMutations, type Mutation } from './support/sync-api.ts';

const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true } as const;
const TABLET = { viewport: { width: 768, height: 1024 }, hasTouch: true } as const;
const SALES = 'sales@demo.outpost.test';
const SHOTS = process.env.E2E_SHOTS_DIR;

test.describe.configure({ timeout: 120_000 });

async function open(browser: Browser, size: typeof PHONE | typeof TABLET): Promise<Page> {
	const context = await browser.newContext(size);
	const page = await context.newPage();
	await signIn(page, SALES);
	return page;
}

/** Where the next line is typed: the add-a-line combobox. */
const search = (page: Page) => page.getByRole('combobox', { name: 'Product or description' });

async function shot(page: Page, name: string) {
	if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png` });
}

test('Create quote puts the keyboard in the add-a-line search, and it stays there after each line', async ({
	browser
}) => {
	const page = await open(browser, PHONE);
	await createQuote(page, 'Acme Corporation', 'Focus check');
	await expect(search(page)).toBeFocused();
	await new QuoteEditor(page).addLine('Site survey', '1', '250');
	await expect(search(page)).toBeFocused();
	await page.context().close();
});

test('an empty or zero quote cannot be marked as sent, and the editor says why', async ({ browser }) => {
	const page = await open(browser, PHONE);
	await createQuote(page, 'Acme Corporation', 'Nothing yet');
	const send = page.getByRole('button', { name: 'Mark as sent' });
	await expect(send).toBeDisabled();
	await expect(send).toHaveAccessibleDescription('Add a line before sending this quote.');
	await shot(page, 'empty-quote-390');

	await new QuoteEditor(page).addLine('Free consultation', '1', '0');
	await expect(send).toHaveAccessibleDescription('This quote totals nothing; price a line before sending it.');
	await expect(send).toBeDisabled();

	await page.getByRole('textbox', { name: 'Unit price of line 1' }).fill('90');
	await page.getByRole('textbox', { name: 'Unit price of line 1' }).press('Tab');
	await expect(send).toBeEnabled();
	await page.context().close();
});

// Descriptions no catalog product matches, so each goes in as a free-text line.
test('a removed line comes back with Undo, from the keyboard, and stays back after a sync', async ({ browser }) => {
	const page = await open(browser, PHONE);
	await createQuote(page, 'Acme Corporation', 'Undo check');
	const editor = new QuoteEditor(page);
	await editor.addLine('Onsite wiring survey', '1', '1200');
	await editor.addLine('Courier delivery', '3', '125');
	await expect(editor.total()).toHaveText('$1,575.00');

	await page.getByRole('button', { name: 'Remove line 1' }).click();
	await expect(editor.lineDescriptions()).toHaveCount(1);
	await expect(editor.total()).toHaveText('$375.00');
	const toast = page.getByRole('status').filter({ hasText: 'Line removed' });
	await expect(toast).toBeVisible();
	const undo = toast.getByRole('button', { name: 'Undo' });
	await expect(undo).toBeFocused();
	await shot(page, 'undo-toast-390');
	await page.keyboard.press('Enter');

	await expect(editor.lineDescriptions()).toHaveCount(2);
	await expect(editor.lineDescriptions().first()).toHaveValue('Onsite wiring survey');
	await expect(editor.total()).toHaveText('$1,575.00');
	await expect(toast).toHaveCount(0);

	await waitUntilSynced(page);
	await page.reload();
	await expect(editor.lineDescriptions()).toHaveCount(2);
	await expect(editor.lineDescriptions().first()).toHaveValue('Onsite wiring survey');
	await page.context().close();
});

test('the Undo leaves by itself after a few seconds', async ({ browser }) => {
	const page = await open(browser, TABLET);
	await createQuote(page, 'Acme Corporation', 'Undo expiry');
	const editor = new QuoteEditor(page);
	await editor.addLine('Cabling', '1', '80');
	await editor.addLine('Patch panel', '1', '60');
	await page.getByRole('button', { name: 'Remove line 2' }).click();
	await expect(page.getByRole('button', { name: 'Undo' })).toBeVisible();
	await page.getByRole('textbox', { name: 'Description of line 1' }).click();
	await expect(page.getByRole('button', { name: 'Undo' })).toHaveCount(0, { timeout: 15_000 });
	await expect(editor.lineDescriptions()).toHaveCount(1);
	await page.context().close();
});

test('a sent quote is read-only, with Revise as its next step', async ({ browser }) => {
	const page = await open(browser, TABLET);
	await createQuote(page, 'Acme Corporation', 'Read-only check');
	await new QuoteEditor(page).addLine('Switch, 24 ports', '2', '450');
	await page.getByRole('button', { name: 'Mark as sent' }).click();

	await expect(page.getByText('Sent: read-only while the customer decides.')).toBeVisible();
	await expect(page.getByRole('textbox', { name: 'Description of line 1' })).not.toBeEditable();
	await expect(page.getByRole('spinbutton', { name: 'Quantity of line 1' })).not.toBeEditable();
	await expect(page.getByRole('form', { name: 'Add a line' })).toHaveCount(0);
	await expect(page.getByRole('button', { name: 'Remove line 1' })).toHaveCount(0);
	await expect(page.getByRole('button', { name: 'Mark as sent' })).toHaveCount(0);
	await expect(page.getByRole('button', { name: 'Revise' })).toHaveClass(/primary/);
	await shot(page, 'sent-quote-768');
	await page.context().close();
});

test('the totals stay in view on a long quote, at 390 and 768 px', async ({ browser }) => {
	const page = await open(browser, PHONE);
	const id = randomUUID();
	const lines = Array.from({ length: 40 }, (_, k): Mutation => ({
		name: 'addQuoteLine',
		args: {
			id: randomUUID(),
			quoteId: id,
			description: `Lenovo ThinkPad T14 Gen 5, Intel Core Ultra 7, 32 GB RAM, 1 TB SSD, 14" WUXGA, item ${k + 1}`,
			quantity: 1,
			unitPrice: 10_000
		}
	}));
	await pushMutations(page, [
		{ name: 'createQuote', args: { id, companyId: 'company-acme', title: 'Long quote' } },
		...lines
	]);
	await page.goto(`/quotes/${id}`);
	const total = new QuoteEditor(page).total();
	await expect(total).toHaveText('$4,000.00', { timeout: 20_000 });
	await expect(total).toBeInViewport();
	await scrollToLine(page, 20);
	await expect(total).toBeInViewport();
	// A long product name wraps on the phone instead of running out of its box.
	const description = page.getByRole('textbox', { name: 'Description of line 20' });
	const { scrollWidth, clientWidth, clientHeight } = await description.evaluate((el) => ({
		scrollWidth: el.scrollWidth,
		clientWidth: el.clientWidth,
		clientHeight: el.clientHeight
	}));
	expect(scrollWidth).toBe(clientWidth);
	expect(clientHeight).toBeGreaterThan(50);
	await shot(page, 'long-quote-390');

	await page.setViewportSize(TABLET.viewport);
	await scrollToLine(page, 30);
	await expect(total).toBeInViewport();
	await shot(page, 'long-quote-768');
	await page.context().close();
});

test('the quote list says "Loading quotes…", not "No quotes yet", until the first pull lands', async ({ browser }) => {
	const context = await browser.newContext(PHONE);
	const page = await context.newPage();
	let release: () => void = () => undefined;
	const held = new Promise<void>((resolve) => (release = resolve));
	await context.route('**/api/sync/pull**', async (route) => {
		await held;
		await route.continue();
	});
	await signIn(page, SALES);
	await expect(page.getByText('Loading quotes…')).toBeVisible();
	await expect(page.getByText('No quotes yet.')).toHaveCount(0);
	await shot(page, 'loading-390');
	release();
	await expect(page.getByText('Loading quotes…')).toHaveCount(0, { timeout: 20_000 });
	await expect(page.getByRole('list', { name: 'Quotes' }).getByRole('listitem').first()).toBeVisible();
	await context.close();
});

/**
 * Scrolls a line's description into view. A far-off line's plain-text description is swapped for its
 * text area when the line becomes editable (near the viewport or when idle), so a scroll that catches
 * the swap finds its element detached and is tried again on the one that took its place.
 */
async function scrollToLine(page: Page, line: number): Promise<void> {
	await expect(async () => {
		await page.getByRole('textbox', { name: `Description of line ${line}` }).scrollIntoViewIfNeeded({ timeout: 2_000 });
	}).toPass({ timeout: 15_000 });
}
