// An admin invites a colleague (the inviteUser mutation, pushed as the admin's device would), reads
// the invitation in the sandbox mailbox, and the colleague follows the link on their own phone,
// chooses a password and lands on the quotes, signed in. The link then no longer works.

import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { openAccountMenu, openSection, signIn } from './support/app.ts';

const PHONE = { width: 390, height: 844 };
const TABLET = { width: 768, height: 1024 };
const PASSWORD = 'correct horse battery staple';

test('an invited person follows the mailed link, chooses a password and is signed in', async ({ browser }) => {
	const adminContext = await browser.newContext({ viewport: TABLET });
	const admin = await adminContext.newPage();
	await signIn(admin, 'admin@demo.outpost.test');

	const id = crypto.randomUUID();
	const email = `nell-${id.slice(0, 8)}@demo.outpost.test`;
	const push = await admin.request.post('/api/sync/push', {
		data: {
			clientGroupID: `cg-e2e-${id}`,
			clientID: `c-e2e-${id}`,
			mutations: [
				{
					id: 1,
					name: 'inviteUser',
					args: {
						id: `user-${id}`,
						email,
						name: 'Nell Newcomer',
						kind: 'msp',
						roleIds: ['org-demo-role-quoteEditor'],
						companyId: 'company-northwind'
					},
					timestamp: Date.now()
				}
			]
		}
	});
	expect(await push.json()).toEqual({ results: [{ id: 1, status: 'applied' }] });

	await openSection(admin, 'Admin');
	await admin.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Mailbox' }).click();
	await expect(admin).toHaveURL(/\/admin\/mailbox$/);
	const mail = admin.getByRole('list', { name: 'Sent mail' }).getByRole('listitem').filter({ hasText: email });
	await expect(mail.getByRole('heading', { name: 'You are invited to Outpost' })).toBeVisible();
	const href = await mail.getByRole('link', { name: /\/invite\// }).getAttribute('href');
	expect(href).toMatch(/^http:\/\/localhost:\d+\/invite\/[\w-]+$/);
	expect((await new AxeBuilder({ page: admin }).analyze()).violations).toEqual([]);

	const phoneContext = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
	const phone = await phoneContext.newPage();
	await phone.goto(href!);
	await expect(phone.getByText(/You are invited as/)).toContainText(`Nell Newcomer (${email})`);
	expect((await new AxeBuilder({ page: phone }).analyze()).violations).toEqual([]);

	const form = phone.getByRole('form', { name: 'Choose a password' });
	await form.getByLabel('New password').fill(PASSWORD);
	await form.getByLabel('Repeat the password').fill('correct horse battery stable');
	await form.getByRole('button', { name: 'Set password and sign in' }).click();
	await expect(form.getByRole('alert')).toHaveText('The two passwords are not the same. Type them again.');
	await form.getByLabel('Repeat the password').fill(PASSWORD);
	await form.getByLabel('Repeat the password').press('Enter');
	await expect(phone).toHaveURL(/\/quotes$/);
	await expect((await openAccountMenu(phone)).getByRole('button', { name: 'Sign out' })).toBeVisible();

	const later = await browser.newContext();
	const reopened = await later.newPage();
	await reopened.goto(href!);
	await expect(reopened.getByRole('alert')).toHaveText('This link is invalid, used or expired. Ask for a new one.');
	await expect(reopened.getByRole('link', { name: 'sign in' })).toBeVisible();

	await adminContext.close();
	await phoneContext.close();
	await later.close();
});
