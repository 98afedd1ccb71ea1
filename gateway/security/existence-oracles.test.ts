// Answers must not tell people about rows they may not read. Within one organisation: a customer
// answering a quote they cannot see (a draft of their company, a quote of another company) and a
// Quote editor without any product permission adding a line with a product's id get exactly the
// answer an id that exists nowhere gets, and learn nothing of the row (its status, price, cost).

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MutationResult } from '../../shared/sync/protocol.ts';
import { startGateway, type Gateway, type HttpClient } from '../test/http-harness.ts';
import { STORE_KINDS } from '../test/stores.ts';
import { replay, syncClient, uid } from '../test/wire-client.ts';
import { liveRows } from './org-snapshot.ts';

const CUSTOMER = 'customer@acme.outpost.test';
/** Quote editor alone: no product permission, so the catalog does not replicate to them. */
const QUOTES_ALONE = 'quotes@demo.outpost.test';

/** The answer with the id taken out, so the answers for two ids compare. */
function comparable(result: MutationResult, id: string) {
	if (result.status !== 'rejected') return { status: result.status };
	return { status: result.status, code: result.code, message: result.message.split(id).join('<id>') };
}

describe.each(STORE_KINDS)('no existence oracles on $name', (kind) => {
	let gw: Gateway;
	let customer: HttpClient;
	let quoteEditor: HttpClient;

	beforeAll(async () => {
		gw = await startGateway(kind);
		customer = await gw.login(CUSTOMER);
		quoteEditor = await gw.login(QUOTES_ALONE);
	});
	afterAll(async () => {
		await gw?.close();
	});

	async function answer(http: HttpClient, name: 'acceptQuote' | 'declineQuote', id: string) {
		const client = syncClient(http);
		const args =
			name === 'acceptQuote' ? { id, name: 'Carla Customer', contentHash: 'hash' } : { id, reason: 'No thanks' };
		const res = await client.push([client.m(name, args as never)]);
		expect(res.status, JSON.stringify(res.body)).toBe(200);
		return comparable(res.body.results[0]!, id);
	}

	for (const name of ['acceptQuote', 'declineQuote'] as const) {
		for (const [quote, why] of [
			['quote-acme-firewall', 'a draft of their own company'],
			['quote-globex-backup', 'an accepted quote of another company'],
			['quote-stark-security', 'a draft of another company']
		] as const) {
			it(`${name} by a customer on ${why} is answered as for a quote that does not exist`, async () => {
				expect(await answer(customer, name, quote)).toEqual(await answer(customer, name, uid('no-quote')));
			});
		}
	}

	it('a Quote editor without product permission learns nothing from a product id', async () => {
		const products = [...(await liveRows(gw.store, 'org-demo')).entries()].filter(([key]) =>
			key.startsWith('products/')
		);
		const [, product] = products[0]! as [string, { id: string; price: number; cost: number }];
		const client = syncClient(quoteEditor);
		const quoteId = uid('q');
		const lineWith = (productId: string) => ({ id: uid('l'), quoteId, productId });
		const real = lineWith(product.id);
		const missing = lineWith(uid('no-product'));
		const res = await client.push([
			client.m('createQuote', { id: quoteId, companyId: 'company-acme', title: 'Probe' }),
			client.m('addQuoteLine', real),
			client.m('addQuoteLine', missing)
		]);
		expect(res.body.results[0]).toEqual({ id: 1, status: 'applied' });
		expect(comparable(res.body.results[1]!, product.id)).toEqual(comparable(res.body.results[2]!, missing.productId));
		const seen = replay(await client.pullAll(null));
		expect([...seen.keys()].filter((key) => key.startsWith('quoteLines/') && key.endsWith(real.id))).toEqual([]);
	});
});
