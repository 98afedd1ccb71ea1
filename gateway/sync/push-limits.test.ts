// One push is bounded: a mutation's arguments (too_large, and the client's id still advances), the
// rows of one import, the work one push does before it leaves the rest for the next push, and the
// work one of its transactions does before it commits and lets others have the store.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IMPORT_MAX_ROWS } from '../../shared/mutations/catalog-mutations.ts';
import { PUSH_LIMITS } from '../../shared/sync/protocol.ts';
import { startGateway, type Gateway, type HttpClient } from '../test/http-harness.ts';
import { STORE_KINDS } from '../test/stores.ts';
import { syncClient, uid } from '../test/wire-client.ts';
import { TRANSACTION_WORK_BYTES } from './push.ts';

const products = (n: number, description = '') => {
	const batch = uid('batch');
	return Array.from({ length: n }, (_, k) => ({
		id: `${batch}-${k}`,
		name: `Product ${k}`,
		sku: `${batch}-${k}`,
		mpn: '',
		description,
		categoryId: null,
		cost: 100,
		price: 200,
		billing: 'one-time' as const,
		distributor: null,
		noProcurement: false,
		active: true
	}));
};

describe.each(STORE_KINDS)('push limits on $name', (kind) => {
	let gw: Gateway;
	let catalog: HttpClient;

	beforeAll(async () => {
		gw = await startGateway(kind);
		catalog = await gw.login('catalog@demo.outpost.test');
	});
	afterAll(async () => {
		await gw?.close();
	});

	const lastMutationID = async (clientID: string) =>
		(
			await gw.store.db
				.selectFrom('clients')
				.select('last_mutation_id')
				.where('id', '=', clientID)
				.executeTakeFirstOrThrow()
		).last_mutation_id;

	it('rejects a mutation whose arguments are over 1 MB, naming the limit, and moves past it', async () => {
		const client = syncClient(catalog);
		const res = await client.push([
			client.raw('saveCategory', { id: uid('cat'), name: 'x'.repeat(PUSH_LIMITS.maxArgsBytes) }),
			client.m('saveCategory', { id: uid('cat'), name: 'Kept', defaultMarkupPercent: 10, billingCodeId: null })
		]);
		expect(res.status).toBe(200);
		expect(res.body.results).toEqual([
			{
				id: 1,
				status: 'rejected',
				code: 'too_large',
				message:
					'saveCategory: its arguments are 1,025 KB; one change may carry at most 1,024 KB. Split it into smaller changes.'
			},
			{ id: 2, status: 'applied' }
		]);
		expect(await lastMutationID(client.clientID)).toBe(2);
	});

	it('rejects arguments nested thousands deep, without overflowing the stack, and moves past them', async () => {
		const client = syncClient(catalog);
		const deep = '['.repeat(10_000) + ']'.repeat(10_000);
		// Written by hand: JSON.stringify itself cannot write arguments this deep.
		const raw = `{"clientGroupID":"${client.clientGroupID}","clientID":"${client.clientID}","mutations":[{"id":1,"name":"saveCategory","args":${deep},"timestamp":1}]}`;
		const res = await catalog.post('/api/sync/push', undefined, { raw });
		expect(res.status).toBe(200);
		expect(res.body.results).toEqual([
			{
				id: 1,
				status: 'rejected',
				code: 'invalid_input',
				message: `saveCategory: args nest more than ${PUSH_LIMITS.maxArgsDepth} levels deep.`
			}
		]);
		expect(await lastMutationID(client.clientID)).toBe(1);
	});

	it('takes at most IMPORT_MAX_ROWS products in one import', async () => {
		const client = syncClient(catalog);
		const res = await client.push([
			client.m('importProducts', { products: products(IMPORT_MAX_ROWS + 1) }),
			client.m('importProducts', { products: products(IMPORT_MAX_ROWS) })
		]);
		expect(res.body.results).toEqual([
			{
				id: 1,
				status: 'rejected',
				code: 'invalid_input',
				message: 'importProducts: args.products: Too big: expected array to have <=1000 items'
			},
			{ id: 2, status: 'applied' }
		]);
	});

	it('commits a push of more than one transaction’s work in several, each at a version of its own', async () => {
		const client = syncClient(catalog);
		// Each import is over one transaction's work: every one commits on its own, and the store is free in between.
		const imports = [1, 2, 3].map(() => products(150, 'd'.repeat(1_000)));
		expect(JSON.stringify(imports[0]).length).toBeGreaterThan(TRANSACTION_WORK_BYTES);
		const res = await client.push(imports.map((batch) => client.m('importProducts', { products: batch })));
		expect(res.status, JSON.stringify(res.body)).toBe(200);
		expect(res.body.results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied']);
		expect(await lastMutationID(client.clientID)).toBe(3);
		const versions = await Promise.all(
			imports.map(async (batch) => {
				const rows = await gw.store.db
					.selectFrom('entities')
					.select('version')
					.distinct()
					.where('tbl', '=', 'products')
					.where(
						'id',
						'in',
						batch.map((p) => p.id)
					)
					.execute();
				return rows.map((r) => r.version);
			})
		);
		expect(versions.map((v) => v.length)).toEqual([1, 1, 1]);
		const [a, b, c] = versions.map((v) => v[0]!);
		expect(b).toBe(a! + 1);
		expect(c).toBe(b! + 1);
	});

	it('stops a push after about a megabyte of work, keeping it, and asks for the rest at once', async () => {
		const client = syncClient(catalog);
		// About 600 KB each: the first two exceed the work of one push, the third waits.
		const batch = [1, 2, 3].map(() => client.m('importProducts', { products: products(600, 'd'.repeat(800)) }));
		const first = await client.push(batch);
		expect(first.status).toBe(409);
		expect(first.body).toEqual({
			error: {
				code: 'out_of_order',
				message: 'This push did as much work as one push may; mutations up to 2 are done, resend from 3.'
			}
		});
		expect(await lastMutationID(client.clientID)).toBe(2);
		const again = await client.push(batch);
		expect(again.body.results).toEqual([
			{ id: 1, status: 'duplicate' },
			{ id: 2, status: 'duplicate' },
			{ id: 3, status: 'applied' }
		]);
		expect(await lastMutationID(client.clientID)).toBe(3);
	});
});
