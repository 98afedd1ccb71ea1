// Every quote the gateway stores gets the next number of its organisation's counter: one created,
// one duplicated and one revised alike.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Quote } from '../../shared/schema/entities.ts';
import { DEMO_ORG } from '../demo/demo-data.ts';
import { startGateway, type Gateway, type HttpClient } from '../test/http-harness.ts';
import { STORE_KINDS } from '../test/stores.ts';
import { syncClient, uid } from '../test/wire-client.ts';

describe.each(STORE_KINDS)('quote numbers on $name', (kind) => {
	let gw: Gateway;
	let sales: HttpClient;

	beforeAll(async () => {
		gw = await startGateway(kind);
		sales = await gw.login('sales@demo.outpost.test');
	});
	afterAll(async () => {
		await gw?.close();
	});

	const nextNumber = async () =>
		(
			await gw.store.db
				.selectFrom('orgs')
				.select('next_quote_number')
				.where('id', '=', DEMO_ORG.id)
				.executeTakeFirstOrThrow()
		).next_quote_number;

	it('numbers a duplicated and a revised quote from the counter, after the quote they copy', async () => {
		const first = await nextNumber();
		const client = syncClient(sales);
		const [original, line, copy, revision] = [uid('q'), uid('l'), uid('q'), uid('q')];
		const res = await client.push([
			client.m('createQuote', { id: original, companyId: 'company-acme', title: 'Original' }),
			client.m('addQuoteLine', { id: line, quoteId: original, description: 'Work', unitPrice: 100 }),
			client.m('duplicateQuote', { id: original, newId: copy, lineIds: [uid('l')] }),
			client.m('updateQuote', { id: original, status: 'sent' }),
			client.m('reviseQuote', { id: original, newId: revision, lineIds: [uid('l')] })
		]);
		expect(res.body.results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied', 'applied', 'applied']);
		const pulled = await client.pullAll(null);
		const numberOf = (id: string) => {
			const put = pulled.flatMap((p) => p.patch).find((op) => op.op === 'put' && op.table === 'quotes' && op.id === id);
			return (put as { value: Quote } | undefined)?.value.number;
		};
		const expected = (n: number) => `Q-${String(n).padStart(5, '0')}`;
		expect([original, copy, revision].map(numberOf)).toEqual([
			expected(first),
			expected(first + 1),
			expected(first + 2)
		]);
		expect(await nextNumber()).toBe(first + 3);
	});
});
