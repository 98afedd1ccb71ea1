// Every Autotask failure the seeds name, injected in the simulator: the issue's text, whether and how
// often it was retried, and that nothing was duplicated in Autotask.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOutboundPolicy } from '../../common/outbound-policy.ts';
import { STORE_KINDS } from '../../../test/stores.ts';
import { startAutotaskJobs, type AutotaskJobs } from '../../../psa/test/autotask-jobs-harness.ts';

describe.each(STORE_KINDS)('Autotask sync failures on $name', (kind) => {
	let at: AutotaskJobs;
	beforeEach(async () => {
		at = await startAutotaskJobs(kind, { withLookups: true });
	});
	afterEach(() => at.close());

	const records = () =>
		['Companies', 'Contacts', 'Opportunities', 'Quotes', 'QuoteItems'].map((e) => at.count(e as never));

	it('BillingCode does not exist or is invalid: the rest of the quote syncs, the fix and a retry clear it', async () => {
		const { quote } = await at.quote(['p-laptop', 'p-old']);
		await at.enqueue('syncQuote', quote.id);
		await at.drain();

		expect(await at.issue('syncQuote', quote.id)).toMatchObject({
			message: 'BillingCode does not exist or is invalid',
			rootCause: 'categoryBillingCode:cat-legacy',
			attempts: 1,
			severity: 'error'
		});
		expect(records()).toEqual([1, 1, 1, 1, 1]);

		await at.write(async (tx) => {
			const category = (await tx.get('categories', 'cat-legacy'))!;
			await tx.put('categories', { ...category, billingCodeId: String(at.codes.active) });
		});
		await at.enqueue('syncQuote', quote.id);
		await at.drain();
		expect(await at.issue('syncQuote', quote.id)).toBeUndefined();
		expect(records()).toEqual([1, 1, 1, 1, 2]);
	});

	it('outside sandbox mode a job never calls a loopback PSA: a permanent credentials issue, no request sent', async () => {
		const { quote } = await at.quote(['p-laptop']);
		at.sandbox.control.resetCalls();
		at.runner = at.newRunner({ outbound: createOutboundPolicy({ allowLoopback: false }) });
		await at.enqueue('syncQuote', quote.id);
		await at.drain();
		expect(await at.issue('syncQuote', quote.id)).toMatchObject({
			message: '127.0.0.1 is a loopback address; Outpost does not call it outside sandbox mode.',
			rootCause: 'credentials:autotask',
			attempts: 1
		});
		expect(at.sandbox.control.totalCalls()).toBe(0);
	});

	it('a category with no billing code at all fails the same way, grouped under that category', async () => {
		const { quote } = await at.quote(['p-misc']);
		await at.enqueue('syncQuote', quote.id);
		await at.drain();
		expect(await at.issue('syncQuote', quote.id)).toMatchObject({
			message: 'BillingCode does not exist or is invalid',
			rootCause: 'categoryBillingCode:cat-unmapped'
		});
		expect(at.count('Products')).toBe(0);
	});

	it('a connection reset is retried automatically and the sync completes once', async () => {
		const { quote } = await at.quote(['p-laptop']);
		at.sandbox.control.inject({ kind: 'connection_reset', method: 'POST', path: '/Opportunities' });
		await at.enqueue('syncQuote', quote.id);
		await at.drain();
		expect(await at.issue('syncQuote', quote.id)).toBeUndefined();
		expect(records()).toEqual([1, 1, 1, 1, 1]);
	});

	it('connection resets that persist: 2 automatic retries, then an issue', async () => {
		const { quote } = await at.quote(['p-laptop']);
		at.sandbox.control.inject({ kind: 'connection_reset', method: 'POST', path: '/Companies/query', times: 10 });
		await at.enqueue('syncQuote', quote.id);
		await at.drain();
		expect(at.sandbox.control.callCount('POST /Companies/query')).toBe(3);
		expect(await at.issue('syncQuote', quote.id)).toMatchObject({ attempts: 1 });
		expect((await at.issue('syncQuote', quote.id))?.message).toMatch(/reset/i);
		expect(records()).toEqual([0, 0, 0, 0, 0]);
	});

	it('Autotask authentication error: no retry, grouped under the credentials', async () => {
		const { quote } = await at.quote(['p-laptop']);
		at.sandbox.control.resetCalls();
		at.sandbox.control.inject({ kind: 'unauthorized', times: 2 });
		await at.enqueue('syncQuote', quote.id);
		await at.drain();
		expect(await at.issue('syncQuote', quote.id)).toMatchObject({
			message: 'Autotask authentication error: please verify your credentials',
			rootCause: 'credentials:autotask'
		});
		expect(at.sandbox.control.totalCalls()).toBe(1);
		expect(at.sandbox.control.pendingFaults()).toBe(1);
		expect(records()).toEqual([0, 0, 0, 0, 0]);
	});

	it('Opportunity was not found in Autotask, when it was deleted or deactivated there', async () => {
		const { quote } = await at.quote(['p-laptop']);
		await at.enqueue('syncQuote', quote.id);
		await at.drain();
		const [opportunity] = at.sandbox.control.records('Opportunities');
		at.sandbox.control.deactivate('Opportunities', opportunity!.id);
		await at.enqueue('syncQuote', quote.id);
		await at.drain();
		expect(await at.issue('syncQuote', quote.id)).toMatchObject({ message: 'Opportunity was not found in Autotask' });

		at.sandbox.control.remove('Opportunities', opportunity!.id);
		await at.enqueue('syncQuote', quote.id);
		await at.drain();
		expect(await at.issue('syncQuote', quote.id)).toMatchObject({
			message: 'Opportunity was not found in Autotask',
			attempts: 2
		});
		expect(at.count('Quotes')).toBe(1);
	});

	it('Company has no external identifier: the company is synced first, and says why when it cannot be', async () => {
		const { quote } = await at.quote(['p-laptop']);
		at.sandbox.control.inject({
			kind: 'errors',
			method: 'POST',
			path: '/Companies',
			messages: ['Phone is not a valid phone number.']
		});
		await at.enqueue('syncQuote', quote.id);
		await at.drain();
		expect((await at.issue('syncQuote', quote.id))?.message).toBe(
			'Company has no external identifier. Phone is not a valid phone number.'
		);
		expect(records()).toEqual([0, 0, 0, 0, 0]);

		await at.enqueue('syncQuote', quote.id);
		await at.drain();
		expect(await at.issue('syncQuote', quote.id)).toBeUndefined();
		expect(records()).toEqual([1, 1, 1, 1, 1]);
	});

	it("Contact has no external identifier, when the quote's contact belongs to another company", async () => {
		await at.write(async (tx) => {
			await tx.put('companies', { id: 'company-globex', name: 'Globex', isMsp: false, createdAt: 0 });
			const ada = (await tx.get('contacts', 'contact-ada'))!;
			await tx.put('contacts', { ...ada, companyId: 'company-globex' });
		});
		const { quote } = await at.quote(['p-laptop']);
		await at.enqueue('syncQuote', quote.id);
		await at.drain();
		expect((await at.issue('syncQuote', quote.id))?.message).toMatch(/^Contact has no external identifier\./);
		expect(at.count('Contacts')).toBe(0);
	});

	it('companyID is not associated with contactID, passed through from Autotask', async () => {
		const [otherCompany] = at.sandbox.control.seed('Companies', [
			{ companyName: 'Elsewhere', companyType: 1, phone: '1', isActive: true }
		]);
		const [stranger] = at.sandbox.control.seed('Contacts', [
			{ companyID: otherCompany, firstName: 'Ada', lastName: 'Lovelace', emailAddress: 'x@y.test', isActive: 1 }
		]);
		await at.store.db
			.insertInto('external_links')
			.values({
				org_id: 'org-test',
				provider: 'autotask',
				kind: 'contacts',
				local_id: 'contact-ada',
				external_id: String(stranger)
			})
			.execute();
		const { quote } = await at.quote(['p-laptop']);
		await at.enqueue('syncQuote', quote.id);
		await at.drain();
		expect(await at.issue('syncQuote', quote.id)).toMatchObject({
			message: 'companyID is not associated with contactID'
		});
		expect(at.count('Opportunities')).toBe(0);
	});

	it('Payment term/type is deleted, when the quote names one Autotask no longer has active', async () => {
		at.sandbox.control.deactivatePicklistValue('Quotes', 'paymentTerm', 4);
		await at.enqueue('synchronize', 'autotask');
		await at.drain();
		const { quote } = await at.quote(['p-laptop'], { paymentTerm: 'Net 60' });
		await at.enqueue('syncQuote', quote.id);
		await at.drain();
		expect(await at.issue('syncQuote', quote.id)).toMatchObject({
			message: 'Payment term/type is deleted',
			rootCause: 'paymentTerm:autotask'
		});
		expect(records()).toEqual([0, 0, 0, 0, 0]);
	});

	it('Some line items not synchronized is a warning: the quote is in Autotask', async () => {
		const { quote } = await at.quote(['p-laptop', null]);
		await at.enqueue('syncQuote', quote.id);
		await at.drain();
		expect(await at.issue('syncQuote', quote.id)).toMatchObject({
			severity: 'warning',
			message: 'Some line items not synchronized (1 of 2).'
		});
		expect(records()).toEqual([1, 1, 1, 1, 1]);
	});

	it('No matching records found, when a record Outpost is linked to was deleted in Autotask', async () => {
		const { quote, lines } = await at.quote(['p-laptop']);
		await at.enqueue('syncQuote', quote.id);
		await at.drain();
		at.sandbox.control.remove('Quotes', at.sandbox.control.records('Quotes')[0]!.id);
		await at.write((tx) => tx.put('quoteLines', { ...lines[0]!, quantity: 3 }));
		await at.write(async (tx) => tx.put('quotes', { ...(await tx.get('quotes', quote.id))!, title: 'Renamed' }));
		await at.enqueue('syncQuote', quote.id);
		await at.drain();
		expect(await at.issue('syncQuote', quote.id)).toMatchObject({ message: 'No matching records found' });
		expect(at.count('Opportunities')).toBe(1);
	});
});
