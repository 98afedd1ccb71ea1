// The client against the simulator over real loopback HTTP: discovery, auth headers, conditions,
// Link-header paging, create, JSON-patch, delete and the opportunity forecast.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildCompany } from '../simulator/seed-builders.ts';
import { contains, eq, isIn } from './conditions.ts';
import { seedTenant, startSandbox, unwrap, type Sandbox, type Tenant } from '../test/client-sandbox.ts';

let sb: Sandbox;
let tenant: Tenant;

beforeEach(async () => {
	sb = await startSandbox();
	tenant = seedTenant(sb.control);
});
afterEach(() => sb.close());

describe('discovery and auth', () => {
	it('finds the codebase once, without auth, then calls the API under it', async () => {
		const info = unwrap(await sb.client.companyInfo());
		expect(info.Codebase).toBe('v2025_1/');
		unwrap(await sb.client.systemInfo());
		unwrap(await sb.client.get('companies', tenant.companyId));
		expect(sb.control.requests().map((r) => `${r.endpoint} ${r.status}`)).toEqual([
			'GET /login/companyinfo/{id} 200',
			'GET /system/info 200',
			'GET /company/companies/{id} 200'
		]);
	});

	it('sends Basic company+public:private, the clientId and the version pin', async () => {
		const seen: Headers[] = [];
		const client = sb.newClient({
			fetch: (input, init) => {
				seen.push(new Headers(init.headers));
				return fetch(input, init);
			}
		});
		unwrap(await client.systemInfo());
		const { companyId, publicKey, privateKey, clientId } = sb.credentials;
		expect(seen[0]!.get('authorization')).toBeNull();
		expect(seen[1]!.get('authorization')).toBe(`Basic ${btoa(`${companyId}+${publicKey}:${privateKey}`)}`);
		expect(seen[1]!.get('clientid')).toBe(clientId);
		expect(seen[1]!.get('accept')).toBe('application/vnd.connectwise.com+json; version=2025.8');
	});

	it('skips discovery when the codebase is known', async () => {
		unwrap(await sb.newClient({ codebase: 'v2025_1' }).systemInfo());
		expect(sb.control.totalCalls()).toBe(1);
	});
});

describe('lists', () => {
	it('filters with conditions, one call for the first match', async () => {
		sb.control.seed('companies', [buildCompany({ identifier: 'Globex', name: 'Globex "West"' })]);
		const found = unwrap(await sb.client.first('companies', [eq('name', 'Globex "West"')]));
		expect(found).toMatchObject({ identifier: 'Globex' });
		expect(unwrap(await sb.client.first('companies', [eq('identifier', 'nobody')]))).toBeNull();
		const both = unwrap(
			await sb.client.listAll('companies', { conditions: [isIn('identifier', ['Globex', 'AcmeCorp'])] })
		);
		expect(both.map((c) => c.identifier).sort()).toEqual(['AcmeCorp', 'Globex']);
		expect(unwrap(await sb.client.count('companies', [contains('name', 'west')]))).toBe(1);
		expect(sb.control.totalCalls()).toBe(5);
	});

	it('follows the Link header page by page and stops on the last', async () => {
		sb.control.seed(
			'companies',
			Array.from({ length: 6 }, (_, i) => buildCompany({ identifier: `C${i}`, name: `Company ${i}` }))
		);
		const all = unwrap(await sb.client.listAll('companies', { pageSize: 3, orderBy: 'identifier desc' }));
		expect(all.map((c) => c.identifier)).toEqual(['C5', 'C4', 'C3', 'C2', 'C1', 'C0', 'AcmeCorp']);
		expect(sb.control.callCount('GET /company/companies')).toBe(3);
	});

	it('pages forward-only by pageId', async () => {
		sb.control.seed(
			'companies',
			Array.from({ length: 4 }, (_, i) => buildCompany({ identifier: `F${i}` }))
		);
		const all = unwrap(await sb.client.listAll('companies', { pageSize: 2, forwardOnly: true }));
		expect(all).toHaveLength(5);
		const paths = sb.control.requests().filter((r) => r.endpoint === 'GET /company/companies');
		expect(paths).toHaveLength(4);
	});

	it('refuses more pages than asked for', async () => {
		sb.control.seed(
			'companies',
			Array.from({ length: 4 }, (_, i) => buildCompany({ identifier: `P${i}` }))
		);
		expect(await sb.client.listAll('companies', { pageSize: 2 }, { maxPages: 2 })).toMatchObject({
			ok: false,
			code: 'too_many_pages'
		});
	});
});

describe('writes', () => {
	it('creates (201 with id and expanded references), patches with JSON-patch, deletes (204)', async () => {
		const contact = unwrap(
			await sb.client.create('contacts', {
				firstName: 'Grace',
				lastName: 'Hopper',
				company: { id: tenant.companyId },
				communicationItems: [{ value: 'grace@acme.example', communicationType: 'Email', defaultFlag: true }]
			})
		);
		expect(contact).toMatchObject({
			id: expect.any(Number),
			company: { id: tenant.companyId, identifier: 'AcmeCorp' }
		});
		const patched = unwrap(
			await sb.client.patch('contacts', contact.id, [{ op: 'replace', path: 'lastName', value: 'Murray Hopper' }])
		);
		expect(patched.lastName).toBe('Murray Hopper');
		unwrap(await sb.client.remove('contacts', contact.id));
		expect(unwrap(await sb.client.get('contacts', contact.id))).toBeNull();
		expect(sb.control.calls()).toMatchObject({
			'POST /company/contacts': 1,
			'PATCH /company/contacts/{id}': 1,
			'DELETE /company/contacts/{id}': 1,
			'GET /company/contacts/{id}': 1
		});
	});

	it('refuses a body that breaks the schema without sending it', async () => {
		const result = await sb.client.create('companies', { identifier: 'X'.repeat(31), name: 'Too long' });
		expect(result).toMatchObject({ ok: false, code: 'invalid_request' });
		expect(await sb.client.patch('companies', tenant.companyId, [])).toMatchObject({ code: 'invalid_request' });
		expect(sb.control.totalCalls()).toBe(0);
	});

	it('writes an opportunity and its forecast items under it', async () => {
		const opportunity = unwrap(
			await sb.client.create('opportunities', {
				name: 'Laptop refresh',
				company: { id: tenant.companyId },
				contact: { id: tenant.contactId },
				primarySalesRep: { identifier: 'ssmith' }
			})
		);
		expect(opportunity.status).toMatchObject({ id: 1, name: 'Open' });
		const item = unwrap(
			await sb.client.createForecastItem(opportunity.id, {
				forecastType: 'Product',
				status: { id: opportunity.status!.id },
				catalogItem: { id: tenant.catalogItemId },
				quantity: 2,
				revenue: 2698
			})
		);
		expect(item).toMatchObject({ opportunity: { id: opportunity.id }, catalogItem: { identifier: 'T14-G5' } });
		unwrap(await sb.client.patchForecastItem(opportunity.id, item.id, [{ op: 'replace', path: 'quantity', value: 3 }]));
		expect(unwrap(await sb.client.forecast(opportunity.id)).forecastItems).toMatchObject([
			{ id: item.id, quantity: 3 }
		]);
		unwrap(await sb.client.removeForecastItem(opportunity.id, item.id));
		expect(unwrap(await sb.client.forecast(opportunity.id)).forecastItems).toEqual([]);
	});
});
