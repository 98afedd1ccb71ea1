// The walking skeleton end to end: a quote built offline on one device reaches another device
// through the gateway, without that device reloading.

import { expect, test } from '@playwright/test';
import { goOffline, goOnline, QuoteEditor, signIn, syncStatus, waitForServiceWorker } from './support/app.ts';

test('a quote edited offline reaches another device when the signal returns', async ({ browser }) => {
	const sales = await browser.newContext();
	const admin = await browser.newContext();
	const salesPage = await sales.newPage();
	const adminPage = await admin.newPage();

	await signIn(salesPage, 'sales@demo.outpost.test');
	await waitForServiceWorker(salesPage);

	await salesPage.getByRole('button', { name: 'New quote' }).click();
	const newQuote = salesPage.getByRole('form', { name: 'New quote' });
	await newQuote.getByLabel('Company').selectOption({ label: 'Acme Corporation' });
	await newQuote.getByLabel('Title').fill('Offline site survey');
	await newQuote.getByRole('button', { name: 'Create quote' }).click();
	await expect(salesPage).toHaveURL(/\/quotes\/[0-9a-f-]{36}$/);
	const quoteUrl = new URL(salesPage.url()).pathname;
	// The gateway assigns the number on first sync.
	await expect(salesPage.getByTestId('quote-number')).toHaveText(/^Q-\d{5}$/);

	await signIn(adminPage, 'admin@demo.outpost.test');
	await adminPage.goto(quoteUrl);
	await expect(adminPage.getByRole('heading', { name: 'Offline site survey' })).toBeVisible();

	await goOffline(sales);
	await salesPage.reload();
	const editor = new QuoteEditor(salesPage);
	await expect(salesPage.getByRole('heading', { name: 'Offline site survey' })).toBeVisible();
	await editor.addLine('Wireless survey, per floor', '3', '450.00');
	await editor.addLine('Access point', '6', '189.99');
	await editor.quantityOf(2).fill('8');
	await editor.quantityOf(2).press('Tab');
	await expect(editor.total()).toHaveText('$2,869.92');
	await expect(syncStatus(salesPage)).toHaveAttribute('data-connection', 'offline');
	await expect(salesPage.getByTestId('pending-count')).toHaveText('3 pending');

	await goOnline(sales);
	await expect(salesPage.getByTestId('pending-count')).toHaveCount(0, { timeout: 15_000 });

	// The admin's page was never reloaded: the poke and pull brought the lines.
	const adminEditor = new QuoteEditor(adminPage);
	await expect(adminEditor.lineDescriptions()).toHaveCount(2);
	await expect(adminEditor.lineDescriptions().nth(0)).toHaveValue('Wireless survey, per floor');
	await expect(adminEditor.quantityOf(2)).toHaveValue('8');
	await expect(adminEditor.total()).toHaveText('$2,869.92');

	await sales.close();
	await admin.close();
});
