// syncQuote against the HaloPSA simulator over loopback, with a real in-memory SyncContext: what a first
// sync creates and what it costs, re-syncs that update, resumed runs that never duplicate, line failures.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildQuoteLine } from '../../../../shared/test/builders.ts';
import type { MemorySyncContext } from '../../../psa/test/memory-sync-context.ts';
import { haloAdapter } from './adapter.ts';
import { haloFixture } from '../test/contract-fixture.ts';
import { buildProduct, haloContext, quoteRows, startHalo, type Halo } from '../test/sync-fixture.ts';
import { syncQuoteById } from '../../../psa/test/sync-by-id.ts';

let halo: Halo;
beforeEach(async () => {
	halo = await startHalo();
});
afterEach(() => halo.close());

const counts = () => ({
	clients: halo.sim.control.count('Client'),
	users: halo.sim.control.count('Users'),
	items: halo.sim.control.count('Item'),
	opportunities: halo.sim.control.count('Opportunities'),
	quotes: halo.sim.control.count('Quotation')
});

describe('first sync', () => {
	it('creates client, user, items, opportunity and quotation with its lines, and links each', async () => {
		const { rows, quote, lines, products, company, contact } = quoteRows({ ownerHaloId: halo.agentId });
		const ctx = haloContext(halo, rows);
		const result = await syncQuoteById(haloAdapter, ctx, quote.id);

		expect(result).toEqual({ ok: true, value: { externalId: expect.any(String), warnings: [] } });
		expect(counts()).toEqual({ clients: 1, users: 1, items: 2, opportunities: 1, quotes: 1 });
		const [client] = halo.sim.control.records('Client');
		const [user] = halo.sim.control.records('Users');
		const [opportunity] = halo.sim.control.records('Opportunities');
		const [quotation] = halo.sim.control.records('Quotation');
		const items = halo.sim.control.records('Item');
		expect(client).toMatchObject({ name: 'Acme Corporation', ref: `outpost:${company.id}` });
		expect(user).toMatchObject({
			client_id: client!.id,
			site_id: client!.main_site_id,
			emailaddress: 'ada@acme.example'
		});
		expect(opportunity).toMatchObject({
			summary: 'Q-1001 Laptop refresh',
			client_id: client!.id,
			user_id: user!.id,
			agent_id: halo.agentId,
			oppvalue: 1349 + 2 * 199,
			details: `Outpost quote ${quote.id}`
		});
		expect(quotation).toMatchObject({
			ticket_id: opportunity!.id,
			client_id: client!.id,
			user_id: user!.id,
			total: 1747
		});
		expect(
			(quotation!.lines as Record<string, unknown>[]).map((l) => [l.item_id, l.quantity, l.baseprice, l.sort_seq])
		).toEqual([
			[items[0]!.id, 1, 1349, 1],
			[items[1]!.id, 2, 199, 2]
		]);

		expect(result.ok && result.value.externalId).toBe(String(quotation!.id));
		const [first, second] = quotation!.lines as { id: number }[];
		expect(Object.fromEntries(ctx.linkMap)).toEqual({
			[`companies:${company.id}`]: String(client!.id),
			[`contacts:${contact.id}`]: String(user!.id),
			[`products:${products[0]!.id}`]: String(items[0]!.id),
			[`products:${products[1]!.id}`]: String(items[1]!.id),
			[`opportunities:${quote.id}`]: String(opportunity!.id),
			[`quotes:${quote.id}`]: String(quotation!.id),
			[`quoteLines:${lines[0]!.id}`]: String(first!.id),
			[`quoteLines:${lines[1]!.id}`]: String(second!.id)
		});
	});

	it.each([0, 1, 3])('spends exactly firstSyncCalls(%i) requests, one token, and no lookups', async (n) => {
		const products = Array.from({ length: n }, (_, i) => buildProduct({ name: `Product ${i}` }));
		const { rows, quote } = quoteRows({ products });
		const result = await syncQuoteById(haloAdapter, haloContext(halo, rows), quote.id);
		expect(result.ok).toBe(true);
		expect(halo.sim.control.totalCalls()).toBe(haloFixture.firstSyncCalls(n));
		expect(halo.sim.control.callCount('POST /auth/token')).toBe(1);
		expect(halo.sim.control.requests().filter((r) => r.method === 'GET')).toEqual([]);
	});

	it('creates one item for two lines of the same product, and sends free-text lines without one', async () => {
		const product = buildProduct();
		const { rows, quote } = quoteRows({ products: [product, product] });
		rows.quoteLines!.push(
			buildQuoteLine({ quoteId: quote.id, description: 'Installation', unitPrice: 15_000, position: 'a9' })
		);
		expect((await syncQuoteById(haloAdapter, haloContext(halo, rows), quote.id)).ok).toBe(true);
		expect(halo.sim.control.count('Item')).toBe(1);
		const lines = halo.sim.control.records('Quotation')[0]!.lines as Record<string, unknown>[];
		expect(lines.map((l) => l.name)).toEqual(['Lenovo ThinkPad T14', 'Lenovo ThinkPad T14', 'Installation']);
		expect(lines[2]).not.toHaveProperty('item_id');
	});
});

describe('re-sync', () => {
	it('updates the opportunity and quotation in place: a token and two calls, no duplicates', async () => {
		const { rows, quote, lines } = quoteRows();
		const ctx = haloContext(halo, rows);
		expect((await syncQuoteById(haloAdapter, ctx, quote.id)).ok).toBe(true);
		const quotationId = halo.sim.control.records('Quotation')[0]!.id;
		const lineIds = (halo.sim.control.records('Quotation')[0]!.lines as { id: number }[]).map((l) => l.id);

		await ctx.tx.put('quoteLines', { ...lines[0]!, quantity: 5 });
		await ctx.tx.delete('quoteLines', lines[1]!.id);
		await ctx.tx.put('quotes', { ...quote, title: 'Laptop refresh, phase 2' });
		halo.sim.control.resetCalls();
		const again = await syncQuoteById(haloAdapter, ctx, quote.id);

		expect(again).toEqual({ ok: true, value: { externalId: String(quotationId), warnings: [] } });
		expect(halo.sim.control.calls()).toEqual({ 'POST /auth/token': 1, 'POST /Opportunities': 1, 'POST /Quotation': 1 });
		expect(counts()).toEqual({ clients: 1, users: 1, items: 2, opportunities: 1, quotes: 1 });
		const quotation = halo.sim.control.record('Quotation', quotationId)!;
		expect(quotation.title).toBe('Q-1001 Laptop refresh, phase 2');
		expect(quotation.lines).toEqual([expect.objectContaining({ id: lineIds[0], quantity: 5 })]);
		expect(halo.sim.control.records('Opportunities')[0]).toMatchObject({ oppvalue: 5 * 1349 });
	});
});

describe('resumed runs', () => {
	it('finds every record a lost run created by its marker and links it instead of creating another', async () => {
		const { rows, quote, products } = quoteRows();
		const first = haloContext(halo, rows);
		expect((await syncQuoteById(haloAdapter, first, quote.id)).ok).toBe(true);
		const before = counts();

		// The same job again, with none of the links the first run recorded.
		const resumed = haloContext(halo, rows, { resumed: true });
		halo.sim.control.resetCalls();
		const result = await syncQuoteById(haloAdapter, resumed, quote.id);

		expect(result.ok).toBe(true);
		expect(counts()).toEqual(before);
		expect(halo.sim.control.records('Quotation')[0]!.lines).toHaveLength(products.length);
		expect(Object.fromEntries(resumed.linkMap)).toEqual(Object.fromEntries(first.linkMap));
		// One lookup per record it had to find; the two updates a sync always sends.
		expect(halo.sim.control.calls()).toEqual({
			'POST /auth/token': 1,
			'GET /Client': 1,
			'GET /Users': 1,
			'GET /Item': 2,
			'GET /Opportunities': 1,
			'GET /Quotation': 1,
			'POST /Quotation': 1
		});
	});

	it('never duplicates when a run dies after Halo saved the quotation but before the link', async () => {
		const { rows, quote } = quoteRows();
		const crashing = haloContext(halo, rows);
		const set = crashing.links.set;
		crashing.links.set = async (kind, localId, externalId) => {
			if (kind === 'quotes') throw new Error('gateway restarted');
			return set(kind, localId, externalId);
		};
		await expect(syncQuoteById(haloAdapter, crashing, quote.id)).rejects.toThrow('gateway restarted');

		const resumed = haloContext(halo, rows, { resumed: true });
		for (const [key, value] of crashing.linkMap) resumed.linkMap.set(key, value);
		halo.sim.control.resetCalls();
		expect((await syncQuoteById(haloAdapter, resumed, quote.id)).ok).toBe(true);

		expect(counts()).toEqual({ clients: 1, users: 1, items: 2, opportunities: 1, quotes: 1 });
		expect(halo.sim.control.records('Quotation')[0]!.lines).toHaveLength(2);
		// Everything but the quotation was linked: its lookup is the only one.
		expect(halo.sim.control.calls()).toEqual({
			'POST /auth/token': 1,
			'POST /Opportunities': 1,
			'GET /Quotation': 1,
			'POST /Quotation': 1
		});
	});

	it('creates what it cannot find, after looking', async () => {
		const { rows, quote } = quoteRows();
		const result = await syncQuoteById(haloAdapter, haloContext(halo, rows, { resumed: true }), quote.id);
		expect(result.ok).toBe(true);
		expect(counts()).toEqual({ clients: 1, users: 1, items: 2, opportunities: 1, quotes: 1 });
	});
});

describe('lines that fail on their own', () => {
	it('leaves out the line whose item Halo refuses and warns, naming it in Halo’s words; the rest syncs', async () => {
		const { rows, quote, lines: quoteLines, products } = quoteRows();
		halo.sim.control.inject({
			kind: 'error',
			status: 400,
			body: { '[0].name': 'An item with this name already exists' },
			method: 'POST',
			path: '/Item',
			times: 2
		});
		const result = await syncQuoteById(haloAdapter, haloContext(halo, rows), quote.id);
		expect(result).toEqual({
			ok: true,
			value: {
				externalId: String(halo.sim.control.records('Quotation')[0]!.id),
				warnings: ['Some line items not synchronized (1 of 2).'],
				lines: [{ lineId: quoteLines[0]!.id, message: 'An item with this name already exists' }],
				entity: { table: 'products', id: products[0]!.id, label: 'Product Lenovo ThinkPad T14' }
			}
		});
		const lines = halo.sim.control.records('Quotation')[0]!.lines as Record<string, unknown>[];
		expect(lines.map((l) => l.name)).toEqual(['USB-C Dock']);
		expect(halo.sim.control.callCount('POST /Item')).toBe(3);
	});

	it('warns for a line whose product no longer exists in Outpost', async () => {
		const { rows, quote } = quoteRows();
		const gone = buildQuoteLine({ quoteId: quote.id, productId: 'product-gone', position: 'b0' });
		rows.quoteLines!.push(gone);
		const result = await syncQuoteById(haloAdapter, haloContext(halo, rows), quote.id);
		expect(result).toMatchObject({
			ok: true,
			value: {
				warnings: ['Some line items not synchronized (1 of 3).'],
				lines: [{ lineId: gone.id, message: 'The product of this line is no longer in Outpost.' }]
			}
		});
		expect(halo.sim.control.records('Quotation')[0]!.lines).toHaveLength(2);
	});
});

describe('failures', () => {
	let ctx: MemorySyncContext;
	let quoteId: string;
	beforeEach(() => {
		const { rows, quote } = quoteRows();
		ctx = haloContext(halo, rows);
		quoteId = quote.id;
	});

	it('points refused credentials at the credentials, with the seeds text', async () => {
		ctx.credentials = { ...halo.credentials, clientSecret: 'wrong' };
		expect(await syncQuoteById(haloAdapter, ctx, quoteId)).toEqual({
			ok: false,
			kind: 'permanent',
			message: 'HaloPSA authentication error: please verify your credentials',
			rootCause: { kind: 'credentials' },
			health: 'auth_failed'
		});
		expect(halo.sim.control.totalCalls()).toBe(1);
	});

	it('answers transient for a connection reset, and a retry finishes without duplicates', async () => {
		halo.sim.control.inject({ kind: 'connection_reset', method: 'POST', path: '/Opportunities' });
		expect(await syncQuoteById(haloAdapter, ctx, quoteId)).toMatchObject({ ok: false, kind: 'transient' });
		expect((await syncQuoteById(haloAdapter, { ...ctx, resumed: true }, quoteId)).ok).toBe(true);
		expect(counts()).toEqual({ clients: 1, users: 1, items: 2, opportunities: 1, quotes: 1 });
	});

	it('answers rate_limited with the wait Halo asked for', async () => {
		halo.sim.control.inject({ kind: 'rate_limited', retryAfterSeconds: 30, path: '/Client' });
		expect(await syncQuoteById(haloAdapter, ctx, quoteId)).toMatchObject({
			ok: false,
			kind: 'rate_limited',
			retryAfterMs: 30_000
		});
	});

	it('fails the whole quote when Halo refuses its header along with a line: only lines are left out', async () => {
		halo.sim.control.inject({
			kind: 'error',
			status: 400,
			body: { '[0].lines[0].quantity': 'Quantity must be positive', '[0].expiry_date': 'Expiry date is in the past' },
			path: '/Quotation'
		});
		expect(await syncQuoteById(haloAdapter, ctx, quoteId)).toEqual({
			ok: false,
			kind: 'permanent',
			message: 'Quantity must be positive; Expiry date is in the past'
		});
		expect(halo.sim.control.callCount('POST /Quotation')).toBe(1);
	});

	it('passes a rule Halo enforces through verbatim as a permanent failure', async () => {
		halo.sim.control.inject({
			kind: 'error',
			status: 400,
			body: { '[0].expiry_date': 'Expiry date must be after the quote date' },
			path: '/Quotation'
		});
		expect(await syncQuoteById(haloAdapter, ctx, quoteId)).toEqual({
			ok: false,
			kind: 'permanent',
			message: 'Expiry date must be after the quote date'
		});
	});
});
