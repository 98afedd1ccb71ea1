// The HaloPSA client against the simulator over real loopback HTTP: the token, lists and paging, get,
// create and update as a POST of an array, and the exact number of calls each operation spends.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildClient, buildItem, buildOpportunity } from '../simulator/seed-builders.ts';
import { seedTenant, startSandbox, unwrap, type Sandbox, type Tenant } from '../test/client-sandbox.ts';

let sb: Sandbox;
let tenant: Tenant;

beforeEach(async () => {
	sb = await startSandbox();
	tenant = seedTenant(sb.control);
});
afterEach(() => sb.close());

describe('token', () => {
	it('asks for a client-credentials token once, with scope all and the tenant, and reuses it', async () => {
		unwrap(await sb.client.get('Client', tenant.clientId));
		unwrap(await sb.client.get('Users', tenant.userId));
		expect(sb.control.calls()).toEqual({ 'POST /auth/token': 1, 'GET /Client/{id}': 1, 'GET /Users/{id}': 1 });
		const [token] = sb.control.requests();
		expect(token!.url).toBe('/auth/token?tenant=outpost-sandbox');
		expect(token!.body).toEqual({
			grant_type: 'client_credentials',
			client_id: 'outpost-sandbox-client',
			client_secret: 'outpost-sandbox-secret',
			scope: 'all'
		});
	});

	it('shares one token request among calls that start together', async () => {
		const results = await Promise.all([
			sb.client.get('Client', tenant.clientId),
			sb.client.get('Item', tenant.itemId),
			sb.client.get('Users', tenant.userId)
		]);
		expect(results.every((r) => r.ok)).toBe(true);
		expect(sb.control.callCount('POST /auth/token')).toBe(1);
	});

	it('posts to {authUrl}/token without a tenant for on-prem instances', async () => {
		await sb.close();
		sb = await startSandbox({ simulator: { credentials: { clientId: 'onprem', clientSecret: 's3cret' } } });
		const client = sb.newClient({ credentials: { ...sb.credentials, tenant: undefined } });
		unwrap(await client.me());
		expect(sb.control.requests()[0]!.url).toBe('/auth/token');
	});
});

describe('lists', () => {
	it('reads the record-count envelope and pages with pageinate, page_size and page_no', async () => {
		sb.control.seed(
			'Client',
			Array.from({ length: 6 }, (_, n) => buildClient({ name: `Branch ${n}` }))
		);
		const page = unwrap(await sb.client.list('Client', { pageinate: true, page_size: 3, page_no: 2 }));
		expect(page.recordCount).toBe(7);
		expect(page.records.map((c) => c.name)).toEqual(['Branch 2', 'Branch 3', 'Branch 4']);

		sb.control.resetCalls();
		const all = unwrap(await sb.client.listAll('Client', {}, { pageSize: 3 }));
		expect(all).toHaveLength(7);
		expect(sb.control.callCount('GET /Client')).toBe(3);
		const urls = sb.control.requests().map((r) => r.url);
		expect(urls).toEqual([
			'/api/Client?pageinate=true&page_size=3&page_no=1',
			'/api/Client?pageinate=true&page_size=3&page_no=2',
			'/api/Client?pageinate=true&page_size=3&page_no=3'
		]);
	});

	it('pages the bare array /Agent answers until a page comes up short', async () => {
		sb.control.seed('Agent', [
			{ name: 'B', isdisabled: false },
			{ name: 'C', isdisabled: false }
		]);
		const agents = unwrap(await sb.client.listAll('Agent', {}, { pageSize: 2 }));
		// The seeded agent and two more; the API agent is left out unless asked for (§3.4 includeapiagents).
		expect(agents.map((a) => a.name)).toEqual(['Sam Seller', 'B', 'C']);
		expect(sb.control.callCount('GET /Agent')).toBe(2);
	});

	it('stops at the page cap instead of reading without end', async () => {
		sb.control.seed(
			'Item',
			Array.from({ length: 5 }, () => buildItem())
		);
		const result = await sb.client.listAll('Item', {}, { pageSize: 2, maxPages: 2 });
		expect(result).toMatchObject({ ok: false, code: 'too_many_pages' });
		expect(sb.control.callCount('GET /Item')).toBe(2);
	});

	it('filters by search and client_id, and leaves inactive records out unless asked', async () => {
		const [other] = sb.control.seed('Client', [buildClient({ name: 'Globex' })]);
		sb.control.deactivate('Client', other!);
		expect(unwrap(await sb.client.list('Client', { search: 'glob' })).records).toEqual([]);
		const found = unwrap(await sb.client.list('Client', { search: 'GLOB', includeinactive: true }));
		expect(found.records.map((c) => c.id)).toEqual([other]);
		const users = unwrap(await sb.client.list('Users', { client_id: tenant.clientId }));
		expect(users.records.map((u) => u.id)).toEqual([tenant.userId]);
	});
});

describe('get', () => {
	it('answers the record itself, and null for a record Halo does not have', async () => {
		expect(unwrap(await sb.client.get('Client', tenant.clientId))).toMatchObject({ name: 'Acme Corporation' });
		sb.control.remove('Client', tenant.clientId);
		expect(unwrap(await sb.client.get('Client', tenant.clientId))).toBeNull();
	});
});

describe('writes', () => {
	it('creates with a POST of an array and answers the saved record', async () => {
		const created = unwrap(await sb.client.create('Client', { name: 'Umbrella', ref: 'outpost:c1' }));
		expect(created).toMatchObject({ name: 'Umbrella', ref: 'outpost:c1' });
		expect(created.main_site_id).toEqual(expect.any(Number));
		const post = sb.control.requests().find((r) => r.method === 'POST' && r.endpoint === 'POST /Client');
		expect(post!.body).toEqual([{ name: 'Umbrella', ref: 'outpost:c1' }]);
	});

	it('updates with a POST of the record and its id, never a duplicate', async () => {
		const updated = unwrap(await sb.client.update('Client', { id: tenant.clientId, name: 'Acme Ltd' }));
		expect(updated).toMatchObject({ id: tenant.clientId, name: 'Acme Ltd', website: 'https://acme.example' });
		expect(sb.control.count('Client')).toBe(1);
	});

	it('saves several records in one call, in order', async () => {
		const saved = unwrap(
			await sb.client.save('Item', [
				{ name: 'Dock', externalreference: 'p1' },
				{ name: 'Monitor', externalreference: 'p2' }
			])
		);
		expect(saved.map((i) => i.externalreference)).toEqual(['p1', 'p2']);
		expect(sb.control.callCount('POST /Item')).toBe(1);
	});

	it('creates a quotation with its lines, and replaces them on update', async () => {
		const [ticketId] = sb.control.seed('Opportunities', [buildOpportunity({ client_id: tenant.clientId })]);
		const quote = unwrap(
			await sb.client.create('Quotation', {
				client_id: tenant.clientId,
				ticket_id: ticketId,
				title: 'Refresh',
				lines: [
					{ item_id: tenant.itemId, name: 'Laptop', quantity: 2, baseprice: 1000, sort_seq: 1 },
					{ name: 'Setup', quantity: 1, baseprice: 150, sort_seq: 2 }
				]
			})
		);
		expect(quote.total).toBe(2150);
		const [laptop] = quote.lines!;
		expect(laptop).toMatchObject({ qhid: quote.id, item_id: tenant.itemId });

		const again = unwrap(
			await sb.client.update('Quotation', { id: quote.id, lines: [{ id: laptop!.id, quantity: 3, sort_seq: 1 }] })
		);
		expect(again.lines).toHaveLength(1);
		expect(again.lines![0]).toMatchObject({ id: laptop!.id, quantity: 3, baseprice: 1000 });
		expect(again.total).toBe(3000);
	});

	it('answers the rejection in Halo words when a reference does not exist', async () => {
		const result = await sb.client.create('Users', { name: 'Nobody', client_id: 999_999 });
		expect(result).toEqual({
			ok: false,
			code: 'rejected',
			message: 'Client 999999 does not exist.',
			errors: ['Client 999999 does not exist.'],
			fieldErrors: [{ path: '[0].client_id', message: 'Client 999999 does not exist.' }],
			status: 400
		});
	});
});

describe('me', () => {
	it('answers the agent the application runs as', async () => {
		const me = unwrap(await sb.client.me());
		expect(me).toMatchObject({ id: sb.control.apiAgentId, isapiagent: true });
		expect(sb.client.calls()).toEqual(sb.control.calls());
	});
});
