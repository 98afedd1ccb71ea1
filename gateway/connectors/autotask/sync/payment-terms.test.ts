// Payment terms from Autotask: Synchronize replicates them for quotes to offer, a term deleted there
// stays, inactive, so the quote can flag it; if a quote still names it, the sync fails at once with
// the seeds' text and sends nothing.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readEntity } from '../../../store/entity-reader.ts';
import { STORE_KINDS } from '../../../test/stores.ts';
import { ORG, startAutotaskJobs, type AutotaskJobs } from '../../../psa/test/autotask-jobs-harness.ts';

describe.each(STORE_KINDS)('Autotask payment terms on $name', (kind) => {
	let at: AutotaskJobs;
	beforeEach(async () => {
		at = await startAutotaskJobs(kind, { withLookups: true });
	});
	afterEach(() => at.close());

	const term = (value: string) => readEntity(at.store.db, ORG, 'paymentTerms', `autotask:${value}`);

	it('Synchronize replicates the terms, and one deactivated in Autotask becomes inactive', async () => {
		expect(await term('4')).toEqual({
			id: 'autotask:4',
			provider: 'autotask',
			value: '4',
			label: 'Net 60',
			active: true
		});
		at.sandbox.control.deactivatePicklistValue('Quotes', 'paymentTerm', 4);
		await at.enqueue('synchronize', 'autotask');
		await at.drain();
		expect(await term('4')).toMatchObject({ label: 'Net 60', active: false });
		expect(await term('3')).toMatchObject({ label: 'Net 30', active: true });
	});

	it('a quote that still names a deleted term fails once, as Payment term/type is deleted, and sends nothing', async () => {
		at.sandbox.control.deactivatePicklistValue('Quotes', 'paymentTerm', 4);
		await at.enqueue('synchronize', 'autotask');
		await at.drain();
		const { quote } = await at.quote(['p-laptop'], { paymentTerm: 'Net 60' });
		at.sandbox.control.resetCalls();
		await at.enqueue('syncQuote', quote.id);
		await at.drain();
		expect(await at.issue('syncQuote', quote.id)).toMatchObject({
			message: 'Payment term/type is deleted',
			attempts: 1
		});
		expect(await readEntity(at.store.db, ORG, 'quoteSyncs', quote.id)).toMatchObject({
			state: 'failed',
			message: 'Payment term/type is deleted'
		});
		const jobs = await at.store.db
			.selectFrom('jobs')
			.select(['status', 'retries'])
			.where('entity_id', '=', quote.id)
			.execute();
		expect(jobs).toEqual([{ status: 'failed', retries: 0 }]);
		expect(at.count('Quotes')).toBe(0);
	});
});
