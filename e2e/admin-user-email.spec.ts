// The seeds' user-linking fix, "Edit the user and ensure the correct email is set", on a 390 px phone:
// the admin changes a colleague's email on their user screen; the new address must be verified again
// (a password sign-in with it is refused until then, and the verification mail is in Admin › Mailbox);
// the colleague follows the mailed link and signs in with the new address.
// (That the next Synchronize matches on the new address is shown against the Autotask simulator in
// gateway/connectors/autotask/sync/synchronize-after-email-change.test.ts: the sandbox PSAs hold no
// staff record free to match in the browser.)

import { randomUUID } from 'node:crypto';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { ERRORS } from '../shared/errors.ts';
import { expectNoSeriousA11yViolations, openMailTo, PHONE, signInRefused, UsersScreen } from './support/admin.ts';
import { DEMO_PASSWORD, signIn } from './support/app.ts';
import { pushMutations } from './support/sync-api.ts';

/** A colleague the admin invites, who accepts on their own phone with the demo password. */
async function invitedColleague(browser: Browser, admin: Page, name: string, email: string) {
	await pushMutations(admin, [
		{
			name: 'inviteUser',
			args: {
				id: `user-${randomUUID()}`,
				email,
				name,
				kind: 'msp',
				roleIds: ['org-demo-role-quoteEditor'],
				companyId: 'company-northwind'
			}
		}
	]);
	const invitation = (await openMailTo(admin, email)).getByRole('link', { name: /\/invite\// });
	const href = await invitation.getAttribute('href');
	const context = await browser.newContext(PHONE);
	const phone = await context.newPage();
	await phone.goto(href!);
	const form = phone.getByRole('form', { name: 'Choose a password' });
	await form.getByLabel('New password').fill(DEMO_PASSWORD);
	await form.getByLabel('Repeat the password').fill(DEMO_PASSWORD);
	await form.getByRole('button', { name: 'Set password and sign in' }).click();
	await expect(phone).toHaveURL(/\/quotes$/);
	await context.close();
}

test('an admin changes a colleague’s email; the new address is verified again before it signs in', async ({
	browser
}) => {
	test.setTimeout(120_000);
	const run = randomUUID().slice(0, 8);
	const name = `Nora Newcomer ${run}`;
	const oldEmail = `nora-${run}@demo.outpost.test`;
	const newEmail = `nora.newcomer-${run}@demo.outpost.test`;
	const context = await browser.newContext(PHONE);
	const admin = await context.newPage();
	await signIn(admin, 'admin@demo.outpost.test');
	await invitedColleague(browser, admin, name, oldEmail);

	const users = new UsersScreen(admin);
	await users.open();
	await users.openUser(name);
	const card = admin.getByRole('region', { name: 'Email', exact: true });
	const address = card.getByLabel('Email address');
	await expect(address).toHaveValue(oldEmail);
	await address.fill(` ${newEmail.toUpperCase()} `);
	await card.getByRole('button', { name: 'Save email' }).tap();
	await expect(card.getByRole('status')).toHaveText(
		`Saved. When this device syncs, ${newEmail} gets a link to verify it; until then ${name} cannot sign in ` +
			'with a password. The next Synchronize with your PSA matches them on this address.'
	);
	await expect(address).toHaveValue(newEmail);
	await expectNoSeriousA11yViolations(admin);

	// The gateway mails the new address a link to verify it.
	const mail = await openMailTo(admin, newEmail);
	await expect(mail.getByRole('heading', { name: 'Verify your email address for Outpost' })).toBeVisible({
		timeout: 15_000
	});
	const verifyHref = await mail.getByRole('link', { name: /\/verify\// }).getAttribute('href');
	await expectNoSeriousA11yViolations(admin);

	// Until then the new address signs in to nothing but the reason, and the old one no longer at all.
	const colleague = await browser.newContext(PHONE);
	const phone = await colleague.newPage();
	await expect(await signInRefused(phone, newEmail)).toHaveText(ERRORS.emailNotVerified.message);
	await expect(await signInRefused(phone, oldEmail)).toHaveText(ERRORS.invalidCredentials.message);

	await phone.goto(verifyHref!);
	const verified = phone.getByRole('region', { name: 'Verify your email address' });
	await expect(verified.getByRole('status')).toHaveText('Your email address is verified.');
	await expectNoSeriousA11yViolations(phone);
	await signIn(phone, newEmail);
	await colleague.close();
	await context.close();
});
