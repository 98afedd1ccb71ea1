// What a rep reads on the quote after Send to PSA, against the Autotask simulator: the quote's sync
// state (synced with its Autotask number and link, warning, failed), the lines Autotask refused with
// its own words, and the issue filed against the record that failed, linked back to the quote.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readEntity } from '../../../store/entity-reader.ts';
import { STORE_KINDS } from '../../../test/stores.ts';
import { ORG, startAutotaskJobs, type AutotaskJobs } from '../../../psa/test/autotask-jobs-harness.ts';
import { AUTOTASK_SYNC_MESSAGES as TEXT } from '../failure.ts';

describe.each(STORE_KINDS)('Quote sync state against Autotask on $name', (kind) => {
	let at: AutotaskJobs;
	beforeEach(async () => {
		at = await startAutotaskJobs(kind, { withLookups: true });
	});
	afterEach(() => at.close());

	const syncOf = (quoteId: string) => readEntity(at.store.db, ORG, 'quoteSyncs', quoteId);

	it('is synced with the Autotask quote’s number and a link to its opportunity in the tenant’s zone', async () => {
		const { quote } = await at.quote(['p-laptop']);
		await at.enqueue('syncQuote', quote.id);
		await at.drain();
		const [record] = at.sandbox.control.records('Quotes');
		const [opportunity] = at.sandbox.control.records('Opportunities');
		const row = await syncOf(quote.id);
		expect(row).toMatchObject({
			state: 'synced',
			provider: 'autotask',
			number: String(record!.id),
			message: '',
			lines: []
		});
		expect(row?.url).toMatch(
			new RegExp(`ExecuteCommand\\.aspx\\?Code=OpenOpportunity&OpportunityID=${opportunity!.id}$`)
		);
	});

	it('names the line Autotask refused, in Autotask’s words, and files the warning against its product', async () => {
		const { quote, lines } = await at.quote(['p-laptop', 'p-dock']);
		at.sandbox.control.inject({
			kind: 'errors',
			method: 'POST',
			path: '/Quotes/{id}/Items',
			messages: ['Quantity exceeds the maximum allowed.']
		});
		await at.enqueue('syncQuote', quote.id);
		await at.drain();
		const row = await syncOf(quote.id);
		expect(row).toMatchObject({ state: 'warning', message: `${TEXT.someLinesNotSynced} (1 of 2).` });
		expect(row?.lines).toEqual([{ lineId: lines[0]!.id, message: 'Quantity exceeds the maximum allowed.' }]);
		expect(await at.issue('syncQuote', quote.id)).toMatchObject({
			severity: 'warning',
			entityTable: 'products',
			entityId: 'p-laptop',
			quoteId: quote.id
		});
	});

	it('fails on a billing code with each line that carries it, filed against the product', async () => {
		const { quote, lines } = await at.quote(['p-laptop', 'p-old']);
		await at.enqueue('syncQuote', quote.id);
		await at.drain();
		expect(await syncOf(quote.id)).toMatchObject({
			state: 'failed',
			message: TEXT.billingCodeInvalid,
			lines: [{ lineId: lines[1]!.id, message: TEXT.billingCodeInvalid }]
		});
		expect(await at.issue('syncQuote', quote.id)).toMatchObject({
			entityTable: 'products',
			entityId: 'p-old',
			entityLabel: 'Product Product p-old · Quote Q-00001 · Acme Corporation',
			quoteId: quote.id
		});
	});

	it('files a contact Autotask does not associate with the company against the contact', async () => {
		await at.write(async (tx) => {
			await tx.put('companies', { id: 'company-globex', name: 'Globex', isMsp: false, createdAt: 0 });
			const ada = (await tx.get('contacts', 'contact-ada'))!;
			await tx.put('contacts', { ...ada, companyId: 'company-globex' });
		});
		const { quote } = await at.quote(['p-laptop']);
		await at.enqueue('syncQuote', quote.id);
		await at.drain();
		expect(await at.issue('syncQuote', quote.id)).toMatchObject({
			entityTable: 'contacts',
			entityId: 'contact-ada',
			quoteId: quote.id
		});
		expect(await syncOf(quote.id)).toMatchObject({ state: 'failed', lines: [] });
	});

	it('files a deleted opportunity against the opportunity, and keeps the number the quote had', async () => {
		const { quote } = await at.quote(['p-laptop']);
		await at.enqueue('syncQuote', quote.id);
		await at.drain();
		const [opportunity] = at.sandbox.control.records('Opportunities');
		at.sandbox.control.remove('Opportunities', opportunity!.id);
		await at.enqueue('syncQuote', quote.id);
		await at.drain();
		expect(await at.issue('syncQuote', quote.id)).toMatchObject({
			entityTable: 'opportunities',
			entityId: `autotask-opportunity-${opportunity!.id}`,
			quoteId: quote.id
		});
		const [record] = at.sandbox.control.records('Quotes');
		expect(await syncOf(quote.id)).toMatchObject({ state: 'failed', number: String(record!.id) });
	});
});
