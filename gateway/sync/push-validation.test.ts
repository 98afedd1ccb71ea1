// What a push refuses before any mutation runs its apply(): order keys that would poison a quote,
// ids the store would keep as a different string, and how a wrong argument is named.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ORG } from '../demo/demo-data.ts';
import { nextSpaceVersion } from './space-version.ts';
import { startGateway, type Gateway, type HttpClient } from '../test/http-harness.ts';
import { STORE_KINDS } from '../test/stores.ts';
import { syncClient, uid } from '../test/wire-client.ts';

const ORDER_KEY_MESSAGE = 'must be an order key such as a0 or a1V (fractional indexing)';
const ID_MESSAGE = 'must not contain control characters or unpaired UTF-16 surrogates';

describe.each(STORE_KINDS)('push argument validation on $name', (kind) => {
	let gw: Gateway;
	let sales: HttpClient;

	beforeAll(async () => {
		gw = await startGateway(kind);
		sales = await gw.login('sales@demo.outpost.test');
	});
	afterAll(async () => {
		await gw?.close();
	});

	async function quoteWithLine(client: ReturnType<typeof syncClient>) {
		const quoteId = uid('q');
		const lineId = uid('l');
		const res = await client.push([
			client.m('createQuote', { id: quoteId, companyId: 'company-acme', title: 'Keys' }),
			client.m('addQuoteLine', { id: lineId, quoteId, description: 'First', unitPrice: 100 })
		]);
		expect(res.body.results.map((r) => r.status)).toEqual(['applied', 'applied']);
		return { quoteId, lineId };
	}

	it('refuses a position that is not an order key, naming args.position, and the quote takes new lines', async () => {
		const client = syncClient(sales);
		const { quoteId, lineId } = await quoteWithLine(client);
		const res = await client.push([
			client.m('updateQuoteLine', { id: lineId, position: '!' }),
			client.m('addQuoteLine', { id: uid('l'), quoteId, description: 'Second', unitPrice: 100 })
		]);
		expect(res.body.results).toEqual([
			{
				id: 3,
				status: 'rejected',
				code: 'invalid_input',
				message: `updateQuoteLine: args.position: ${ORDER_KEY_MESSAGE}`
			},
			{ id: 4, status: 'applied' }
		]);
	});

	it('adds a line after one whose key was stored before keys were checked', async () => {
		const client = syncClient(sales);
		const { quoteId, lineId } = await quoteWithLine(client);
		await gw.store.write(async (trx) => {
			const row = await trx
				.selectFrom('entities')
				.select('value')
				.where('org_id', '=', DEMO_ORG.id)
				.where('tbl', '=', 'quoteLines')
				.where('id', '=', lineId)
				.executeTakeFirstOrThrow();
			const version = await nextSpaceVersion(trx, DEMO_ORG.id);
			await trx
				.updateTable('entities')
				.set({ value: JSON.stringify({ ...JSON.parse(row.value), position: '!' }), version })
				.where('org_id', '=', DEMO_ORG.id)
				.where('tbl', '=', 'quoteLines')
				.where('id', '=', lineId)
				.execute();
		});
		const res = await client.push([
			client.m('addQuoteLine', { id: uid('l'), quoteId, description: 'After', unitPrice: 100 })
		]);
		expect(res.body.results).toEqual([{ id: 3, status: 'applied' }]);
	});

	it('refuses mutation ids with a lone surrogate or NUL, naming the argument', async () => {
		const client = syncClient(sales);
		const res = await client.push([
			client.m('createQuote', { id: 'q-\uD800', companyId: 'company-acme', title: 'Surrogate' }),
			client.m('createQuote', { id: 'q-\u0000', companyId: 'company-acme', title: 'NUL' }),
			client.m('createQuote', { id: uid('q'), companyId: 'company-\uDC00', title: 'Company' })
		]);
		expect(res.body.results).toEqual([
			{ id: 1, status: 'rejected', code: 'invalid_input', message: `createQuote: args.id: ${ID_MESSAGE}` },
			{ id: 2, status: 'rejected', code: 'invalid_input', message: `createQuote: args.id: ${ID_MESSAGE}` },
			{ id: 3, status: 'rejected', code: 'invalid_input', message: `createQuote: args.companyId: ${ID_MESSAGE}` }
		]);
	});

	it('refuses client ids with a lone surrogate or NUL on push and pull', async () => {
		for (const [clientGroupID, clientID, field] of [
			['cg-\uD800', 'c-ok', 'clientGroupID'],
			['cg-ok', 'c-\u0000', 'clientID']
		] as const) {
			const client = syncClient(sales, clientGroupID, clientID);
			for (const res of [await client.push([]), await client.pull(null)]) {
				expect(res.status).toBe(400);
				expect(res.body).toEqual({ error: { code: 'invalid_input', message: `${field}: ${ID_MESSAGE}` } });
			}
		}
	});

	// A whole push refused for one name would leave the device resending it forever.
	it('rejects a mutation name the store could not keep on its own, and moves past it', async () => {
		const client = syncClient(sales);
		const res = await client.push([client.raw('createQuote\u0000\uD800', {})]);
		expect(res.status).toBe(200);
		expect(res.body.results).toEqual([
			{
				id: 1,
				status: 'rejected',
				code: 'unknown_mutation',
				message: 'The change "createQuote\uFFFD\uFFFD" is not known to the server.'
			}
		]);
	});

	it('records a rejection that quotes a key with NUL, and moves past it', async () => {
		const client = syncClient(sales);
		const res = await client.push([
			client.raw('createQuote', { id: uid('q'), companyId: 'company-acme', title: 'Keys', 'x\u0000\uD800': 1 })
		]);
		expect(res.status).toBe(200);
		expect(res.body.results).toEqual([
			{
				id: 1,
				status: 'rejected',
				code: 'invalid_input',
				message: 'createQuote: args: Unrecognized key: "x\uFFFD\uFFFD"'
			}
		]);
		const pulled = await client.pullAll(null);
		expect(pulled.flatMap((p) => p.rejections).map((r) => r.message)).toEqual([
			'createQuote: args: Unrecognized key: "x\uFFFD\uFFFD"'
		]);
	});

	it('names args, not body, when the arguments are not an object at all', async () => {
		const client = syncClient(sales);
		const res = await client.push([client.raw('createQuote', 5)]);
		expect(res.body.results).toEqual([
			{
				id: 1,
				status: 'rejected',
				code: 'invalid_input',
				message: 'createQuote: args: Invalid input: expected object, received number'
			}
		]);
	});
});
