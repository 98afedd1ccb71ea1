// The Ingram Micro client against its simulator over loopback: the fewest calls, the token's life, the
// IM-* headers, and the X-RateLimit windows honoured.

import { afterEach, describe, expect, it } from 'vitest';
import { buildProduct } from '../simulator/seed-builders.ts';
import { startSandbox, unwrap, type Sandbox } from '../test/client-sandbox.ts';
import { ENDPOINTS } from './client.ts';
import { TOKEN_ENDPOINT } from './token-cache.ts';

let sandbox: Sandbox | null = null;
afterEach(async () => {
	await sandbox?.close();
	sandbox = null;
});

const PA = ENDPOINTS.priceAndAvailability;

function seedMany(s: Sandbox, count: number) {
	const products = Array.from({ length: count }, (_, i) =>
		buildProduct({
			ingramPartNumber: `P${String(i).padStart(4, '0')}`,
			vendorPartNumber: `V-${i}`,
			customerPrice: 10 + i
		})
	);
	s.control.seedProducts(...products);
	return products;
}

describe('Ingram Micro client: price and availability', () => {
	it('asks for 120 parts in three calls of at most 50, after one token, and answers them in order', async () => {
		sandbox = await startSandbox();
		const products = seedMany(sandbox, 120);
		const result = unwrap(
			await sandbox.client.priceAndAvailability(products.map((p) => ({ ingramPartNumber: p.ingramPartNumber })))
		);
		expect(sandbox.control.calls()).toEqual({ [TOKEN_ENDPOINT]: 1, [PA]: 3 });
		const sizes = sandbox.control
			.requests()
			.filter((r) => r.endpoint === PA)
			.map((r) => (r.body as { products: unknown[] }).products.length);
		expect(sizes).toEqual([50, 50, 20]);
		expect(result.map((r) => r.ingramPartNumber)).toEqual(products.map((p) => p.ingramPartNumber));
		expect(result[119]).toMatchObject({
			status: 'available',
			costCents: 12_900,
			totalAvailable: 57,
			currencyCode: 'USD'
		});
	});

	it('reads stock by warehouse, out of stock, backorder, discontinued and unknown parts per product', async () => {
		sandbox = await startSandbox();
		sandbox.control.seedProducts(
			buildProduct({ ingramPartNumber: 'OK1' }),
			buildProduct({ ingramPartNumber: 'GONE' }),
			buildProduct({ ingramPartNumber: 'LATER' }),
			buildProduct({ ingramPartNumber: 'OLD' })
		);
		sandbox.control.setStock('GONE', 0, { acceptBackOrder: false });
		sandbox.control.setStock('LATER', 0, { acceptBackOrder: true });
		sandbox.control.discontinue('OLD');
		const parts = ['OK1', 'GONE', 'LATER', 'OLD', 'NOPE'].map((ingramPartNumber) => ({ ingramPartNumber }));
		const result = unwrap(await sandbox.client.priceAndAvailability(parts));
		expect(result.map((r) => r.status)).toEqual([
			'available',
			'out_of_stock',
			'backorder',
			'discontinued',
			'unknown_product'
		]);
		expect(result[0]!.warehouses).toEqual([
			{ warehouseId: '10', location: 'Mira Loma, CA', quantityAvailable: 40 },
			{ warehouseId: '40', location: 'Carol Stream, IL', quantityAvailable: 17 }
		]);
	});

	it('finds a product by vendor part number', async () => {
		sandbox = await startSandbox();
		sandbox.control.seedProducts(buildProduct({ ingramPartNumber: '123512', vendorPartNumber: 'MR46-HW' }));
		const [found] = unwrap(await sandbox.client.priceAndAvailability([{ vendorPartNumber: 'MR46-HW', quantity: 2 }]));
		expect(found).toMatchObject({ ingramPartNumber: '123512', status: 'available' });
	});
});

describe('Ingram Micro client: the token and the IM-* headers', () => {
	it('sends the IM-* headers, a fresh correlation id of at most 32 characters on every call', async () => {
		sandbox = await startSandbox();
		seedMany(sandbox, 1);
		unwrap(await sandbox.client.priceAndAvailability([{ ingramPartNumber: 'P0000' }]));
		unwrap(await sandbox.client.findOrdersByPo('PO-NONE'));
		const calls = sandbox.control.requests().filter((r) => r.endpoint !== TOKEN_ENDPOINT);
		expect(calls).toHaveLength(2);
		for (const call of calls) {
			expect(call.headers['im-customernumber']).toBe('20-222222');
			expect(call.headers['im-countrycode']).toBe('US');
			expect(call.headers['im-senderid']).toBe('Outpost');
			expect(call.headers['im-correlationid']).toMatch(/^[0-9a-f]{32}$/);
			expect(call.headers.authorization).toMatch(/^Bearer im-sim-/);
		}
		expect(calls[0]!.headers['im-correlationid']).not.toBe(calls[1]!.headers['im-correlationid']);
	});

	it('keeps one token across calls and renews it before it expires', async () => {
		let now = Date.parse('2026-03-02T09:00:00Z');
		const clock = { now: () => now };
		sandbox = await startSandbox({ simulator: { clock, tokenLifetimeSeconds: 3600 }, client: { clock } });
		seedMany(sandbox, 1);
		const ask = () => sandbox!.client.priceAndAvailability([{ ingramPartNumber: 'P0000' }]);
		unwrap(await ask());
		unwrap(await ask());
		expect(sandbox.control.tokensIssued()).toBe(1);
		now += 3600_000 - 4 * 60_000; // inside the five-minute margin: renewed before use
		unwrap(await ask());
		expect(sandbox.control.tokensIssued()).toBe(2);
		expect(sandbox.control.calls()).toEqual({ [TOKEN_ENDPOINT]: 2, [PA]: 3 });
	});

	it('caps a 30-day expires_in at 24 hours', async () => {
		let now = Date.parse('2026-03-02T09:00:00Z');
		const clock = { now: () => now };
		sandbox = await startSandbox({ simulator: { clock, tokenLifetimeSeconds: 2_592_000 }, client: { clock } });
		seedMany(sandbox, 1);
		unwrap(await sandbox.client.priceAndAvailability([{ ingramPartNumber: 'P0000' }]));
		now += 24 * 3600_000;
		unwrap(await sandbox.client.priceAndAvailability([{ ingramPartNumber: 'P0000' }]));
		expect(sandbox.control.tokensIssued()).toBe(2);
	});

	it('takes a new token once when Ingram answers 401, and the call succeeds', async () => {
		sandbox = await startSandbox();
		seedMany(sandbox, 1);
		unwrap(await sandbox.client.priceAndAvailability([{ ingramPartNumber: 'P0000' }]));
		sandbox.control.expireTokens();
		unwrap(await sandbox.client.priceAndAvailability([{ ingramPartNumber: 'P0000' }]));
		expect(sandbox.control.calls()).toEqual({ [TOKEN_ENDPOINT]: 2, [PA]: 3 });
	});

	it('shares one token request among calls that start together', async () => {
		sandbox = await startSandbox();
		seedMany(sandbox, 1);
		await Promise.all([1, 2, 3].map(() => sandbox!.client.findOrdersByPo('PO-X')));
		expect(sandbox.control.callCount(TOKEN_ENDPOINT)).toBe(1);
	});
});

describe('Ingram Micro client: X-RateLimit', () => {
	it('waits for a window that resets soon instead of calling into it', async () => {
		let now = Date.parse('2026-03-02T09:00:00Z');
		const slept: number[] = [];
		const clock = { now: () => now };
		const sleep = async (ms: number) => {
			slept.push(ms);
			now += ms;
		};
		sandbox = await startSandbox({
			simulator: { clock, perMinute: 2 },
			client: { clock, sleep, maxRateWaitMs: 120_000 }
		});
		for (let i = 0; i < 3; i += 1) unwrap(await sandbox.client.findOrdersByPo('PO-X'));
		expect(slept).toEqual([60_000]);
		expect(sandbox.control.callCount(ENDPOINTS.searchOrders)).toBe(3);
		expect(sandbox.control.requests().filter((r) => r.status === 429)).toEqual([]);
	});

	it('hands a long wait back as rate_limited without calling', async () => {
		sandbox = await startSandbox({ simulator: { perMinute: 1 } });
		unwrap(await sandbox.client.findOrdersByPo('PO-X'));
		const refused = await sandbox.client.findOrdersByPo('PO-X');
		expect(refused).toMatchObject({ ok: false, code: 'rate_limited' });
		expect(!refused.ok && refused.code === 'rate_limited' && refused.retryAfterMs).toBeGreaterThan(50_000);
		expect(sandbox.control.callCount(ENDPOINTS.searchOrders)).toBe(1);
	});
});

describe('Ingram Micro client: hostile answers', () => {
	it('calls a P&A answer that does not fit an unexpected response, naming the field', async () => {
		sandbox = await startSandbox();
		const real = sandbox.sim.fetch;
		const client = sandbox.newClient({
			fetch: async (input, init) =>
				input.includes('priceandavailability')
					? new Response(JSON.stringify([{ index: 0, pricing: { customerPrice: 'lots' } }]), { status: 200 })
					: real(input, init)
		});
		expect(await client.priceAndAvailability([{ ingramPartNumber: 'X' }])).toEqual({
			ok: false,
			code: 'unexpected_response',
			message:
				'Ingram Micro sent a P&A answer that does not fit: 0.pricing.customerPrice Invalid input: expected number, received NaN.',
			status: 200
		});
	});

	it('refuses a P&A answer with fewer entries than products asked for', async () => {
		sandbox = await startSandbox();
		const real = sandbox.sim.fetch;
		const client = sandbox.newClient({
			fetch: async (input, init) =>
				input.includes('priceandavailability') ? new Response('[]', { status: 200 }) : real(input, init)
		});
		expect(await client.priceAndAvailability([{ ingramPartNumber: 'X' }])).toMatchObject({
			ok: false,
			code: 'unexpected_response',
			message: 'Ingram Micro answered 0 P&A entries for 1 products.'
		});
	});
});
