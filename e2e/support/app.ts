// Small page objects and helpers shared by the end-to-end specs.

import { expect, type BrowserContext, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'outpost-demo';

export async function signIn(page: Page, email: string): Promise<void> {
	await page.goto('/');
	const form = page.getByRole('form', { name: 'Sign in' });
	await form.getByLabel('Email').fill(email);
	await form.getByLabel('Password').fill(DEMO_PASSWORD);
	await form.getByRole('button', { name: 'Sign in' }).click();
	await expect(page).toHaveURL(/\/quotes$/);
}

/** Waits until the service worker controls the page, reloading once if the first load was not controlled. */
export async function waitForServiceWorker(page: Page): Promise<void> {
	await page.evaluate(() => navigator.serviceWorker.ready);
	if (!(await page.evaluate(() => navigator.serviceWorker.controller !== null))) {
		await page.reload();
		await page.evaluate(() => navigator.serviceWorker.ready);
	}
	await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
}

/** Cuts the network for the page and for its service worker (setOffline alone misses the worker's fetches). */
export async function goOffline(context: BrowserContext): Promise<void> {
	await context.setOffline(true);
	await context.route('**', (route) =>
		route.request().serviceWorker() ? route.abort('internetdisconnected') : route.continue()
	);
}

export async function goOnline(context: BrowserContext): Promise<void> {
	await context.unrouteAll({ behavior: 'ignoreErrors' });
	await context.setOffline(false);
}

/** A link of the main navigation, whether it sits in the bar or (hidden until opened) under "More". */
export function mainNavLink(page: Page, name: string) {
	return page.locator('nav[aria-label="Main"] a', { has: page.getByText(name, { exact: true }) });
}

/** Opens a main section the way a user does: from the bar, or through "More" when it is not in the bar. */
export async function openSection(page: Page, name: string): Promise<void> {
	const link = mainNavLink(page, name);
	if (!(await link.isVisible())) {
		await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'More' }).click();
	}
	await link.click();
}

/** Opens the account menu (who is signed in, their organisation, Sign out). */
export async function openAccountMenu(page: Page) {
	const button = page.getByRole('button', { name: 'Account', exact: true });
	if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
	return page.locator('#account-menu');
}

/** Presses Sign out in the account menu (the warning dialog, if any, is the caller's to answer). */
export async function pressSignOut(page: Page): Promise<void> {
	const menu = await openAccountMenu(page);
	await menu.getByRole('button', { name: 'Sign out' }).click();
}

export function syncStatus(page: Page) {
	return page.getByTestId('sync-status');
}

export class QuoteEditor {
	constructor(readonly page: Page) {}

	/** Adds a free-text line (never a catalog product that happens to match), in one mutation. */
	async addLine(description: string, quantity: string, unitPrice: string): Promise<void> {
		const form = this.page.getByRole('form', { name: 'Add a line' });
		await form.getByLabel('Quantity').fill(quantity);
		await form.getByLabel('Unit price').fill(unitPrice);
		await form.getByRole('combobox', { name: /description/i }).fill(description);
		await form.getByRole('option', { name: /as a free-text line$/ }).click();
		await expect(this.page.getByRole('textbox', { name: /^Description of line/ }).last()).toHaveValue(description);
	}

	lineDescriptions() {
		return this.page.getByRole('textbox', { name: /^Description of line/ });
	}

	quantityOf(lineNumber: number) {
		return this.page.getByRole('spinbutton', { name: `Quantity of line ${lineNumber}` });
	}

	total() {
		return this.page.getByTestId('quote-total');
	}
}

/** Creates a quote for `company` from the list screen and returns its path. */
export async function createQuote(page: Page, company: string, title: string): Promise<string> {
	await page.goto('/quotes');
	await page.getByRole('button', { name: 'New quote' }).click();
	const form = page.getByRole('form', { name: 'New quote' });
	await form.getByLabel('Company').selectOption({ label: company });
	await form.getByLabel('Title').fill(title);
	await form.getByRole('button', { name: 'Create quote' }).click();
	await expect(page).toHaveURL(/\/quotes\/[0-9a-f-]{36}$/);
	return new URL(page.url()).pathname;
}

/**
 * Waits until every change on the device is pushed and confirmed. The outbox is read in IndexedDB
 * itself: the status bar's count follows it a live-query tick later, so right after a write it can
 * still say nothing is pending.
 */
export async function waitUntilSynced(page: Page): Promise<void> {
	await expect.poll(() => outboxSize(page), { timeout: 15_000 }).toBe(0);
	await expect(page.getByTestId('pending-count')).toHaveCount(0);
	await expect(syncStatus(page)).toHaveAttribute('data-connection', 'connected');
}

/**
 * The mutations in the signed-in user's outbox (web/lib/platform/local-db.ts names the database).
 * Other users' databases are left out: a rep's changes kept through a sign-out are not this user's.
 */
function outboxSize(page: Page): Promise<number> {
	return page.evaluate(async () => {
		const user = JSON.parse(localStorage.getItem('outpost:user') ?? 'null') as { id: string; orgId: string } | null;
		if (!user) throw new Error('nobody is signed in on this page');
		const name = `outpost-${user.orgId}-${user.id}`;
		if (!(await indexedDB.databases()).some((db) => db.name === name)) return 0;
		const db = await new Promise<IDBDatabase>((resolve, reject) => {
			const open = indexedDB.open(name);
			open.onsuccess = () => resolve(open.result);
			open.onerror = () => reject(open.error);
		});
		try {
			const count = db.transaction('outbox').objectStore('outbox').count();
			return await new Promise<number>((resolve, reject) => {
				count.onsuccess = () => resolve(count.result);
				count.onerror = () => reject(count.error);
			});
		} finally {
			db.close();
		}
	});
}
