// The wire contract, written down as tests (psa-apis.md §1): what the client puts on the wire (URLs,
// verbs, headers, bodies) and what the simulator answers (envelopes, statuses). If Autotask turns out
// to differ, this file is where the difference is recorded first.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTicket, buildTicketCharge } from '../simulator/seed-builders.ts';
import { eq } from './filter.ts';
import { seedTenant, startSandbox, type Sandbox, type Tenant } from '../test/client-sandbox.ts';
import type { FetchLike } from '../../common/transport-core.ts';

type Sent = { method: string; url: string; headers: Record<string, string>; body: unknown };

let sb: Sandbox;
let tenant: Tenant;
let sent: Sent[];
let zone: string;

const recording: FetchLike = (input, init) => {
	const headers = Object.fromEntries(Object.entries((init.headers ?? {}) as Record<string, string>));
	sent.push({
		method: init.method ?? 'GET',
		url: input,
		headers,
		body: init.body ? JSON.parse(String(init.body)) : undefined
	});
	return fetch(input, init);
};

beforeEach(async () => {
	sb = await startSandbox({ client: { fetch: recording } });
	tenant = seedTenant(sb.control);
	sent = [];
	zone = `${sb.origin}/webservices3/ATServicesRest/`;
});
afterEach(() => sb.close());

const creds = () => sb.control.credentials;
const authOnly = () => ({
	ApiIntegrationCode: creds().apiIntegrationCode,
	UserName: creds().userName,
	Secret: creds().secret
});
const last = () => sent.at(-1)!;

describe('what the client sends', () => {
	it('looks the zone up without credentials, by user name', async () => {
		await sb.client.zone();
		expect(sent).toEqual([
			{
				method: 'GET',
				url: `${sb.origin}/ATServicesRest/V1.0/ZoneInformation?user=outpost-api%40sandbox.outpost.test`,
				headers: { Accept: 'application/json' },
				body: undefined
			}
		]);
	});

	it('sends the three auth headers on every zone call', async () => {
		await sb.client.get('Companies', tenant.companyId);
		expect(last()).toEqual({
			method: 'GET',
			url: `${zone}V1.0/Companies/${tenant.companyId}`,
			headers: {
				Accept: 'application/json',
				ApiIntegrationCode: creds().apiIntegrationCode,
				UserName: creds().userName,
				Secret: creds().secret
			},
			body: undefined
		});
	});

	it('adds ImpersonationResourceId when writes act as another resource', async () => {
		const client = sb.newClient({ credentials: { ...creds(), impersonationResourceId: tenant.ownerId } });
		await client.get('Companies', tenant.companyId);
		expect(last().headers.ImpersonationResourceId).toBe(String(tenant.ownerId));
	});

	it('posts queries as MaxRecords, IncludeFields and filter, always with a filter', async () => {
		await sb.client.queryAll('Companies', {
			filter: [eq('companyName', 'Acme Corporation')],
			includeFields: ['companyName'],
			maxRecords: 50
		});
		expect(last()).toMatchObject({
			method: 'POST',
			url: `${zone}V1.0/Companies/query`,
			headers: { 'Content-Type': 'application/json' },
			body: {
				MaxRecords: 50,
				IncludeFields: ['id', 'companyName'],
				filter: [{ op: 'eq', field: 'companyName', value: 'Acme Corporation' }]
			}
		});
		await sb.client.queryAll('Resources');
		expect(last().body).toEqual({ filter: [{ op: 'exist', field: 'id' }] });
	});

	it('fetches the next page with GET on the absolute nextPageUrl, with the auth headers', async () => {
		sb.control.seed('Resources', [{ firstName: 'A' }, { firstName: 'B' }]);
		await sb.client.queryAll('Resources', { maxRecords: 2 });
		expect(last().method).toBe('GET');
		expect(last().url).toMatch(new RegExp(`^${zone}V1\\.0/Resources/query/next\\?paging=`));
		expect(last().headers).toMatchObject({ ApiIntegrationCode: creds().apiIntegrationCode, Secret: creds().secret });
	});

	it('writes children through the parent URL: POST and PATCH on the collection, DELETE on the item', async () => {
		const [ticketId] = sb.control.seed('Tickets', [buildTicket()]);
		const body = { ...buildTicketCharge(), ticketID: ticketId!, billingCodeID: tenant.billingCodeId };
		delete (body as Record<string, unknown>).createDate;
		const created = await sb.client.create('TicketCharges', body as never);
		const id = created.ok ? created.value : 0;
		expect(last()).toMatchObject({ method: 'POST', url: `${zone}V1.0/Tickets/${ticketId}/Charges`, body });
		await sb.client.update('TicketCharges', { id, ticketID: ticketId!, status: 6 });
		expect(last()).toMatchObject({
			method: 'PATCH',
			url: `${zone}V1.0/Tickets/${ticketId}/Charges`,
			body: { id, ticketID: ticketId, status: 6 }
		});
		await sb.client.remove('TicketCharges', { id, ticketID: ticketId! });
		expect(last()).toMatchObject({ method: 'DELETE', url: `${zone}V1.0/Tickets/${ticketId}/Charges/${id}` });
	});

	it('updates top-level entities with PATCH on the entity root', async () => {
		await sb.client.update('Companies', { id: tenant.companyId, city: 'Springfield' });
		expect(last()).toMatchObject({
			method: 'PATCH',
			url: `${zone}V1.0/Companies`,
			body: { id: tenant.companyId, city: 'Springfield' }
		});
	});

	it('reads picklists from entityInformation/fields', async () => {
		await sb.client.picklist('TicketCharges', 'status');
		expect(last()).toMatchObject({ method: 'GET', url: `${zone}V1.0/TicketCharges/entityInformation/fields` });
	});
});

describe('what the simulator answers', () => {
	const raw = (path: string, init: RequestInit = {}) =>
		fetch(`${zone}V1.0/${path}`, {
			...init,
			headers: {
				ApiIntegrationCode: creds().apiIntegrationCode,
				UserName: creds().userName,
				Secret: creds().secret,
				'Content-Type': 'application/json'
			}
		});

	it('zone information: zoneName, url, webUrl, ci', async () => {
		const res = await fetch(`${sb.origin}/atservicesrest/v1.0/zoneInformation?user=${creds().userName}`);
		expect(await res.json()).toEqual({
			zoneName: expect.any(String),
			url: zone,
			webUrl: expect.any(String),
			ci: expect.any(Number)
		});
	});

	it('query pages: items and pageDetails with an absolute nextPageUrl', async () => {
		sb.control.seed('Resources', [{ firstName: 'A' }, { firstName: 'B' }]);
		const res = await raw('Resources/query', {
			method: 'POST',
			body: JSON.stringify({ maxRecords: 2, filter: [{ op: 'exist', field: 'id' }] })
		});
		const body = await res.json();
		expect(body.items).toHaveLength(2);
		expect(body.pageDetails).toEqual({
			count: 2,
			requestCount: 2,
			prevPageUrl: null,
			nextPageUrl: expect.stringMatching(new RegExp(`^${zone}V1\\.0/Resources/query/next\\?paging=`))
		});
		const next = await (await fetch(body.pageDetails.nextPageUrl, { headers: authOnly() })).json();
		expect(next).toMatchObject({ items: [{ firstName: 'B' }], pageDetails: { count: 1, nextPageUrl: null } });
	});

	it('the same query as GET with the JSON in search', async () => {
		const search = encodeURIComponent(JSON.stringify({ filter: [{ op: 'eq', field: 'id', value: tenant.companyId }] }));
		const body = await (await raw(`Companies/query?search=${search}`)).json();
		expect(body.items.map((c: { id: number }) => c.id)).toEqual([tenant.companyId]);
	});

	it('get by id: { item }, and 404 for an id that does not exist', async () => {
		expect(await (await raw(`Companies/${tenant.companyId}`)).json()).toMatchObject({ item: { id: tenant.companyId } });
		expect((await raw('Companies/424242')).status).toBe(404);
	});

	it('writes: { itemId }, and 500 with an errors array for a rule violation', async () => {
		sb.control.deactivate('BillingCodes', tenant.billingCodeId);
		const res = await raw('Products', {
			method: 'POST',
			body: JSON.stringify({
				name: 'X',
				isActive: true,
				isSerialized: false,
				productBillingCodeID: tenant.billingCodeId
			})
		});
		expect(res.status).toBe(500);
		expect(await res.json()).toEqual({ errors: ['BillingCode does not exist or is invalid'] });
		const ok = await raw('QuoteLocations', { method: 'POST', body: JSON.stringify({ city: 'Springfield' }) });
		expect(await ok.json()).toEqual({ itemId: expect.any(Number) });
	});

	it('auth: 401 for a wrong secret, 500 for a wrong integration code', async () => {
		const wrongSecret = await fetch(`${zone}V1.0/Companies/${tenant.companyId}`, {
			headers: { ApiIntegrationCode: creds().apiIntegrationCode, UserName: creds().userName, Secret: 'no' }
		});
		expect(wrongSecret.status).toBe(401);
		const wrongCode = await fetch(`${zone}V1.0/Companies/${tenant.companyId}`, {
			headers: { ApiIntegrationCode: 'no', UserName: creds().userName, Secret: creds().secret }
		});
		expect(wrongCode.status).toBe(500);
		expect(await wrongCode.json()).toEqual({ errors: ['IntegrationCode is invalid'] });
	});

	it('thresholdInformation: the limit, the window and the current count', async () => {
		const body = await (await raw('ThresholdInformation')).json();
		expect(body).toEqual({
			externalRequestThreshold: 10_000,
			requestThresholdTimeframe: 60,
			currentTimeframeRequestCount: 1
		});
	});

	it('picklist values: value, label, isActive, isDefaultValue, sortOrder, parentValue, isSystem', async () => {
		const { fields } = await (await raw('TicketCharges/entityInformation/fields')).json();
		const status = fields.find((f: { name: string }) => f.name === 'status');
		expect(status).toMatchObject({ isPickList: true, dataType: 'integer' });
		expect(status.picklistValues[0]).toEqual({
			value: '1',
			label: 'New',
			isActive: true,
			isDefaultValue: true,
			sortOrder: 1,
			parentValue: null,
			isSystem: true
		});
	});
});
