// Reset this device on a 390 px phone (the seeds' "clear browser cache" step, made safe): refused
// while a change made offline waits to be sent, with an export of it offered; once synced, the reset
// deletes this device's copy and the app downloads it again.

import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations, PHONE } from './support/admin.ts';
import {
	createQuote,
	goOffline,
	goOnline,
	openAccountMenu,
	QuoteEditor,
	signIn,
	waitUntilSynced
} from './support/app.ts';

const SALES = 'sales@demo.outpost.test';
const DB_NAME = 'outpost-org-demo-user-sales-demo';

/** Writes a row only this device holds into the replica's meta table, to see whether the copy survives. */
function writeProbe(page: Page) {
	return page.evaluate(
		(name) =>
			new Promise<void>((resolve, reject) => {
				const open = indexedDB.open(name);
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const tx = open.result.transaction('meta', 'readwrite');
					tx.objectStore('meta').put({ key: 'reset-probe', value: 1 });
					tx.oncomplete = () => (open.result.close(), resolve());
					tx.onerror = () => reject(tx.error);
				};
			}),
		DB_NAME
	);
}

function readProbe(page: Page) {
	return page.evaluate(
		(name) =>
			new Promise<unknown>((resolve, reject) => {
				const open = indexedDB.open(name);
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const get = open.result.transaction('meta').objectStore('meta').get('reset-probe');
					get.onsuccess = () => (open.result.close(), resolve(get.result ?? null));
					get.onerror = () => reject(get.error);
				};
			}),
		DB_NAME
	);
}

test('reset is refused with an unsent change and offers its export; after sync it resets and re-syncs', async ({
	browser
}) => {
	test.setTimeout(120_000);
	const context = await browser.newContext({ ...PHONE, acceptDownloads: true });
	const page = await context.newPage();
	await signIn(page, SALES);
	const path = await createQuote(page, 'Acme Corporation', 'Reset this device');
	await waitUntilSynced(page);

	await goOffline(context);
	await new QuoteEditor(page).addLine('Made before the reset', '1', '40.00');
	await expect(page.getByTestId('pending-count')).toHaveText('1 pending');

	await (await openAccountMenu(page)).getByRole('button', { name: 'Reset this device' }).click();
	const dialog = page.getByRole('dialog', { name: 'Reset this device?' });
	await expect(dialog.getByRole('alert')).toHaveText(
		'1 change on this device has not reached the server yet, and a reset would lose it. Go online and let Outpost send them, or export them to a file first.'
	);
	await expect(dialog.getByRole('button', { name: 'Reset this device' })).toHaveCount(0);
	await expectNoSeriousA11yViolations(page);

	const download = page.waitForEvent('download');
	await dialog.getByRole('button', { name: 'Export unsent changes' }).click();
	const file = JSON.parse(await readFile((await (await download).path())!, 'utf8'));
	expect(file).toMatchObject({ kind: 'outpost-unsent-changes', account: SALES });
	expect(file.changes.map((c: { name: string }) => c.name)).toEqual(['addQuoteLine']);
	expect(file.changes[0].args).toMatchObject({ description: 'Made before the reset' });
	// Exported, the reset is allowed, saying what it drops; this rep waits for the signal instead.
	await expect(dialog.getByRole('button', { name: 'Reset and drop the exported changes' })).toBeVisible();
	await dialog.getByRole('button', { name: 'Cancel' }).click();

	await goOnline(context);
	await waitUntilSynced(page);
	await writeProbe(page);
	expect(await readProbe(page)).toEqual({ key: 'reset-probe', value: 1 });

	const freshPull = page.waitForRequest(
		(r) => new URL(r.url()).pathname === '/api/sync/pull' && JSON.parse(r.postData() ?? '{}').cookie === null
	);
	await (await openAccountMenu(page)).getByRole('button', { name: 'Reset this device' }).click();
	await expect(dialog.getByRole('alert')).toHaveCount(0);
	await dialog.getByRole('button', { name: 'Reset this device' }).click();

	// The app starts again on the same screen, still signed in by its cookie (the remembered user went
	// with the reset), and downloads everything afresh.
	await freshPull;
	await expect(page).toHaveURL(new URL(path, page.url()).href);
	await expect(page.getByRole('heading', { name: 'Reset this device', level: 1 })).toBeVisible();
	await expect(new QuoteEditor(page).lineDescriptions()).toHaveValue('Made before the reset');
	await waitUntilSynced(page);
	expect(await readProbe(page)).toBeNull();
	await expect(page.getByText('The browser cleared this device')).toHaveCount(0);

	await context.close();
});
