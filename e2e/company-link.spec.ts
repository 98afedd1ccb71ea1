// Issue 4's done-when: the unlinked and unverified demo accounts see the seeds' exact sentence; an
// admin on a phone links and verifies them from Admin > Users & Permissions, and they get in.

import { expect, test } from '@playwright/test';
import { ERRORS } from '../shared/errors.ts';
import { expectNoSeriousA11yViolations, PHONE, signInRefused, UsersScreen } from './support/admin.ts';
import { mainNavLink, openSection, signIn } from './support/app.ts';

const SENTENCE = 'You are not linked to a company or the link is not verified.';

test('an admin on a phone verifies a company link and the person gets in', async ({ browser }) => {
	expect(ERRORS.companyLinkRequired.message).toBe(SENTENCE);
	const unlinked = await browser.newContext();
	const unverified = await browser.newContext();
	const unlinkedPage = await unlinked.newPage();
	const unverifiedPage = await unverified.newPage();

	await expect(await signInRefused(unlinkedPage, 'unlinked@demo.outpost.test')).toHaveText(SENTENCE);
	await expect(await signInRefused(unverifiedPage, 'unverified@demo.outpost.test')).toHaveText(SENTENCE);
	await expect(unverifiedPage.getByRole('heading', { name: 'Access forbidden' })).toBeVisible();

	const admin = await browser.newContext(PHONE);
	const adminPage = await admin.newPage();
	await signIn(adminPage, 'admin@demo.outpost.test');
	await openSection(adminPage, 'Admin');
	const users = new UsersScreen(adminPage);
	await expect(users.rows().first()).toBeVisible();
	await expect(users.row('Uri Unverified')).toContainText('Not verified');
	await expect(users.row('Una Unlinked')).toContainText('Not linked');
	await expectNoSeriousA11yViolations(adminPage);

	const uri = await users.openUser('Uri Unverified');
	await expect(uri.linkState()).toHaveText('Not verified');
	await expect(uri.companyLink()).toContainText(SENTENCE);
	await expectNoSeriousA11yViolations(adminPage);
	await uri.verifyLinkButton().tap();
	await expect(uri.linkState()).toHaveText('Linked ✓ verified');
	await expect(uri.verifyLinkButton()).toHaveCount(0);
	await expect(adminPage.getByTestId('pending-count')).toHaveCount(0, { timeout: 15_000 });

	await unverifiedPage.reload();
	await expect(unverifiedPage).toHaveURL(/\/quotes$/);
	await expect(unverifiedPage.getByRole('heading', { name: 'Quotes' })).toBeVisible();

	// An unlinked person needs both steps: a company, then the verification.
	await adminPage.getByRole('link', { name: '← All users' }).tap();
	const una = await users.openUser('Una Unlinked');
	await una.companyLink().getByLabel('Company').selectOption({ label: 'Northwind Managed Services' });
	await expect(una.linkState()).toHaveText('Not verified');
	await una.verifyLinkButton().tap();
	await expect(una.linkState()).toHaveText('Linked ✓ verified');
	await expect(adminPage.getByTestId('pending-count')).toHaveCount(0, { timeout: 15_000 });

	// A refused person has no account menu: the refusal screen carries its own Sign out.
	await unlinkedPage.getByRole('button', { name: 'Sign out' }).click();
	await signIn(unlinkedPage, 'unlinked@demo.outpost.test');

	await Promise.all([unlinked.close(), unverified.close(), admin.close()]);
});

test('a person who is not an admin is told the admin screens are not theirs', async ({ page }) => {
	await signIn(page, 'sales@demo.outpost.test');
	await expect(mainNavLink(page, 'Admin')).toHaveCount(0);
	for (const path of [
		'/admin/users',
		'/admin/users/user-admin-demo',
		'/admin/roles',
		'/admin/settings/authentication'
	]) {
		await page.goto(path);
		await expect(page.getByRole('heading', { name: 'Access forbidden' })).toBeVisible();
		await expect(page.getByText('Only admins can open this page.')).toBeVisible();
		await expect(page.getByText('You are signed in as Sam Sales (sales@demo.outpost.test).')).toBeVisible();
	}
});
