// Admin › Tools › Issues on a phone: a quote whose Autotask quote Outpost can no longer find fails with
// the seeds' "No matching records found"; the admin taps Re-index this record, the re-index finds the
// quote again by its opportunity, the sync runs again and the issue clears. Needs the sandbox Autotask.

import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { expect, test } from '@playwright/test';
import { DEMO_ORG } from '../gateway/demo/demo-data.ts';
import { issueId } from '../shared/schema/psa-entities.ts';
import { expectNoSeriousA11yViolations, PHONE } from './support/admin.ts';
import { signIn } from './support/app.ts';
import { IssuesScreen } from './support/psa-screens.ts';
import { pushMutations, pushSentQuote } from './support/sync-api.ts';

/** A billing code the sandbox Autotask has, active (the demo categories use it). */
const VALID_CODE = '29682801';

/** The gateway's own store (the e2e gateway runs on SQLite in E2E_DATA_DIR). */
function store() {
	return new SQLite(join(process.env.E2E_DATA_DIR!, 'outpost.sqlite'));
}

function linkOf(kind: string, quoteId: string): string | undefined {
	const db = store();
	try {
		const row = db
			.prepare('SELECT external_id FROM external_links WHERE org_id = ? AND provider = ? AND kind = ? AND local_id = ?')
			.get(DEMO_ORG.id, 'autotask', kind, quoteId) as { external_id: string } | undefined;
		return row?.external_id;
	} finally {
		db.close();
	}
}

/** What an Autotask admin's clean-up leaves behind: Outpost's link names a quote Autotask no longer has. */
function pointQuoteNowhere(quoteId: string) {
	const db = store();
	try {
		db.prepare('UPDATE external_links SET external_id = ? WHERE org_id = ? AND kind = ? AND local_id = ?').run(
			'987654321',
			DEMO_ORG.id,
			'quotes',
			quoteId
		);
		// So the next sync sends the quote again instead of finding nothing to change.
		db.prepare('DELETE FROM external_links WHERE org_id = ? AND kind = ? AND local_id = ?').run(
			DEMO_ORG.id,
			'quoteHashes',
			quoteId
		);
	} finally {
		db.close();
	}
}

test('an admin on a phone re-indexes the record behind "No matching records found", and the issue clears', async ({
	browser
}) => {
	// Two syncs, a re-index and the retried sync run on the gateway, each reaching the phone with a pull.
	test.setTimeout(120_000);
	const run = randomUUID().slice(0, 8);
	const context = await browser.newContext(PHONE);
	const page = await context.newPage();
	await signIn(page, 'admin@demo.outpost.test');

	const category = { id: randomUUID(), name: `Docks ${run}`, defaultMarkupPercent: 18, billingCodeId: VALID_CODE };
	const product = {
		id: randomUUID(),
		name: `Dock ${run}`,
		sku: `DOCK-${run}`,
		mpn: '',
		description: '',
		categoryId: category.id,
		cost: 9_000,
		price: 12_000,
		billing: 'one-time' as const,
		distributor: null,
		noProcurement: false,
		active: true
	};
	await pushMutations(page, [
		{ name: 'saveCategory', args: category },
		{ name: 'saveProduct', args: product }
	]);
	const quote = await pushSentQuote(page, { companyId: 'company-acme', title: `Docks for Acme ${run}` }, [
		{ productId: product.id, quantity: 3 }
	]);
	await pushMutations(page, [{ name: 'syncQuoteToPsa', args: { quoteId: quote.id } }]);
	await expect.poll(() => linkOf('quotes', quote.id), { timeout: 30_000 }).toBeDefined();
	const autotaskQuote = linkOf('quotes', quote.id);

	pointQuoteNowhere(quote.id);
	await pushMutations(page, [{ name: 'syncQuoteToPsa', args: { quoteId: quote.id } }]);

	const issues = new IssuesScreen(page);
	await issues.open();
	const issue = issues.issueOf(issueId('autotask', 'syncQuote', quote.id));
	await expect(issue).toBeVisible({ timeout: 30_000 });
	await expect(issue.getByText('No matching records found')).toBeVisible();
	await expectNoSeriousA11yViolations(page);

	await issue.getByRole('button', { name: /^Re-index this record/ }).tap();
	// The re-index and the sync it retries run on the gateway; the cleared issue arrives with a pull.
	await expect(issue).toHaveCount(0, { timeout: 30_000 });
	expect(linkOf('quotes', quote.id)).toBe(autotaskQuote);
	await expect(page.getByRole('region', { name: 'Changes the server did not accept' })).toHaveCount(0);

	await page.goto('/admin/maintenance');
	await expect(page.getByRole('heading', { level: 1, name: 'Maintenance' })).toBeVisible();
	await context.close();
});
