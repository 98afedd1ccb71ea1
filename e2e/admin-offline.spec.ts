// Admin changes are mutations: an admin on a phone without signal disables a person's sign-in and
// changes their roles; the changes wait in the outbox, sync when the signal returns, and the
// gateway then refuses that person's sign-in. Local refusals show beside their control.

import { expect, test } from '@playwright/test';
import { pushMutations } from './support/sync-api.ts';
import { ERRORS } from '../shared/errors.ts';
import { expectNoSeriousA11yViolations, PHONE, TABLET, UserScreen, UsersScreen } from './support/admin.ts';
import {
	DEMO_PASSWORD,
	goOffline,
	goOnline,
	signIn,
	syncStatus,
	waitForServiceWorker,
	waitUntilSynced
} from './support/app.ts';

test('an admin offline disables a sign-in and changes roles; they apply once back online', async ({ browser }) => {
	const admin = await browser.newContext(PHONE);
	const adminPage = await admin.newPage();
	await signIn(adminPage, 'admin@demo.outpost.test');
	await waitForServiceWorker(adminPage);
	const users = new UsersScreen(adminPage);
	await users.open();

	await goOffline(admin);
	await adminPage.reload();
	await expect(syncStatus(adminPage)).toHaveAttribute('data-connection', 'offline');
	const vic = await users.openUser('Vic Viewer');
	await expect(vic.role('Product viewer')).toBeChecked();

	await vic.disableSignIn().tap();
	await expect(vic.disableSignIn()).toBeChecked();
	await vic.role('Quote editor').tap();
	await vic.role('Product viewer').tap();
	await expect(vic.role('Quote editor')).toBeChecked();
	await expect(vic.role('Product viewer')).not.toBeChecked();
	await expect(adminPage.getByTestId('pending-count')).toHaveText('3 pending');

	// The list reads the same local rows: Vic now needs attention.
	await adminPage.getByRole('link', { name: '← All users' }).tap();
	await adminPage.getByRole('radio', { name: /^Needs attention/ }).tap();
	await expect(users.row('Vic Viewer')).toContainText('Sign-in disabled');
	await expect(users.row('Vic Viewer')).toContainText('Quote editor');

	await goOnline(admin);
	await waitUntilSynced(adminPage);
	await expect(adminPage.getByRole('region', { name: 'Changes the server did not accept' })).toHaveCount(0);

	const vicContext = await browser.newContext();
	const vicPage = await vicContext.newPage();
	await vicPage.goto('/');
	const form = vicPage.getByRole('form', { name: 'Sign in' });
	await form.getByLabel('Email').fill('viewer@demo.outpost.test');
	await form.getByLabel('Password').fill(DEMO_PASSWORD);
	await form.getByRole('button', { name: 'Sign in', exact: true }).click();
	await expect(form.getByRole('alert')).toHaveText(ERRORS.loginDisabled.message);

	// What the gateway holds now is what the admin set offline.
	await adminPage.reload();
	const again = await users.openUser('Vic Viewer');
	await expect(again.disableSignIn()).toBeChecked();
	await expect(again.role('Quote editor')).toBeChecked();
	await expect(again.role('Product viewer')).not.toBeChecked();

	// The specs share one gateway: give Vic back the demo account DESIGN section 2 describes.
	await pushMutations(adminPage, [
		{
			name: 'updateUser',
			args: { id: 'user-viewer-demo', loginDisabled: false, roleIds: ['org-demo-role-productViewer'] }
		}
	]);
	await Promise.all([admin.close(), vicContext.close()]);
});

test('a change refused on this device says why beside its control', async ({ browser }) => {
	const admin = await browser.newContext(TABLET);
	const page = await admin.newPage();
	await signIn(page, 'admin@demo.outpost.test');
	const users = new UsersScreen(page);
	await users.open();
	await expectNoSeriousA11yViolations(page);

	const ada = await users.openUser('Ada Admin');
	await ada.admin().tap();
	await expect(page.getByRole('alert').filter({ hasText: 'You cannot remove your own admin rights' })).toBeVisible();
	await expect(ada.admin()).toBeChecked();
	// Synchronize linked her to the sandbox PSAs by email when the gateway started.
	await expect(ada.psaRecords()).toContainText('Autotask');
	await expectNoSeriousA11yViolations(page);

	await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Roles' }).tap();
	const role = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Quote editor' }) });
	await role.getByRole('button', { name: 'Edit Quote editor' }).tap();
	await role.getByRole('button', { name: 'Delete…' }).tap();
	await role.getByRole('button', { name: 'Delete role' }).tap();
	await expect(role.getByRole('alert')).toHaveText(ERRORS.roleInUse.message);
	await expectNoSeriousA11yViolations(page);

	await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Authentication' }).tap();
	await expect(page.getByRole('list', { name: 'MSP domains' })).toContainText('demo.outpost.test');
	await page.getByRole('textbox', { name: 'Domain' }).fill('localhost');
	await page.getByRole('button', { name: 'Add', exact: true }).tap();
	await expect(page.getByRole('alert')).toContainText('is not a domain');
	await expectNoSeriousA11yViolations(page);
	await expect(page.getByTestId('pending-count')).toHaveCount(0);

	await admin.close();
});

test('the gateway accepts an invitation, a new role and a new MSP domain', async ({ browser }) => {
	const admin = await browser.newContext(TABLET);
	const page = await admin.newPage();
	await signIn(page, 'admin@demo.outpost.test');
	const adminNav = page.getByRole('navigation', { name: 'Admin' });

	await page.goto('/admin/roles');
	const create = page.getByRole('form', { name: 'New role' });
	await create.getByRole('textbox', { name: 'New role' }).fill('Field engineers');
	await create.getByRole('button', { name: 'Create role' }).tap();
	const role = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Field engineers' }) });
	await role.getByRole('checkbox', { name: 'Quote editor' }).tap();
	await role.getByRole('button', { name: 'Done' }).tap();
	await expect(role).toContainText('Quote editor');

	await adminNav.getByRole('link', { name: 'Users' }).tap();
	await page.getByRole('button', { name: 'Invite' }).tap();
	const invite = page.getByRole('form', { name: 'Invite a person' });
	await expect(invite.getByRole('textbox', { name: 'Email' })).toBeFocused();
	await invite.getByRole('textbox', { name: 'Email' }).fill('fiona@demo.outpost.test');
	await invite.getByRole('textbox', { name: 'Name' }).fill('Fiona Field');
	await invite.getByRole('checkbox', { name: 'Field engineers' }).tap();
	await invite.getByRole('button', { name: 'Send invitation' }).tap();
	const fiona = new UserScreen(page);
	await expect(fiona.heading('Fiona Field')).toBeVisible();
	await expect(fiona.linkState()).toHaveText('Linked ✓ verified');
	await expect(fiona.role('Field engineers')).toBeChecked();
	await page.getByRole('button', { name: 'Resend invitation' }).tap();

	await adminNav.getByRole('link', { name: 'Authentication' }).tap();
	await page.getByRole('textbox', { name: 'Domain' }).fill('@Northwind-IT.example');
	await page.getByRole('button', { name: 'Add', exact: true }).tap();
	await expect(page.getByRole('list', { name: 'MSP domains' })).toContainText('northwind-it.example');

	await waitUntilSynced(page);
	await expect(page.getByRole('region', { name: 'Changes the server did not accept' })).toHaveCount(0);
	await adminNav.getByRole('link', { name: 'Roles' }).tap();
	await expect(role).toContainText('Given to 1 user');

	await admin.close();
});
