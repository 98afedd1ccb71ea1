// Admin › Organisation end to end: an admin on a phone edits the letterhead and its logo, refuses an
// SVG, and the customer's quote page shows the change. The demo's letterhead is put back afterwards:
// the specs share one gateway.

import { expect, test } from '@playwright/test';
import { DEMO_ORG_PROFILE } from '../gateway/demo/demo-org-profile.ts';
import { expectNoSeriousA11yViolations, PHONE } from './support/admin.ts';
import { signIn, waitUntilSynced } from './support/app.ts';
import { pushMutations } from './support/sync-api.ts';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...new Array<number>(56).fill(0)]);

test('an admin edits the letterhead on a phone and the customer reads it on their quote', async ({ browser }) => {
	const admin = await browser.newContext(PHONE);
	const page = await admin.newPage();
	await signIn(page, 'admin@demo.outpost.test');
	try {
		await waitUntilSynced(page);
		await page.goto('/admin/settings/organisation');
		const form = page.getByRole('form', { name: 'Letterhead' });
		await expect(form.getByLabel('Company name')).toHaveValue('Northwind Managed Services');
		await expectNoSeriousA11yViolations(page);

		await form.getByLabel('Company name').fill('Northwind IT Partners');
		await form.getByLabel('Address').fill('1 Pier Road\nTacoma, WA 98402');
		const logo = form.getByLabel('Replace logo');
		await logo.setInputFiles({ name: 'logo.svg', mimeType: 'image/svg+xml', buffer: Buffer.from('<svg/>') });
		await expect(form.getByRole('alert')).toHaveText('The logo must be a PNG or JPEG image.');
		await logo.setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: PNG });
		await expect(form.getByRole('alert')).toHaveCount(0);
		await form.getByRole('button', { name: 'Save' }).tap();
		await expect(form.getByRole('status')).toHaveText('Saved. Customers see it once their device syncs.');
		await expect(page.getByRole('region', { name: 'Preview' })).toContainText('1 Pier Road');
		await waitUntilSynced(page);

		const customer = await browser.newContext(PHONE);
		const customerPage = await customer.newPage();
		await signIn(customerPage, 'customer@acme.outpost.test');
		await customerPage.goto('/quotes/quote-acme-refresh/answer');
		const from = customerPage.getByRole('region', { name: 'From' });
		await expect(from).toContainText('Northwind IT Partners');
		await expect(from).toContainText('Tacoma, WA 98402');
		await expect(from.locator('img')).toHaveAttribute('src', `data:image/png;base64,${PNG.toString('base64')}`);
		await customer.close();
	} finally {
		const { id: _, ...demo } = DEMO_ORG_PROFILE;
		await pushMutations(page, [{ name: 'saveOrgProfile', args: demo }]);
		await admin.close();
	}
});
