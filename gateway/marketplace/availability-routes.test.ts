// The Marketplace over HTTP through the real app and store, against both distributors' simulators:
// per part each distributor's cost, stock, warehouses and discontinued flag, the cheapest source with
// stock picked (ties to the admin's preference), one failing distributor reported on its own, and who
// may ask.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOutboundPolicy } from '../connectors/common/outbound-policy.ts';
import {
	startSandbox as startIngram,
	type Sandbox as IngramSandbox
} from '../connectors/ingrammicro/test/client-sandbox.ts';
import { buildProduct as ingramProduct } from '../connectors/ingrammicro/simulator/seed-builders.ts';
import {
	startSandbox as startTdSynnex,
	type Sandbox as TdSynnexSandbox
} from '../connectors/tdsynnex/test/client-sandbox.ts';
import { buildProduct as tdProduct } from '../connectors/tdsynnex/simulator/seed-builders.ts';
import { createPsaServices } from '../psa/psa-services.ts';
import { createPokeHub } from '../sync/poke-hub.ts';
import { startGateway, type Gateway, type HttpClient } from '../test/http-harness.ts';
import { STORE_KINDS } from '../test/stores.ts';
import { syncClient } from '../test/wire-client.ts';

const URL_ = '/api/marketplace/availability';

describe.each(STORE_KINDS)('Marketplace availability over HTTP on $name', (kind) => {
	let gw: Gateway;
	let ingram: IngramSandbox;
	let tdsynnex: TdSynnexSandbox;
	let admin: HttpClient;
	let sales: HttpClient;
	let closeStore: () => Promise<void>;
	const calls = () => ingram.control.totalCalls() + tdsynnex.control.totalCalls();

	beforeAll(async () => {
		ingram = await startIngram();
		tdsynnex = await startTdSynnex();
		const warehouses = (qty: number) => [{ warehouseId: '10', location: 'Mira Loma, CA', quantityAvailable: qty }];
		ingram.control.seedProducts(
			ingramProduct({
				ingramPartNumber: 'IM0001',
				vendorPartNumber: 'MPN-BOTH',
				customerPrice: 90,
				warehouses: warehouses(40)
			}),
			ingramProduct({
				ingramPartNumber: 'IM0002',
				vendorPartNumber: 'MPN-TIE',
				customerPrice: 100,
				warehouses: warehouses(3)
			}),
			ingramProduct({
				ingramPartNumber: 'IM0003',
				vendorPartNumber: 'MPN-OOS',
				customerPrice: 80,
				warehouses: warehouses(10)
			}),
			ingramProduct({
				ingramPartNumber: 'IM0004',
				vendorPartNumber: 'MPN-GONE',
				customerPrice: 70,
				warehouses: warehouses(0),
				discontinued: true
			})
		);
		tdsynnex.control.seedProducts([
			tdProduct({ synnexSku: '14000001', mfgPN: 'MPN-BOTH', priceCents: 9_500, stock: 25 }),
			tdProduct({ synnexSku: '14000002', mfgPN: 'MPN-TIE', priceCents: 10_000, stock: 8 }),
			tdProduct({ synnexSku: '14000003', mfgPN: 'MPN-OOS', priceCents: 5_000, stock: 0 })
		]);
		const opened = await kind.open();
		closeStore = opened.close;
		const pokes = createPokeHub();
		const psa = await createPsaServices({
			store: opened.store,
			pokes,
			outbound: createOutboundPolicy({ allowLoopback: true })
		});
		gw = await startGateway(kind, { store: opened.store, pokes, psa });
		admin = await gw.login('admin@demo.outpost.test');
		sales = await gw.login('sales@demo.outpost.test');
	});
	afterAll(async () => {
		await gw.close();
		await closeStore();
		await ingram.close();
		await tdsynnex.close();
	});

	it('says which distributors are not configured, calling none', async () => {
		const res = await sales.post(URL_, { parts: ['MPN-BOTH'] });
		expect(res.status).toBe(200);
		expect(res.body.distributors).toEqual([
			{
				distributor: 'ingrammicro',
				state: 'not_configured',
				message: 'Ingram Micro is not configured at Admin > Distributors.'
			},
			{
				distributor: 'tdsynnex',
				state: 'not_configured',
				message: 'TD SYNNEX is not configured at Admin > Distributors.'
			}
		]);
		expect(res.body.parts).toEqual([{ part: 'MPN-BOTH', offers: [], picked: null }]);
		expect(calls()).toBe(0);
	});

	it('answers per part from both distributors and picks the cheapest that has stock', async () => {
		const tdCredentials = { ...tdsynnex.control.credentials, baseUrl: tdsynnex.baseUrl, country: 'US' };
		expect(
			(await admin.put('/api/admin/distributors/ingrammicro/credentials', { credentials: ingram.credentials })).status
		).toBe(200);
		expect(
			(await admin.put('/api/admin/distributors/tdsynnex/credentials', { credentials: tdCredentials })).status
		).toBe(200);
		ingram.control.resetCalls();
		tdsynnex.control.resetCalls();

		const res = await sales.post(URL_, { parts: ['MPN-BOTH', 'MPN-OOS', 'MPN-GONE', 'MPN-TIE'] });
		expect(res.status).toBe(200);
		expect(res.body.distributors.map((d: { state: string }) => d.state)).toEqual(['answered', 'answered']);
		const [both, oos, gone, tie] = res.body.parts;
		expect(both.offers).toEqual([
			expect.objectContaining({
				distributor: 'ingrammicro',
				distributorSku: 'IM0001',
				costCents: 9_000,
				stock: 40,
				status: 'available',
				discontinued: false,
				warehouses: [{ id: '10', location: 'Mira Loma, CA', quantity: 40 }]
			}),
			expect.objectContaining({ distributor: 'tdsynnex', distributorSku: '14000001', costCents: 9_500, stock: 25 })
		]);
		expect(both.offers[0].asOf).toBeGreaterThan(0);
		expect(both.picked).toBe('ingrammicro');
		// TD SYNNEX is cheaper but has none: the source with stock wins.
		expect(oos.offers.map((o: { status: string }) => o.status)).toEqual(['available', 'out_of_stock']);
		expect(oos.picked).toBe('ingrammicro');
		expect(gone.offers).toEqual([
			expect.objectContaining({ distributor: 'ingrammicro', status: 'discontinued', discontinued: true }),
			expect.objectContaining({ distributor: 'tdsynnex', status: 'unknown_product', stock: 0 })
		]);
		expect(gone.picked).toBeNull();
		// Same cost at both: the admin's preferred distributor (Ingram Micro, rank 1).
		expect(tie.picked).toBe('ingrammicro');
		// One P&A call each for four parts.
		expect(ingram.control.callCount('POST /resellers/v6/catalog/priceandavailability')).toBe(1);
		expect(tdsynnex.control.totalCalls()).toBe(1);
	});

	it('breaks a tie by the preference order the admin set', async () => {
		const wire = syncClient(admin);
		const pushed = await wire.push([wire.m('moveDistributor', { distributor: 'tdsynnex', direction: 'up' })]);
		expect(pushed.body.results[0]?.status).toBe('applied');
		const res = await sales.post(URL_, { parts: ['MPN-TIE'] });
		expect(res.body.distributors.map((d: { distributor: string }) => d.distributor)).toEqual([
			'tdsynnex',
			'ingrammicro'
		]);
		expect(res.body.parts[0].picked).toBe('tdsynnex');
		await wire.push([wire.m('moveDistributor', { distributor: 'ingrammicro', direction: 'up' })]);
	});

	it('reports a distributor in maintenance on its own while the other answers', async () => {
		ingram.control.inject({ kind: 'server_error' });
		const res = await sales.post(URL_, { parts: ['MPN-BOTH'] });
		expect(res.status).toBe(200);
		expect(res.body.distributors).toEqual([
			{
				distributor: 'ingrammicro',
				state: 'failed',
				message:
					'The distributor API may be slow or temporarily unavailable. Check the error details and retry. Ingram Micro said: The service is unavailable during scheduled maintenance. Please try again later.'
			},
			{ distributor: 'tdsynnex', state: 'answered', message: null }
		]);
		expect(res.body.parts[0].offers).toEqual([expect.objectContaining({ distributor: 'tdsynnex', costCents: 9_500 })]);
		expect(res.body.parts[0].picked).toBe('tdsynnex');
	});

	it('reports TD SYNNEX failing while Ingram Micro answers', async () => {
		tdsynnex.control.inject({ kind: 'invalid_customer_number' });
		const res = await sales.post(URL_, { parts: ['MPN-BOTH'] });
		expect(res.body.distributors[0]).toEqual({ distributor: 'ingrammicro', state: 'answered', message: null });
		expect(res.body.distributors[1]).toMatchObject({ distributor: 'tdsynnex', state: 'failed' });
		expect(res.body.distributors[1].message).toContain('Invalid customer number');
		expect(res.body.parts[0].picked).toBe('ingrammicro');
	});

	it('asks for a part named twice once', async () => {
		const res = await sales.post(URL_, { parts: ['MPN-TIE', 'MPN-TIE'] });
		expect(res.body.parts.map((p: { part: string }) => p.part)).toEqual(['MPN-TIE']);
	});

	it('lets staff with a catalog or buying permission ask, not a customer, an unlinked user or nobody', async () => {
		expect((await (await gw.login('viewer@demo.outpost.test')).post(URL_, { parts: ['MPN-TIE'] })).status).toBe(200);
		expect((await (await gw.login('buyer@demo.outpost.test')).post(URL_, { parts: ['MPN-TIE'] })).status).toBe(200);
		const before = calls();
		const customer = await (await gw.login('customer@acme.outpost.test')).post(URL_, { parts: ['MPN-TIE'] });
		expect(customer.status).toBe(403);
		expect(customer.body.error.message).toBe('Distributor cost and stock are for the MSP’s own staff.');
		const unlinked = await (await gw.login('unlinked@demo.outpost.test')).post(URL_, { parts: ['MPN-TIE'] });
		expect(unlinked.status).toBe(403);
		expect(unlinked.body.error.message).toBe('You are not linked to a company or the link is not verified.');
		expect((await gw.client().post(URL_, { parts: ['MPN-TIE'] })).status).toBe(401);
		expect(calls()).toBe(before);
	});

	it('refuses hostile input by name before asking anyone', async () => {
		const before = calls();
		const cases: [unknown, string][] = [
			[{ parts: [] }, 'parts'],
			[{ parts: Array.from({ length: 101 }, (_, i) => `P-${i}`) }, 'parts'],
			[{ parts: ['MPN\u0000BOTH'] }, 'parts.0'],
			[{ parts: ['\ud800'] }, 'parts.0'],
			[{ parts: ['x'.repeat(65)] }, 'parts.0'],
			[{ parts: [42] }, 'parts.0'],
			[{ parts: ['MPN-BOTH'], extra: 1 }, 'extra']
		];
		for (const [body, field] of cases) {
			const res = await sales.post(URL_, body);
			expect(res.status, JSON.stringify(body).slice(0, 60)).toBe(400);
			expect(res.body.error.code).toBe('invalid_input');
			expect(res.body.error.message).toContain(field);
		}
		expect(calls()).toBe(before);
	});
});
