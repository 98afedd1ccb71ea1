// Issue 14 against the ConnectWise simulator, through the job runner: a quote sync that fails while
// creating the company or the contact files its issue against that record (linked back to the quote),
// the quote's sync state still says it failed and why, and the next sync that succeeds clears it.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Sandbox } from '../test/client-sandbox.ts';
import { startConnectwiseJobs, type ConnectwiseJobs } from '../../../psa/test/connectwise-jobs-harness.ts';
import { readEntity } from '../../../store/entity-reader.ts';
import { STORE_KINDS } from '../../../test/stores.ts';
import { contractRows } from '../../../psa/test/contract-rows.ts';
import { ORG } from '../../../psa/test/jobs-harness.ts';

describe.each(STORE_KINDS)('ConnectWise quote sync issues filed against the record that failed, on $name', (kind) => {
	let cw: Sandbox;
	let jobs: ConnectwiseJobs;
	beforeEach(async () => {
		jobs = await startConnectwiseJobs(kind);
		cw = jobs.sandbox;
	});
	afterEach(() => jobs.close());

	async function syncedOnce() {
		const { rows, quote } = contractRows({ categoryId: 'category-hardware' }, 1);
		await jobs.putRows(rows);
		await jobs.enqueue('syncQuote', quote.id);
		await jobs.drain();
		return quote;
	}
	const syncOf = (quoteId: string) => readEntity(jobs.store.db, ORG, 'quoteSyncs', quoteId);
	const refuse = (path: string, text: string) =>
		cw.control.inject({
			kind: 'error',
			method: 'POST',
			path,
			message: 'object is invalid',
			errors: [{ code: 'InvalidField', message: text }]
		});

	it('files a company ConnectWise refuses against the company; a sync that succeeds clears it', async () => {
		refuse('/company/companies', 'Phone number is not valid.');
		const quote = await syncedOnce();

		expect(await jobs.issue('syncQuote', quote.id)).toMatchObject({
			entityTable: 'companies',
			entityId: 'company-acme',
			entityLabel: 'Company Acme Corporation · Quote Q-01001 · Acme Corporation',
			quoteId: quote.id,
			message: 'Phone number is not valid.',
			severity: 'error'
		});
		expect(await syncOf(quote.id)).toMatchObject({
			state: 'failed',
			message: 'Phone number is not valid.',
			lines: []
		});

		await jobs.enqueue('syncQuote', quote.id);
		await jobs.drain();
		expect(await jobs.issue('syncQuote', quote.id)).toBeUndefined();
		expect((await syncOf(quote.id))?.state).toBe('synced');
	});

	it('files a contact ConnectWise refuses against the contact, not the quote', async () => {
		refuse('/company/contacts', 'Email address is not valid.');
		const quote = await syncedOnce();

		expect(await jobs.issue('syncQuote', quote.id)).toMatchObject({
			entityTable: 'contacts',
			entityId: 'contact-ada',
			entityLabel: 'Contact Ada Lovelace · Quote Q-01001 · Acme Corporation',
			quoteId: quote.id,
			message: 'Email address is not valid.'
		});
		expect(await syncOf(quote.id)).toMatchObject({ state: 'failed', message: 'Email address is not valid.' });
		expect(cw.control.records('companies')).toHaveLength(1);
		expect(cw.control.records('opportunities')).toHaveLength(0);
	});

	it('keeps refused credentials under the quote: their fix is the connection, not the company', async () => {
		cw.control.inject({ kind: 'unauthorized', method: 'POST', path: '/company/companies' });
		const quote = await syncedOnce();

		expect(await jobs.issue('syncQuote', quote.id)).toMatchObject({
			entityTable: 'quotes',
			entityId: quote.id,
			rootCause: 'credentials:connectwise'
		});
	});
});
