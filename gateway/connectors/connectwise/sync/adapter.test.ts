// The ConnectWise adapter against the simulator over real loopback HTTP, through an in-memory
// SyncContext: call counts, re-sync as updates, resumed runs without duplicates, failures as values.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
	buildCatalogItem,
	buildCompany as buildCwCompany,
	buildContact as buildCwContact,
	buildMember
} from '../simulator/seed-builders.ts';
import { createConnectwiseSimulator, type ConnectwiseSimulator } from '../simulator/simulator.ts';
import { buildQuoteLine } from '../../../../shared/test/builders.ts';
import { memorySyncContext } from '../../../psa/test/memory-sync-context.ts';
import { connectwiseAdapter } from './adapter.ts';
import { connectwiseFixture } from '../test/contract-fixture.ts';
import { buildProduct, quoteRows } from '../test/sync-fixture.ts';
import { syncCompanyById, syncQuoteById } from '../../../psa/test/sync-by-id.ts';

const NOW = Date.parse('2026-11-21T09:00:00Z');
let sim: ConnectwiseSimulator;
let credentials: Record<string, string>;
let settings: Record<string, unknown>;
let salesRepId: number;

beforeEach(async () => {
	sim = createConnectwiseSimulator({ log: () => {} });
	const { site } = await sim.listen();
	credentials = { ...sim.control.credentials, site };
	[salesRepId] = sim.control.seed('members', [buildMember()]) as [number];
	settings = { defaultSalesRepId: salesRepId, catalogSubcategoryId: 1, catalogTypeId: 1 };
});
afterEach(() => sim.close());

const twoProducts = () => [
	buildProduct(),
	buildProduct({ id: 'product-dock', name: 'USB-C Dock', sku: 'DOCK-40', price: 19_900, cost: 15_000 })
];

function context(rows = quoteRows(twoProducts()), options: { resumed?: boolean; links?: Map<string, string> } = {}) {
	const ctx = memorySyncContext(rows, { credentials, settings, resumed: options.resumed, now: () => NOW });
	for (const [key, value] of options.links ?? []) ctx.linkMap.set(key, value);
	return ctx;
}

const count = (resource: Parameters<ConnectwiseSimulator['control']['records']>[0]) =>
	sim.control.records(resource).length;

describe('first sync', () => {
	it('creates company, contact, opportunity, catalog items and forecast items in the fewest calls', async () => {
		const ctx = context();
		const result = await syncQuoteById(connectwiseAdapter, ctx, 'quote-1');
		const opportunity = sim.control.records('opportunities')[0]!;
		expect(result).toEqual({ ok: true, value: { externalId: String(opportunity.id), warnings: [] } });
		expect(sim.control.totalCalls()).toBe(connectwiseFixture.firstSyncCalls(2));
		expect(sim.control.totalCalls()).toBe(9);
		expect(Object.keys(sim.control.calls()).filter((e) => e.startsWith('GET'))).toEqual([
			'GET /login/companyinfo/{id}',
			'GET /procurement/catalog'
		]);
		expect(opportunity).toMatchObject({
			name: 'Laptop refresh',
			company: { identifier: 'AcmeCorporation' },
			contact: { name: 'Ada Lovelace' },
			primarySalesRep: { id: salesRepId },
			notes: 'Outpost quote quote-1',
			expectedCloseDate: '2026-12-21T00:00:00Z'
		});
		expect(sim.control.records('contacts')[0]).toMatchObject({
			firstName: 'Ada',
			lastName: 'Lovelace',
			communicationItems: [{ value: 'ada@acme.example', communicationType: 'Email' }]
		});
		expect(sim.control.records('forecastItems')).toMatchObject([
			{
				forecastType: 'Product',
				catalogItem: { identifier: 'T14-G5' },
				quantity: 2,
				revenue: 2698,
				cost: 2200,
				includeFlag: true,
				status: { id: 1 },
				quoteWerksDocName: 'outpost:line-1'
			},
			{ catalogItem: { identifier: 'DOCK-40' }, revenue: 398, quoteWerksDocName: 'outpost:line-2' }
		]);
		expect(ctx.linkMap).toEqual(
			new Map([
				['companies:company-acme', String(sim.control.records('companies')[0]!.id)],
				['contacts:contact-ada', String(sim.control.records('contacts')[0]!.id)],
				['opportunities:quote-1', String(opportunity.id)],
				['products:product-t14', String(sim.control.records('catalog')[0]!.id)],
				['products:product-dock', String(sim.control.records('catalog')[1]!.id)],
				['quoteLines:line-1', String(sim.control.records('forecastItems')[0]!.id)],
				['quoteLines:line-2', String(sim.control.records('forecastItems')[1]!.id)]
			])
		);
	});

	it('makes the linked owner the sales rep', async () => {
		const [other] = sim.control.seed('members', [buildMember({ identifier: 'jdoe', firstName: 'Jo' })]);
		const rows = quoteRows();
		rows.users![0]!.externalIds = { connectwise: String(other) };
		expect(await syncQuoteById(connectwiseAdapter, context(rows), 'quote-1')).toMatchObject({ ok: true });
		expect(sim.control.records('opportunities')[0]).toMatchObject({
			primarySalesRep: { id: other, identifier: 'jdoe' }
		});
	});

	it('matches a company whose identifier is taken, its contact by name and email, and catalog items by identifier', async () => {
		const [companyId] = sim.control.seed('companies', [buildCwCompany({ identifier: 'AcmeCorporation' })]);
		const [contactId] = sim.control.seed('contacts', [buildCwContact({ company: { id: companyId } })]);
		const [itemId] = sim.control.seed('catalog', [buildCatalogItem({ identifier: 't14-g5' })]);
		const ctx = context(quoteRows());
		expect(await syncQuoteById(connectwiseAdapter, ctx, 'quote-1')).toMatchObject({ ok: true });
		expect([count('companies'), count('contacts'), count('catalog')]).toEqual([1, 1, 1]);
		expect(ctx.linkMap.get('companies:company-acme')).toBe(String(companyId));
		expect(ctx.linkMap.get('contacts:contact-ada')).toBe(String(contactId));
		expect(ctx.linkMap.get('products:product-t14')).toBe(String(itemId));
	});

	it('still syncs the quote when a line fails, with the seeds’ warning filed against its product', async () => {
		sim.control.inject({
			kind: 'error',
			method: 'POST',
			path: '/procurement/catalog',
			message: 'x',
			errors: [{ code: 'InvalidField', message: 'Subcategory is inactive.' }]
		});
		const result = await syncQuoteById(connectwiseAdapter, context(), 'quote-1');
		expect(result).toMatchObject({
			ok: true,
			value: {
				warnings: ['Some line items not synchronized'],
				lines: [{ lineId: 'line-1', message: expect.stringContaining('Subcategory is inactive.') }],
				entity: { table: 'products', id: 'product-t14', label: 'Product Lenovo ThinkPad T14' }
			}
		});
		expect(sim.control.records('forecastItems')).toMatchObject([{ quoteWerksDocName: 'outpost:line-2' }]);
	});
});

describe('re-sync', () => {
	it('reads twice and writes nothing when nothing changed', async () => {
		const ctx = context();
		await syncQuoteById(connectwiseAdapter, ctx, 'quote-1');
		sim.control.resetCalls();
		expect(await syncQuoteById(connectwiseAdapter, ctx, 'quote-1')).toMatchObject({
			ok: true,
			value: { warnings: [] }
		});
		expect(sim.control.calls()).toEqual({
			'GET /login/companyinfo/{id}': 1,
			'GET /sales/opportunities/{id}': 1,
			'GET /sales/opportunities/{id}/forecast': 1
		});
	});

	it('patches what changed, adds new lines and deletes removed ones, leaving ConnectWise’s own items', async () => {
		const ctx = context();
		await syncQuoteById(connectwiseAdapter, ctx, 'quote-1');
		const oppId = sim.control.records('opportunities')[0]!.id;
		const [theirs] = sim.control.seed('forecastItems', [
			{ opportunity: { id: oppId }, forecastType: 'Service', status: { id: 1 } }
		]);
		const quote = (await ctx.tx.get('quotes', 'quote-1'))!;
		await ctx.tx.put('quotes', { ...quote, title: 'Laptop refresh (revised)' });
		const line = (await ctx.tx.get('quoteLines', 'line-1'))!;
		await ctx.tx.put('quoteLines', { ...line, quantity: 3 });
		await ctx.tx.delete('quoteLines', 'line-2');
		await ctx.tx.put(
			'quoteLines',
			buildQuoteLine({
				id: 'line-3',
				quoteId: 'quote-1',
				description: 'Installation',
				unitPrice: 50_000,
				position: 'a2'
			})
		);
		sim.control.resetCalls();

		expect(await syncQuoteById(connectwiseAdapter, ctx, 'quote-1')).toMatchObject({ ok: true });
		expect(sim.control.calls()).toEqual({
			'GET /login/companyinfo/{id}': 1,
			'GET /sales/opportunities/{id}': 1,
			'PATCH /sales/opportunities/{id}': 1,
			'GET /sales/opportunities/{id}/forecast': 1,
			'PATCH /sales/opportunities/{id}/forecast/{id}': 1,
			'POST /sales/opportunities/{id}/forecast': 1,
			'DELETE /sales/opportunities/{id}/forecast/{id}': 1
		});
		expect(sim.control.records('opportunities')).toMatchObject([{ name: 'Laptop refresh (revised)' }]);
		expect(
			sim.control.records('forecastItems').map((i) => [i.quoteWerksDocName ?? i.id, i.quantity, i.revenue])
		).toEqual([
			['outpost:line-1', 3, 4047],
			[theirs, undefined, undefined],
			['outpost:line-3', 1, 500]
		]);
		expect(ctx.linkMap.has('quoteLines:line-2')).toBe(false);
	});

	it('says so when the opportunity was deleted in ConnectWise', async () => {
		const ctx = context();
		await syncQuoteById(connectwiseAdapter, ctx, 'quote-1');
		sim.control.remove('opportunities', sim.control.records('opportunities')[0]!.id);
		expect(await syncQuoteById(connectwiseAdapter, ctx, 'quote-1')).toEqual({
			ok: false,
			kind: 'permanent',
			message: 'Opportunity was not found in ConnectWise'
		});
	});
});

describe('resumed', () => {
	it('finds what a crashed run created by its markers and creates nothing twice', async () => {
		sim.control.inject({ kind: 'connection_reset', method: 'POST', path: '/sales/opportunities/{id}/forecast' });
		// Forecast POST 1 is reset before it is stored: resume with no links at all, the worst case.
		const first = await syncQuoteById(connectwiseAdapter, context(), 'quote-1');
		expect(first).toMatchObject({ ok: false, kind: 'transient' });
		expect([
			count('companies'),
			count('contacts'),
			count('opportunities'),
			count('catalog'),
			count('forecastItems')
		]).toEqual([1, 1, 1, 2, 0]);
		sim.control.seed('forecastItems', [
			{
				opportunity: { id: sim.control.records('opportunities')[0]!.id },
				forecastType: 'Product',
				status: { id: 1 },
				quoteWerksDocName: 'outpost:line-1',
				quantity: 2,
				revenue: 2698,
				cost: 2200
			}
		]);

		const ctx = context(undefined, { resumed: true });
		const resumed = await syncQuoteById(connectwiseAdapter, ctx, 'quote-1');
		expect(resumed).toMatchObject({ ok: true, value: { warnings: [] } });
		expect([
			count('companies'),
			count('contacts'),
			count('opportunities'),
			count('catalog'),
			count('forecastItems')
		]).toEqual([1, 1, 1, 2, 2]);
		expect(ctx.linkMap.size).toBe(7);
	});

	it('spends no lookups on a first run', async () => {
		await syncQuoteById(connectwiseAdapter, context(), 'quote-1');
		const lookups = sim.control
			.requests()
			.filter((r) => r.method === 'GET' && r.endpoint !== 'GET /login/companyinfo/{id}');
		expect(lookups.map((r) => r.endpoint)).toEqual(['GET /procurement/catalog']);
	});
});

describe('failures', () => {
	it('maps a 401 to the credentials root cause', async () => {
		sim.control.inject({ kind: 'unauthorized', path: '/company/companies' });
		expect(await syncQuoteById(connectwiseAdapter, context(), 'quote-1')).toEqual({
			ok: false,
			kind: 'permanent',
			message: 'ConnectWise authentication error: please verify your credentials',
			rootCause: { kind: 'credentials' },
			health: 'auth_failed'
		});
		const bad = memorySyncContext({}, { credentials: { site: 'x' } });
		expect(await connectwiseAdapter.testConnection(bad)).toMatchObject({
			kind: 'permanent',
			rootCause: { kind: 'credentials' }
		});
	});

	it('maps a 429 to rate_limited with the seeds’ text and Retry-After, mid-lines too', async () => {
		sim.control.inject({ kind: 'rate_limited', retryAfterSeconds: 20, path: '/sales/opportunities/{id}/forecast' });
		expect(await syncQuoteById(connectwiseAdapter, context(), 'quote-1')).toEqual({
			ok: false,
			kind: 'rate_limited',
			message: 'ConnectWise API rate limit exceeded',
			retryAfterMs: 20_000
		});
	});

	it('passes a rule violation through in ConnectWise’s words', async () => {
		sim.control.inject({
			kind: 'error',
			path: '/sales/opportunities',
			method: 'POST',
			message: 'opportunity object is invalid',
			errors: [{ code: 'InvalidField', message: 'Sales rep is inactive.' }]
		});
		expect(await syncQuoteById(connectwiseAdapter, context(), 'quote-1')).toEqual({
			ok: false,
			kind: 'permanent',
			message: 'Sales rep is inactive.'
		});
	});
});

describe('connection, company and Synchronize', () => {
	it('tests the connection with discovery and system info', async () => {
		expect(await connectwiseAdapter.testConnection(context())).toEqual({
			ok: true,
			value: { summary: 'ConnectWise PSA v2025.1.98765' }
		});
		expect(sim.control.totalCalls()).toBe(2);
	});

	it('syncs a company once', async () => {
		const ctx = context();
		const first = await syncCompanyById(connectwiseAdapter, ctx, 'company-acme');
		expect(await syncCompanyById(connectwiseAdapter, ctx, 'company-acme')).toEqual(first);
		expect(count('companies')).toBe(1);
	});

	it('fetches every active member page by page, marking license classes that are not synced', async () => {
		sim.control.seed('members', [
			buildMember({ identifier: 'api', licenseClass: 'A' }),
			buildMember({ identifier: 'stream', licenseClass: 'C' }),
			buildMember({ identifier: 'sub', licenseClass: 'X', officeEmail: null }),
			buildMember({ identifier: 'gone', inactiveFlag: true }),
			...Array.from({ length: 1000 }, (_, i) => buildMember({ identifier: `m${i}` }))
		]);
		const result = await connectwiseAdapter.synchronize(context());
		if (!result.ok) throw new Error(result.message);
		expect(result.value.people).toHaveLength(1004);
		expect(sim.control.callCount('GET /system/members')).toBe(2);
		expect(result.value.people.slice(0, 4)).toEqual([
			{
				externalId: String(salesRepId),
				email: 'sam.smith@msp.example',
				firstName: 'Sam',
				lastName: 'Smith',
				active: true
			},
			expect.objectContaining({ ineligible: 'API Member: only Regular Member and Subcontractor licenses are synced.' }),
			expect.objectContaining({
				ineligible: 'StreamlineIT Member: only Regular Member and Subcontractor licenses are synced.'
			}),
			expect.not.objectContaining({ ineligible: expect.anything() })
		]);
		expect(result.value.people[3]).toMatchObject({ email: null });
		expect(result.value.lookups.opportunityStatuses).toEqual([
			{ value: '1', label: 'Open', active: true },
			{ value: '2', label: 'Won', active: true },
			{ value: '3', label: 'Lost', active: true }
		]);
		expect(connectwiseAdapter.createsMissingUsers).toBe(true);
	});
});
