// Admin › Integrations on a tablet: the three PSAs with their state, Autotask's Category Billing
// Codes and Purchase Order settings (mutations, so they queue offline), and the credentials form,
// which needs the network and says so offline without losing what was typed.

import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations, TABLET } from './support/admin.ts';
import { goOffline, goOnline, openSection, signIn, waitForServiceWorker, waitUntilSynced } from './support/app.ts';
import { IntegrationScreen } from './support/psa-screens.ts';

test('an admin reviews the PSAs and changes Autotask settings offline', async ({ browser }) => {
	const context = await browser.newContext(TABLET);
	const page = await context.newPage();
	await signIn(page, 'admin@demo.outpost.test');
	await waitForServiceWorker(page);

	await openSection(page, 'Admin');
	await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Integrations' }).tap();
	const list = page.getByRole('list', { name: 'PSA integrations' });
	for (const name of ['Autotask', 'ConnectWise PSA', 'HaloPSA']) {
		await expect(list.getByRole('link', { name })).toBeVisible();
	}
	await expect(list.getByRole('listitem').filter({ hasText: 'Autotask' })).toContainText(/requests in the last hour/);
	await expectNoSeriousA11yViolations(page);

	await list.getByRole('link', { name: 'Autotask' }).tap();
	const autotask = new IntegrationScreen(page);
	await expect(page.getByRole('heading', { level: 1, name: 'Autotask' })).toBeVisible();
	await expect(autotask.categoryCode('Laptops')).toHaveValue('29682801');
	await expect(page.getByText(/Only charges created in the last 2 hours are imported/)).toBeVisible();
	// What the opportunity poll would cost (the charge import's hint gains its measured cost once it ran).
	await expect(page.getByText(/^The PSA sends no notice when.*about \d[\d,]* requests? per hour/)).toBeVisible();
	await expectNoSeriousA11yViolations(page);

	await goOffline(context);
	const importSwitch = page.getByRole('switch', { name: 'Import new ticket charges' });
	const before = await importSwitch.isChecked();
	await importSwitch.tap();
	await expect(importSwitch).toBeChecked({ checked: !before });
	await expect(page.getByTestId('pending-count')).toHaveText('1 pending');

	const form = autotask.credentials('Autotask');
	await form.getByLabel('API user name').fill('api@northwind.example');
	await form.getByLabel('Secret', { exact: true }).fill('not-sent');
	await form.getByLabel('API tracking identifier').fill('TRACK1');
	await form.getByRole('button', { name: 'Save and test' }).tap();
	await expect(page.getByRole('status').filter({ hasText: 'needs a connection to the server' })).toBeVisible();
	await expect(form.getByLabel('API user name')).toHaveValue('api@northwind.example');
	await expect(form.getByLabel('Secret', { exact: true })).toHaveValue('not-sent');

	await goOnline(context);
	await waitUntilSynced(page);
	await expect(page.getByRole('region', { name: 'Changes the server did not accept' })).toHaveCount(0);
	await page.reload();
	await expect(importSwitch).toBeChecked({ checked: !before });

	// The specs share one gateway: put the setting back.
	await importSwitch.tap();
	await waitUntilSynced(page);
	await context.close();
});

test('an unknown integration says so', async ({ browser }) => {
	const context = await browser.newContext(TABLET);
	const page = await context.newPage();
	await signIn(page, 'admin@demo.outpost.test');
	await page.goto('/admin/integrations/salesforce');
	await expect(page.getByText('Outpost has no integration called “salesforce”.')).toBeVisible();
	await context.close();
});
