// Page objects for Admin > Users & Permissions, and the accessibility check the admin specs share.

import { AxeBuilder } from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { DEMO_PASSWORD } from './app.ts';

export const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } as const;
export const TABLET = { viewport: { width: 768, height: 1024 }, isMobile: true, hasTouch: true } as const;

/** Signs in someone the gateway lets in but refuses to serve, and returns the sentence they see. */
export async function signInRefused(page: Page, email: string) {
	await page.goto('/');
	const form = page.getByRole('form', { name: 'Sign in' });
	await form.getByLabel('Email').fill(email);
	await form.getByLabel('Password').fill(DEMO_PASSWORD);
	await form.getByRole('button', { name: 'Sign in', exact: true }).click();
	return page.getByRole('alert');
}

export class UsersScreen {
	constructor(readonly page: Page) {}

	async open(): Promise<void> {
		await this.page.goto('/admin/users');
		await expect(this.page.getByRole('heading', { level: 1, name: 'Users & Permissions' })).toBeVisible();
		await expect(this.rows().first()).toBeVisible();
	}

	rows() {
		return this.page.getByRole('list', { name: 'Users' }).getByRole('link');
	}

	row(name: string) {
		return this.rows().filter({ hasText: name });
	}

	async search(text: string): Promise<void> {
		await this.page.getByRole('searchbox', { name: 'Search users' }).fill(text);
	}

	/** Searches for the person and taps their row, as on a phone. */
	async openUser(name: string): Promise<UserScreen> {
		await this.search(name);
		await expect(this.rows()).toHaveCount(1);
		await this.row(name).tap();
		const screen = new UserScreen(this.page);
		await expect(screen.heading(name)).toBeVisible();
		return screen;
	}
}

export class UserScreen {
	constructor(readonly page: Page) {}

	heading(name: string) {
		return this.page.getByRole('heading', { level: 1, name });
	}

	companyLink() {
		return this.page.getByRole('region', { name: 'Company link' });
	}

	verifyLinkButton() {
		return this.companyLink().getByRole('button', { name: 'Verify link' });
	}

	linkState() {
		return this.companyLink().locator('[data-link-state]');
	}

	disableSignIn() {
		return this.page.getByRole('switch', { name: 'Disable sign-in' });
	}

	admin() {
		return this.page.getByRole('switch', { name: 'Admin' });
	}

	role(name: string) {
		return this.page.getByRole('group', { name: /^Roles of / }).getByRole('checkbox', { name });
	}

	psaRecords() {
		return this.page.getByRole('region', { name: 'PSA records' });
	}
}

/** No serious or critical axe violation on the page as it is now. */
export async function expectNoSeriousA11yViolations(page: Page): Promise<void> {
	const { violations } = await new AxeBuilder({ page }).analyze();
	const serious = violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
	expect(serious, `axe on ${new URL(page.url()).pathname}`).toEqual([]);
}

/** Admin › Mailbox, opened afresh: the mail sent to one address, newest first. */
export async function openMailTo(page: Page, email: string) {
	await page.goto('/admin/mailbox');
	await expect(page.getByRole('heading', { level: 1, name: 'Mailbox' })).toBeVisible();
	return page.getByRole('list', { name: 'Sent mail' }).getByRole('listitem').filter({ hasText: email });
}
