// The seeds' "User is not automatically linked": an admin on a phone sees a user's PSA records on
// their page, unlinks one (the next Synchronize would match by email) and links it again by its id.
// And the ConnectWise record ids quote sync needs, explained and checked on the integration screen.

import { expect, test, type Locator } from '@playwright/test';
import { expectNoSeriousA11yViolations, PHONE, TABLET, UsersScreen } from './support/admin.ts';
import { signIn, waitUntilSynced } from './support/app.ts';
import { IntegrationScreen } from './support/psa-screens.ts';
import { pushMutations } from './support/sync-api.ts';

const ADA_ID = 'user-admin-demo';

/** The Unlink button of a PSA row, named "Unlink <PSA> record <id>" for screen readers. */
function unlinkButton(records: Locator, psa: string) {
	return records.getByRole('button', { name: new RegExp(`^Unlink ${psa} record `) });
}

test('an admin unlinks a user’s Autotask record and links it again', async ({ browser }) => {
	const context = await browser.newContext(PHONE);
	const page = await context.newPage();
	await signIn(page, 'admin@demo.outpost.test');
	await waitUntilSynced(page);
	const users = new UsersScreen(page);
	await users.open();
	const ada = await users.openUser('Ada Admin');
	const records = ada.psaRecords();

	// Synchronize links the demo staff to the simulated PSAs by email shortly after the gateway starts.
	for (const psa of ['Autotask', 'ConnectWise', 'HaloPSA']) {
		await expect(unlinkButton(records, psa)).toBeVisible({ timeout: 30_000 });
	}
	const externalId = (await unlinkButton(records, 'Autotask').textContent())!.match(/record (\S+)\s*$/)![1]!;
	await expectNoSeriousA11yViolations(page);

	try {
		await unlinkButton(records, 'Autotask').tap();
		const status = records.getByRole('status');
		await expect(status).toHaveText(
			'Unlinked from Autotask. The next Synchronize matches by email (admin@demo.outpost.test).'
		);
		await expect(status).toBeFocused();
		await expect(unlinkButton(records, 'Autotask')).toHaveCount(0);
		await expect(unlinkButton(records, 'HaloPSA')).toBeVisible();

		const form = records.getByRole('form', { name: 'Link: Autotask' });
		await form.getByRole('button', { name: 'Link', exact: true }).tap();
		await expect(form.getByRole('alert')).toHaveText('Enter the id of the Autotask record.');
		await form.getByLabel('Autotask record id').fill(` ${externalId} `);
		await form.getByRole('button', { name: 'Link', exact: true }).tap();
		await expect(status).toHaveText(`Linked to Autotask record ${externalId}.`);
		await expect(unlinkButton(records, 'Autotask')).toHaveAccessibleName(`Unlink Autotask record ${externalId}`);
		await expect(form).toHaveCount(0);

		await waitUntilSynced(page);
		await expect(page.getByRole('region', { name: 'Changes the server did not accept' })).toHaveCount(0);
		await page.reload();
		await expect(unlinkButton(records, 'Autotask')).toHaveAccessibleName(`Unlink Autotask record ${externalId}`);
		await expectNoSeriousA11yViolations(page);
	} finally {
		// The specs share one gateway: Ada keeps the Autotask record she had, whatever happened above.
		await pushMutations(page, [{ name: 'setPsaLink', args: { id: ADA_ID, provider: 'autotask', externalId } }]);
	}
	await context.close();
});

test('ConnectWise record ids say what they are for and refuse what is not an id', async ({ browser }) => {
	const context = await browser.newContext(TABLET);
	const page = await context.newPage();
	await signIn(page, 'admin@demo.outpost.test');
	await waitUntilSynced(page);
	await new IntegrationScreen(page).open('connectwise', 'ConnectWise PSA');

	const ids = page.getByRole('region', { name: 'ConnectWise PSA record ids' });
	const rep = ids.getByRole('textbox', { name: 'Default sales rep (member id)' });
	await expect(rep).toHaveAccessibleDescription(
		'The member who owns opportunities when the quote owner has no ConnectWise link.'
	);
	await expect(ids.getByRole('textbox', { name: 'Catalog subcategory id' })).toHaveValue('1');
	await expect(ids.getByRole('textbox', { name: 'Catalog type id' })).toHaveValue('1');
	await expect(rep).toHaveValue(/^\d+$/);
	const saved = await rep.inputValue();

	await rep.fill('0');
	await rep.press('Enter');
	await expect(ids.getByRole('alert')).toHaveText(
		'Enter a whole number above 0, as the PSA shows the record’s id (such as 12).'
	);
	await expect(rep).toHaveAttribute('aria-invalid', 'true');
	await rep.fill('');
	await rep.press('Enter');
	await expect(ids.getByRole('alert')).toHaveText('Enter a record id: a saved id can be changed but not cleared.');
	await rep.fill(saved);
	await rep.press('Enter');
	await expect(ids.getByRole('alert')).toHaveCount(0);
	// Nothing was saved: every refused value stayed on this device, and the saved one is unchanged.
	await expect(page.getByTestId('pending-count')).toHaveCount(0);
	await expectNoSeriousA11yViolations(page);
	await context.close();
});
