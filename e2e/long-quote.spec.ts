// A long quote in the editor on a tablet: it opens with the lines past the first screen as plain text
// (the description a text box without a text area, the other fields as figures), which the page
// finds and prints and the keyboard reaches in order; each line gets its text area and fields near
// the screen, when its description takes the focus (which the text area keeps), or when the device is idle.

import AxeBuilder from '@axe-core/playwright';
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { QuoteEditor, signIn } from './support/app.ts';
import { TABLET } from './support/quote-editor.ts';
import { pushMutations, type Mutation } from './support/sync-api.ts';

const PDFTOTEXT = ['/usr/bin/pdftotext', '/usr/local/bin/pdftotext'].find((path) => existsSync(path));
const LINES = 120;

test.describe.configure({ timeout: 120_000 });

/** Signs in on a tablet and opens a new draft of LINES lines, each named `Item <n> <run>`. */
async function openLongQuote(browser: Browser, run: string, options: { neverIdle: boolean }): Promise<Page> {
	const context = await browser.newContext(TABLET);
	// A device too busy ever to be idle: the lines past the first screen stay previews until reached.
	if (options.neverIdle) await context.addInitScript(() => (window.requestIdleCallback = () => 0));
	const page = await context.newPage();
	await signIn(page, 'sales@demo.outpost.test');
	const id = randomUUID();
	const lines = Array.from({ length: LINES }, (_, k): Mutation => ({
		name: 'addQuoteLine',
		args: { id: randomUUID(), quoteId: id, description: `Item ${k + 1} ${run}`, quantity: 1, unitPrice: 1_000 }
	}));
	await pushMutations(page, [
		{ name: 'createQuote', args: { id, companyId: 'company-acme', title: `Long quote ${run}` } },
		...lines
	]);
	await page.goto(`/quotes/${id}`);
	await expect(new QuoteEditor(page).total()).toHaveText('$1,200.00', { timeout: 20_000 });
	return page;
}

const line = (page: Page, n: number) => page.locator('[data-line-id]').nth(n - 1);

test('the lines past the first screen are in the page, printed, and reached by the keyboard in order', async ({
	browser
}, testInfo) => {
	const run = randomUUID().slice(0, 8);
	const page = await openLongQuote(browser, run, { neverIdle: true });
	await expect(page.locator('[data-line-id]')).toHaveCount(LINES);
	const lastDescription = page.getByRole('textbox', { name: `Description of line ${LINES}` });
	await expect(lastDescription).toHaveText(`Item ${LINES} ${run}`);
	await expect(lastDescription).toHaveJSProperty('tagName', 'DIV');
	await expect(line(page, LINES)).toContainText('1 × 10.00');
	await expect(line(page, LINES).getByRole('spinbutton')).toHaveCount(0);
	const axe = await new AxeBuilder({ page }).include('section[aria-labelledby="lines-heading"]').analyze();
	expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

	if (PDFTOTEXT) {
		const path = testInfo.outputPath('long-quote.pdf');
		await page.pdf({ path, format: 'A4' });
		const text = execFileSync(PDFTOTEXT, [path, '-'], { encoding: 'utf8' });
		const missing = Array.from({ length: LINES }, (_, k) => `Item ${k + 1} ${run}`).filter((d) => !text.includes(d));
		expect(missing).toEqual([]);
	}

	// The focus on a preview's description makes it the line's text area, with the same text and the
	// focus, its caret at the end; the line gets its fields, and an edit there is kept.
	const far = page.getByRole('textbox', { name: 'Description of line 100' });
	await expect(far).toHaveJSProperty('tagName', 'DIV');
	await far.focus();
	await expect(far).toHaveJSProperty('tagName', 'TEXTAREA');
	await expect(far).toBeFocused();
	await expect(far).toHaveValue(`Item 100 ${run}`);
	await expect(page.getByRole('spinbutton', { name: 'Quantity of line 100' })).toBeVisible();
	await page.keyboard.type(' edited');
	await page.keyboard.press('Enter');
	await expect(far).toHaveValue(`Item 100 ${run} edited`);

	// Tab walks the lines in order, previews included: eight stops per line (the description, the
	// three order buttons, quantity, price, discount, Details), each preview's description turning into
	// the text area that keeps the focus as Tab reaches it.
	await page.getByRole('button', { name: 'Details of line 12' }).focus();
	for (let k = 0; k < 1 + 8 * 27; k++) await page.keyboard.press('Tab');
	const fortieth = page.getByRole('textbox', { name: 'Description of line 40' });
	await expect(fortieth).toBeFocused();
	await expect(fortieth).toHaveJSProperty('tagName', 'TEXTAREA');
	await page.context().close();
});

test('every line of a long quote becomes editable once the device is idle, without scrolling', async ({ browser }) => {
	const run = randomUUID().slice(0, 8);
	const page = await openLongQuote(browser, run, { neverIdle: false });
	await expect(page.getByRole('spinbutton', { name: /^Quantity of line / })).toHaveCount(LINES);
	await expect(page.getByRole('textbox', { name: `Description of line ${LINES}` })).toHaveValue(`Item ${LINES} ${run}`);
	await expect(page.getByRole('spinbutton', { name: `Quantity of line ${LINES}` })).toHaveValue('1');
	await page.context().close();
});
