// The quote document: the print view without the app around it, sections kept together, totals per
// billing cycle and the acceptance on a page of its own. Rendered to PDF by Chromium, as the
// browser's "Save as PDF" does, and read back with pdftotext (poppler-utils) where it is installed.

import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { TABLET } from './support/admin.ts';
import { signIn } from './support/app.ts';
import { pushMutations, pushSentQuote } from './support/sync-api.ts';

const PDFTOTEXT = ['/usr/bin/pdftotext', '/usr/local/bin/pdftotext'].find((path) => existsSync(path));
const POINTS_PER_MM = 72 / 25.4;

test('a sent and accepted quote prints as a clean document', async ({ browser }, testInfo) => {
	const title = `Office refresh ${randomUUID().slice(0, 8)}`;
	const admin = await browser.newContext();
	const page = await admin.newPage();
	await signIn(page, 'admin@demo.outpost.test');
	const contactId = randomUUID();
	await pushMutations(page, [
		{
			name: 'saveContact',
			args: {
				id: contactId,
				companyId: 'company-acme',
				name: 'Carla Customer',
				email: 'customer@acme.outpost.test',
				phone: '',
				jobTitle: 'Office manager'
			}
		}
	]);
	const quote = await pushSentQuote(
		page,
		{
			companyId: 'company-acme',
			title,
			contactId,
			validUntil: '2027-01-31',
			paymentTerm: 'Net 30',
			notes: 'Prices include delivery to your office.'
		},
		[
			{
				description: 'Lenovo ThinkPad T14',
				quantity: 4,
				unitPrice: 134_900,
				discountPercent: 10,
				billing: 'one-time',
				section: 'Hardware'
			},
			{ description: 'Docking station', quantity: 4, unitPrice: 22_900, billing: 'one-time', section: 'Hardware' },
			{
				description: 'Microsoft 365 Business Premium',
				quantity: 4,
				unitPrice: 2_200,
				billing: 'monthly',
				section: 'Licences'
			},
			{
				description: 'Backup for Microsoft 365',
				quantity: 4,
				unitPrice: 3_000,
				billing: 'yearly',
				section: 'Licences'
			},
			{
				description: 'Extended warranty',
				quantity: 4,
				unitPrice: 9_900,
				billing: 'one-time',
				optional: true,
				section: 'Licences'
			},
			{ description: 'Deployment and imaging', quantity: 4, unitPrice: 9_500, billing: 'one-time', section: 'Services' }
		]
	);

	// The contact accepts on their tablet.
	const customer = await browser.newContext(TABLET);
	const customerPage = await customer.newPage();
	await signIn(customerPage, 'customer@acme.outpost.test');
	// Their list is theirs: no colleagues or other companies to filter by.
	const filters = customerPage.getByRole('search', { name: 'Find quotes' });
	await expect(filters.getByRole('combobox', { name: 'Status' })).toBeVisible();
	await expect(filters.getByRole('combobox', { name: 'Owner' })).toHaveCount(0);
	await expect(filters.getByRole('combobox', { name: 'Company' })).toHaveCount(0);
	await customerPage.goto(`/quotes/${quote.id}/answer`);
	// The MSP's letterhead heads the quote the customer reads.
	const from = customerPage.getByRole('region', { name: 'From' });
	await expect(from).toContainText('Northwind Managed Services');
	await expect(from).toContainText('400 Harbour Street, Suite 12');
	await expect(from.getByRole('img')).toHaveCount(0); // the logo is decorative: the name says who
	await expect(from.locator('img')).toHaveAttribute('src', /^data:image\/png;base64,/);
	const form = customerPage.getByRole('form', { name: 'Accept this quote' });
	await form.getByLabel('Your full name, as your signature').fill('Carla Customer');
	await form.getByRole('checkbox', { name: 'I accept this quote' }).check();
	await form.getByRole('button', { name: 'Accept quote' }).click();
	await expect(customerPage.getByTestId('pending-count')).toHaveCount(0, { timeout: 15_000 });

	await page.goto(`/quotes/${quote.id}/print`);
	const documentView = page.getByRole('article', { name: 'Quote document' });
	await expect(documentView.getByRole('heading', { level: 1 })).toHaveText(/^Quote Q-\d{5}$/);
	await expect(documentView.getByTestId('acceptance')).toContainText('Accepted by Carla Customer on', {
		timeout: 15_000
	});
	const number = (await documentView.getByRole('heading', { level: 1 }).textContent())!.replace('Quote ', '');

	// The Print button opens the browser's print dialog.
	await page.evaluate(() => {
		(window as unknown as { printed: number }).printed = 0;
		window.print = () => void (window as unknown as { printed: number }).printed++;
	});
	await page.getByRole('button', { name: 'Print' }).click();
	expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);

	// In print media only the document remains.
	await page.emulateMedia({ media: 'print' });
	await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
	await expect(page.getByRole('button', { name: 'Sign out' })).toBeHidden();
	await expect(page.getByRole('button', { name: 'Print' })).toBeHidden();
	await expect(documentView).toBeVisible();
	await expect(documentView.locator('.acceptance-block')).toHaveCSS('break-before', 'page');
	await expect(documentView.locator('thead').first()).toHaveCSS('display', 'table-header-group');
	const totals = documentView.getByRole('table', { name: 'Totals' });
	await expect(totals.getByRole('row', { name: /^One-time/ })).toContainText('$6,152.40');
	await expect(totals.getByRole('row', { name: /^Monthly/ })).toContainText('$88.00 / month');
	await expect(totals.getByRole('row', { name: /^Yearly/ })).toContainText('$120.00 / year');
	await expect(totals.getByRole('row', { name: /^Optional one-time/ })).toContainText('+$396.00');

	for (const format of ['A4', 'Letter'] as const) {
		const path = testInfo.outputPath(`quote-${format}.pdf`);
		await page.pdf({ path, format });
		if (!PDFTOTEXT) continue;
		const pages = execFileSync(PDFTOTEXT, ['-layout', path, '-'], { encoding: 'utf8' })
			.split('\f')
			.filter((p) => p.trim());
		const all = pages.join('\n');
		const [first, last] = [pages[0]!, pages.at(-1)!];
		// The acceptance is a page of its own, the last one; everything priced comes before it.
		expect(pages.length, `${format} pages`).toBeGreaterThanOrEqual(2);
		expect(last.trim(), format).toMatch(/^Acceptance\s+Accepted by Carla Customer on .+ 20\d\d/);
		expect(last).toMatch(/Content fingerprint\s+[0-9a-f]{4} [0-9a-f]{4} [0-9a-f]{4} [0-9a-f]{4}/);
		expect(pages.slice(0, -1).join('\n')).not.toContain('Accepted by');
		for (const text of [
			'Northwind Managed Services',
			'400 Harbour Street, Suite 12',
			'quotes@northwind.example',
			`Quote ${number}`,
			'Acme Corporation',
			'Carla Customer, Office manager',
			title,
			'Net 30',
			'January 31, 2027'
		]) {
			expect(first, format).toContain(text);
		}
		for (const section of ['Hardware', 'Licences', 'Services'])
			expect(all).toMatch(new RegExp(`^\\s*${section}\\s*$`, 'm'));
		expect(all).toMatch(/Lenovo ThinkPad T14\s+4\s+\$1,349\.00\s+10%\s+One-time\s+\$4,856\.40/);
		expect(all).toMatch(/Deployment and imaging\s+4\s+\$95\.00\s+One-time\s+\$380\.00/);
		// The totals stay together on one page.
		const totalsPage = pages.find((p) => /^\s*Totals\s*$/m.test(p)) ?? '';
		expect(totalsPage).toMatch(/One-time\s+\$6,152\.40/);
		expect(totalsPage).toMatch(/Monthly\s+\$88\.00 \/ month/);
		expect(totalsPage).toMatch(/Yearly\s+\$120\.00 \/ year/);
		for (const chrome of ['Sign out', 'Outpost', 'Save as PDF', '← Back']) expect(all, format).not.toContain(chrome);

		// The @page margins hold: no word closer than 14 mm to the left edge or 16 mm to the top.
		const boxes = execFileSync(PDFTOTEXT, ['-bbox', path, '-'], { encoding: 'utf8' });
		const xs = [...boxes.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)"/g)].map((m) => [Number(m[1]), Number(m[2])]);
		expect(Math.min(...xs.map(([x]) => x!))).toBeGreaterThanOrEqual(14 * POINTS_PER_MM - 1);
		expect(Math.min(...xs.map(([, y]) => y!))).toBeGreaterThanOrEqual(16 * POINTS_PER_MM - 1);
	}

	// The customer's own PDF carries the same letterhead: they replicate the organisation profile.
	await customerPage.goto(`/quotes/${quote.id}/print`);
	const theirs = customerPage.getByRole('article', { name: 'Quote document' });
	await expect(theirs.getByTestId('letterhead')).toContainText('Northwind Managed Services');
	if (PDFTOTEXT) {
		const path = testInfo.outputPath('quote-customer.pdf');
		await customerPage.pdf({ path, format: 'A4' });
		const text = execFileSync(PDFTOTEXT, ['-layout', path, '-'], { encoding: 'utf8' });
		expect(text).toContain('Northwind Managed Services');
		expect(text).toContain('Seattle, WA 98101');
	}

	await Promise.all([admin.close(), customer.close()]);
});
