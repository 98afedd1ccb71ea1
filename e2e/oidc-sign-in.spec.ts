// The demo's Google and Microsoft buttons: in sandbox mode a local OpenID provider stands in for each,
// signs in the email typed on the sign-in page, and the app picks up the session on the way back.

import { expect, test } from '@playwright/test';
import { openAccountMenu } from './support/app.ts';

test('"Sign in with Google" signs sales in through the local provider and lands on /quotes', async ({ page }) => {
	await page.goto('/');
	await page.getByRole('form', { name: 'Sign in' }).getByLabel('Email').fill('sales@demo.outpost.test');
	await page.getByRole('button', { name: 'Sign in with Google' }).click();
	await expect(page).toHaveURL(/\/quotes$/);
	await expect((await openAccountMenu(page)).getByText('sales@demo.outpost.test', { exact: true })).toBeVisible();
	// The replica synced with the new session: the demo quotes are there.
	await expect(
		page.getByRole('list', { name: 'Quotes' }).getByRole('link', { name: /Laptop refresh 2027/ })
	).toBeVisible();
});

test('a refused provider sign-in comes back to the sign-in page saying why', async ({ page }) => {
	await page.goto('/');
	await page.getByRole('form', { name: 'Sign in' }).getByLabel('Email').fill('nobody@demo.outpost.test');
	await page.getByRole('button', { name: 'Sign in with Microsoft' }).click();
	await expect(page).toHaveURL(/\/\?signin_error=unknown_account/);
	await expect(page.getByRole('alert')).toHaveText(
		'No Outpost account uses this email address. Ask your admin to invite you.'
	);
});
