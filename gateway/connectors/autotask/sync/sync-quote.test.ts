import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readEntities } from '../../../store/entity-reader.ts';
import { STORE_KINDS } from '../../../test/stores.ts';
import { ORG, startAutotaskJobs, type AutotaskJobs } from '../../../psa/test/autotask-jobs-harness.ts';

describe.each(STORE_KINDS)('Autotask quote sync through the job runner on $name', (kind) => {
	let at: AutotaskJobs;
	beforeEach(async () => {
		at = await startAutotaskJobs(kind, { withLookups: true });
		at.sandbox.control.resetCalls();
	});
	afterEach(() => at.close());

	it('creates company, contact, opportunity, quote and items once, in the fewest calls', async () => {
		const { quote } = await at.quote(['p-laptop', 'p-dock', 'p-laptop']);
		expect(await at.enqueue('syncQuote', quote.id)).toMatchObject({ ok: true });
		await at.drain();

		expect(await at.issue('syncQuote', quote.id)).toBeUndefined();
		expect([
			at.count('Companies'),
			at.count('Contacts'),
			at.count('Opportunities'),
			at.count('Quotes'),
			at.count('QuoteItems'),
			at.count('Products')
		]).toEqual([1, 1, 1, 1, 3, 2]);
		// company lookup + create, contact lookup + create, opportunity, location, quote, one SKU query,
		// 2 products, 3 items. Picklists, resources and the zone come from Synchronize.
		expect(at.sandbox.control.calls()).toEqual({
			'POST /Companies/query': 1,
			'POST /Companies': 1,
			'POST /Contacts/query': 1,
			'POST /Companies/{id}/Contacts': 1,
			'POST /Opportunities': 1,
			'POST /QuoteLocations': 1,
			'POST /Quotes': 1,
			'POST /Products/query': 1,
			'POST /Products': 2,
			'POST /Quotes/{id}/Items': 3
		});
		const item = at.sandbox.control.records('QuoteItems')[0]!;
		const product = at.sandbox.control.record('Products', item.productID as number)!;
		expect(product.productBillingCodeID).toBe(at.codes.active);
		const [opportunity] = at.sandbox.control.records('Opportunities');
		expect(await readEntities(at.store.db, ORG, 'opportunities')).toEqual([
			expect.objectContaining({ quoteId: quote.id, externalId: String(opportunity!.id), provider: 'autotask' })
		]);
	});

	it('re-syncs changes without duplicating anything, and skips what did not change', async () => {
		const { quote, lines } = await at.quote(['p-laptop', 'p-dock']);
		await at.enqueue('syncQuote', quote.id);
		await at.drain();
		at.sandbox.control.resetCalls();

		await at.write(async (tx) => {
			await tx.put('quoteLines', { ...lines[0]!, quantity: 7 });
			await tx.delete('quoteLines', lines[1]!.id);
		});
		await at.enqueue('syncQuote', quote.id);
		await at.drain();

		expect([at.count('Companies'), at.count('Opportunities'), at.count('Quotes')]).toEqual([1, 1, 1]);
		expect(at.sandbox.control.records('QuoteItems').map((i) => i.quantity)).toEqual([7]);
		expect(at.sandbox.control.calls()).toEqual({
			'GET /Opportunities/{id}': 1,
			'POST /QuoteItems/query': 1,
			'PATCH /Quotes/{id}/Items': 1,
			'DELETE /Quotes/{id}/Items/{id}': 1
		});
	});

	it('refuses a second sync of the same quote while one is queued: Already synchronizing', async () => {
		const { quote } = await at.quote(['p-laptop']);
		expect(await at.enqueue('syncQuote', quote.id)).toMatchObject({ ok: true });
		expect(await at.enqueue('syncQuote', quote.id)).toMatchObject({ ok: false, reason: 'locked' });
		await at.drain();
		expect(await at.enqueue('syncQuote', quote.id)).toMatchObject({ ok: true });
	});
});
