// Two reps edit one quote offline on their own tablets. Edits of different lines and fields both
// survive (field-level mutations); the one field both changed ends as the server ordered it (the
// later push wins) on both devices, and the rep whose value was replaced is told so beside it.

import { randomUUID } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { goOffline, goOnline, signIn, waitForServiceWorker, waitUntilSynced } from './support/app.ts';
import { pushAs, TABLET, TabletQuoteEditor } from './support/quote-editor.ts';

test('two devices edit one quote offline, reconnect, and both keep both edits', async ({ browser, request }) => {
	test.setTimeout(120_000);
	const quoteId = randomUUID();
	const lineIds = [randomUUID(), randomUUID()];
	await pushAs(request, 'sales@demo.outpost.test', [
		{ name: 'createQuote', args: { id: quoteId, companyId: 'company-initech', title: 'Two reps, one quote' } },
		{
			name: 'addQuoteLine',
			args: { id: lineIds[0], quoteId, description: 'Switch, 24 ports', quantity: 1, unitPrice: 40_000 }
		},
		{
			name: 'addQuoteLine',
			args: { id: lineIds[1], quoteId, description: 'Patch cables', quantity: 10, unitPrice: 1_000 }
		}
	]);

	async function device(
		email: string
	): Promise<{ page: Page; editor: TabletQuoteEditor; online: () => Promise<void>; close: () => Promise<void> }> {
		const context = await browser.newContext(TABLET);
		const page = await context.newPage();
		await signIn(page, email);
		await waitForServiceWorker(page);
		await page.goto(`/quotes/${quoteId}`);
		const editor = new TabletQuoteEditor(page);
		await expect(editor.lineDescriptions()).toHaveCount(2);
		await waitUntilSynced(page);
		await goOffline(context);
		return { page, editor, online: () => goOnline(context), close: () => context.close() };
	}
	const sam = await device('sales@demo.outpost.test');
	const bo = await device('buyer@demo.outpost.test');

	// Different lines and fields on each device, and two fields (line 2's discount, line 1's
	// description) on both.
	await sam.editor.set('Quantity', 1, '3');
	await sam.editor.set('Discount %', 2, '10');
	await sam.editor.lineDescriptions().first().fill('Switch, 24 ports, PoE');
	await sam.editor.lineDescriptions().first().press('Enter');
	await bo.editor.set('Unit price', 2, '12.50');
	await bo.editor.set('Discount %', 2, '20');
	await bo.editor.lineDescriptions().first().fill('Switch, 48 ports');
	await bo.editor.lineDescriptions().first().press('Enter');
	await bo.page.getByRole('textbox', { name: 'Title' }).fill('Two reps, one quote (network)');
	await bo.page.getByRole('textbox', { name: 'Title' }).press('Tab');

	// Sam's changes reach the gateway first, Bo's after: the gateway applies Bo's discount last.
	await sam.online();
	await waitUntilSynced(sam.page);
	await bo.online();
	await waitUntilSynced(bo.page);

	// patch cables: 10 × 12.50 less 20% = 100.00; switch: 3 × 400.00 = 1,200.00
	for (const { page, editor } of [sam, bo]) {
		await expect(editor.field('Quantity', 1)).toHaveValue('3');
		await expect(editor.field('Unit price', 2)).toHaveValue('12.50');
		await expect(editor.field('Discount %', 2)).toHaveValue('20');
		await expect(editor.lineDescriptions().first()).toHaveValue('Switch, 48 ports');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Two reps, one quote (network)');
		await expect(editor.total()).toHaveText('$1,300.00');
	}

	// Sam's discount and description were replaced, not refused: each field says so; nothing is said
	// where nothing was lost.
	const samLine1 = sam.page.locator(`[data-line-id="${lineIds[0]}"]`);
	const samLine2 = sam.page.locator(`[data-line-id="${lineIds[1]}"]`);
	await expect(samLine1.getByRole('status')).toHaveText(/Changed on another device; yours was Switch, 24 ports, PoE\./);
	await expect(samLine2.getByRole('status')).toHaveText(/Changed on another device; yours was 10\./);
	await expect(sam.page.getByRole('status').filter({ hasText: 'Changed on another device' })).toHaveCount(2);
	await expect(bo.page.getByRole('status').filter({ hasText: 'Changed on another device' })).toHaveCount(0);
	await expect(sam.page.getByRole('region', { name: 'Changes the server did not accept' })).toHaveCount(0);

	// It stays until read, across a reload, and goes when dismissed.
	await sam.page.reload();
	await expect(samLine2.getByRole('status')).toHaveText(/yours was 10\./);
	await samLine2.getByRole('button', { name: 'OK' }).click();
	await expect(samLine2.getByRole('status')).toHaveCount(0);
	await Promise.all([sam.close(), bo.close()]);
});
