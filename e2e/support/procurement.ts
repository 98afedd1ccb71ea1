// Helpers the procurement specs share: a customer accepting a quote in their own browser, and the
// check that a phone screen does not scroll sideways.

import { expect, type Browser, type Page } from '@playwright/test';
import { signIn, waitUntilSynced } from './app.ts';

/** Carla Customer (Acme) accepts the sent quote in a browser of her own. */
export async function acceptAsCustomer(browser: Browser, quoteId: string, title: string): Promise<void> {
	const context = await browser.newContext();
	const page = await context.newPage();
	await signIn(page, 'customer@acme.outpost.test');
	await page.goto(`/quotes/${quoteId}/answer`);
	await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible({ timeout: 30_000 });
	const form = page.getByRole('form', { name: 'Accept this quote' });
	await form.getByLabel('Your full name, as your signature').fill('Carla Customer');
	await form.getByRole('checkbox', { name: 'I accept this quote' }).check();
	await form.getByRole('button', { name: 'Accept quote' }).click();
	await expect(page.getByTestId('acceptance')).toBeVisible();
	await waitUntilSynced(page);
	await context.close();
}

/** The page is no wider than the screen: nothing, however long, makes it scroll sideways. */
export async function expectNoSidewaysScroll(page: Page): Promise<void> {
	const { scrollWidth, clientWidth } = await page.evaluate(() => ({
		scrollWidth: document.documentElement.scrollWidth,
		clientWidth: document.documentElement.clientWidth
	}));
	expect(scrollWidth, `page is ${scrollWidth} px wide in a ${clientWidth} px screen`).toBeLessThanOrEqual(clientWidth);
}
