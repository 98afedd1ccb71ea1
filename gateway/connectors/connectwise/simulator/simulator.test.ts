// The simulator's own behaviour through raw HTTP requests (in-process unless the socket matters):
// discovery, auth, the write rules, paging, the control surface, faults and mounting.

import { Hono } from 'hono';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildCatalogItem, buildCompany, buildContact, buildMember } from './seed-builders.ts';
import { createConnectwiseSimulator, SANDBOX_CREDENTIALS, type ConnectwiseSimulator } from './simulator.ts';

const ORIGIN = 'http://connectwise.test';
const API = `${ORIGIN}/v2025_1/apis/3.0`;
const { companyId: company, publicKey, privateKey, clientId } = SANDBOX_CREDENTIALS;
const AUTH = {
	Authorization: `Basic ${btoa(`${company}+${publicKey}:${privateKey}`)}`,
	clientId,
	'Content-Type': 'application/json'
};

let sim: ConnectwiseSimulator;
let now: number;
let memberId: number;
let companyId: number;
let contactId: number;

beforeEach(() => {
	now = Date.parse('2026-11-21T09:00:00Z');
	sim = createConnectwiseSimulator({ log: () => {}, clock: { now: () => now } });
	[memberId] = sim.control.seed('members', [buildMember()]) as [number];
	[companyId] = sim.control.seed('companies', [buildCompany()]) as [number];
	[contactId] = sim.control.seed('contacts', [buildContact({ company: { id: companyId } })]) as [number];
});
afterEach(() => sim.close());

async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = AUTH) {
	const res = await sim.fetch(`${API}/${path}`, {
		method,
		headers,
		body: body === undefined ? undefined : JSON.stringify(body)
	});
	const text = await res.text();
	return { status: res.status, body: text ? JSON.parse(text) : null, headers: res.headers };
}

describe('discovery and auth', () => {
	it('names the codebase without auth, case-insensitively by company', async () => {
		const res = await sim.fetch(`${ORIGIN}/login/companyinfo/${company.toUpperCase()}`);
		expect(await res.json()).toMatchObject({ Codebase: 'v2025_1/', IsCloud: 'True' });
		expect((await sim.fetch(`${ORIGIN}/login/companyinfo/other`)).status).toBe(404);
	});

	it('wants Basic company+public:private and a clientId on every API call', async () => {
		expect((await call('GET', 'system/info')).status).toBe(200);
		expect((await call('GET', 'system/info', undefined, { ...AUTH, clientId: '' })).status).toBe(401);
		const wrong = `Basic ${btoa(`${company}+${publicKey}:nope`)}`;
		expect(await call('GET', 'system/info', undefined, { ...AUTH, Authorization: wrong })).toMatchObject({
			status: 401,
			body: { code: 'Unauthorized' }
		});
	});

	it('serves the API on v4_6_release and release codebases, and nothing on an unknown one', async () => {
		const status = async (codebase: string) =>
			(await sim.fetch(`${ORIGIN}/${codebase}/apis/3.0/system/info`, { headers: AUTH })).status;
		expect([await status('v4_6_release'), await status('v2024_2'), await status('v9')]).toEqual([200, 200, 404]);
	});
});

describe('writes', () => {
	it('creates with 201, defaults the opportunity status and expands references', async () => {
		const created = await call('POST', 'sales/opportunities', {
			name: 'Laptop refresh',
			company: { id: companyId },
			contact: { id: contactId },
			primarySalesRep: { identifier: 'SSMITH' }
		});
		expect(created).toMatchObject({
			status: 201,
			body: {
				id: expect.any(Number),
				status: { id: 1, name: 'Open' },
				primarySalesRep: { id: memberId, identifier: 'ssmith', name: 'Sam Smith' },
				company: { id: companyId, identifier: 'AcmeCorp', name: 'Acme Corporation' },
				_info: { lastUpdated: '2026-11-21T09:00:00Z' }
			}
		});
	});

	it('answers missing fields and unknown references in the ErrorResponseMessage shape', async () => {
		expect(await call('POST', 'sales/opportunities', { name: 'x', company: { id: 999 } })).toMatchObject({
			status: 400,
			body: {
				code: 'InvalidObject',
				message: 'opportunity object is invalid',
				errors: [
					{ code: 'MissingRequiredField', message: 'contact is required.', field: 'contact' },
					{ code: 'MissingRequiredField', message: 'primarySalesRep is required.', field: 'primarySalesRep' },
					{ code: 'InvalidField', message: 'Company was not found.', field: 'company' }
				]
			}
		});
		expect(await call('POST', 'company/companies', { identifier: 'ACMECORP', name: 'Again' })).toMatchObject({
			status: 400,
			body: { errors: [{ code: 'ObjectExists', message: 'Company ID already in use.', field: 'identifier' }] }
		});
		expect((await call('POST', 'procurement/catalog', { identifier: 'X' })).body.errors).toHaveLength(4);
	});

	it('patches with a JSON-patch array; a nested path answers 200 and changes nothing (§2.6)', async () => {
		now += 60_000;
		const patched = await call('PATCH', `company/companies/${companyId}`, [
			{ op: 'replace', path: 'name', value: 'Acme Inc' },
			{ op: 'replace', path: 'company/identifier', value: 'ignored' }
		]);
		expect(patched).toMatchObject({ status: 200, body: { name: 'Acme Inc', identifier: 'AcmeCorp' } });
		expect(sim.control.record('companies', companyId)).toMatchObject({
			_info: { lastUpdated: '2026-11-21T09:01:00Z' }
		});
		expect((await call('PATCH', `company/companies/${companyId}`, { name: 'not an array' })).status).toBe(400);
		expect((await call('PATCH', `company/companies/${companyId}`, [{ op: 'remove', path: 'name' }])).status).toBe(400);
	});

	it('deletes with 204, then 404s', async () => {
		expect((await call('DELETE', `company/contacts/${contactId}`)).status).toBe(204);
		expect((await call('GET', `company/contacts/${contactId}`)).status).toBe(404);
		expect((await call('DELETE', `company/contacts/${contactId}`)).status).toBe(404);
	});

	it('keeps forecast items under their opportunity', async () => {
		const opp = (
			await call('POST', 'sales/opportunities', {
				name: 'O',
				company: { id: companyId },
				contact: { id: contactId },
				primarySalesRep: { id: memberId }
			})
		).body;
		const item = { forecastType: 'Product', status: { id: 1 }, quantity: 1, revenue: 10 };
		const created = await call('POST', `sales/opportunities/${opp.id}/forecast`, item);
		expect(created).toMatchObject({ status: 201, body: { opportunity: { id: opp.id }, forecastType: 'Product' } });
		expect(
			(await call('POST', `sales/opportunities/${opp.id}/forecast`, { ...item, forecastType: 'Thing' })).status
		).toBe(400);
		expect((await call('GET', `sales/opportunities/${opp.id}/forecast`)).body).toMatchObject({
			forecastItems: [{ id: created.body.id }]
		});
		expect((await call('GET', `sales/opportunities/${opp.id + 1}/forecast/${created.body.id}`)).status).toBe(404);
	});

	it('does not let the API write members: 405 naming the verbs it takes', async () => {
		const refused = await call('POST', 'system/members', buildMember({ identifier: 'new' }));
		expect([refused.status, refused.headers.get('Allow')]).toEqual([405, 'GET']);
	});
});

describe('lists', () => {
	beforeEach(() => {
		sim.control.seed(
			'catalog',
			Array.from({ length: 30 }, (_, i) => buildCatalogItem({ identifier: `SKU-${i}` }))
		);
	});

	it('pages 25 by default with first/next/last links, and caps pageSize at 1000', async () => {
		const first = await call('GET', 'procurement/catalog');
		expect(first.body).toHaveLength(25);
		expect(first.headers.get('Link')).toContain('page=2>; rel="next"');
		const second = await call('GET', 'procurement/catalog?page=2');
		expect(second.body).toHaveLength(5);
		expect(second.headers.get('Link')).not.toContain('rel="next"');
		expect(second.headers.get('Link')).toContain('rel="prev"');
		expect((await call('GET', 'procurement/catalog?pageSize=5000')).body).toHaveLength(30);
	});

	it('filters, counts, orders and projects', async () => {
		const q = new URLSearchParams({
			conditions: 'identifier like "SKU-1%"',
			orderBy: 'identifier desc',
			fields: 'id,identifier'
		});
		const listed = await call('GET', `procurement/catalog?${q}`);
		expect(listed.body.map((r: { identifier: string }) => r.identifier)).toEqual([
			'SKU-19',
			'SKU-18',
			'SKU-17',
			'SKU-16',
			'SKU-15',
			'SKU-14',
			'SKU-13',
			'SKU-12',
			'SKU-11',
			'SKU-10',
			'SKU-1'
		]);
		expect(Object.keys(listed.body[0])).toEqual(['id', 'identifier']);
		expect((await call('GET', `procurement/catalog/count?${q}`)).body).toEqual({ count: 11 });
		expect(await call('GET', `procurement/catalog?conditions=${encodeURIComponent('identifier = SKU')}`)).toMatchObject(
			{
				status: 400,
				body: { code: 'InvalidObject' }
			}
		);
	});

	it('pages forward-only by pageId and refuses orderBy with it', async () => {
		const headers = { ...AUTH, 'pagination-type': 'forward-only' };
		const first = await call('GET', 'procurement/catalog?pageSize=20', undefined, headers);
		expect(first.body).toHaveLength(20);
		const next = /<([^>]+)>; rel="next"/.exec(first.headers.get('Link') ?? '')![1]!;
		expect(next).toContain(`pageId=${first.body[19].id}`);
		expect((await call('GET', 'procurement/catalog?orderBy=id', undefined, headers)).status).toBe(400);
	});
});

describe('control', () => {
	it('counts calls by endpoint, logs each request with its status, and plays faults in order', async () => {
		sim.control.inject(
			{ kind: 'rate_limited', retryAfterSeconds: 7, path: '/company/companies/{id}' },
			{ kind: 'error', status: 500, message: 'Boom', method: 'GET' }
		);
		const limited = await call('GET', `company/companies/${companyId}`);
		expect(limited.status).toBe(429);
		expect(limited.headers.get('Retry-After')).toBe('7');
		expect(await call('GET', 'system/info')).toMatchObject({ status: 500, body: { message: 'Boom' } });
		expect((await call('GET', 'system/info')).status).toBe(200);
		expect(sim.control.calls()).toEqual({ 'GET /company/companies/{id}': 1, 'GET /system/info': 2 });
		expect(sim.control.requests().map((r) => r.status)).toEqual([429, 500, 200]);
		expect(sim.control.pendingFaults()).toBe(0);
	});

	it('deactivates, patches and removes records as a ConnectWise user would', async () => {
		sim.control.deactivate('companies', companyId);
		sim.control.deactivate('members', memberId);
		sim.control.patch('contacts', contactId, { lastName: 'King' });
		expect(sim.control.record('companies', companyId)).toMatchObject({ deletedFlag: true });
		expect(sim.control.record('members', memberId)).toMatchObject({ inactiveFlag: true });
		expect((await call('GET', `company/contacts/${contactId}`)).body).toMatchObject({ lastName: 'King' });
		sim.control.remove('contacts', contactId);
		expect((await call('GET', `company/contacts/${contactId}`)).status).toBe(404);
	});

	it('resets the socket on a real connection', async () => {
		const { site } = await sim.listen();
		sim.control.inject({ kind: 'connection_reset' });
		await expect(fetch(`${site}/v2025_1/apis/3.0/system/info`, { headers: AUTH })).rejects.toThrow(TypeError);
		expect(sim.control.requests()).toMatchObject([{ endpoint: 'GET /system/info', status: null }]);
	});

	it('mounts under a base path in another app', async () => {
		const mounted = createConnectwiseSimulator({ basePath: '/sandbox/connectwise', log: () => {} });
		const host = new Hono().all('/sandbox/connectwise/*', (c) => mounted.app.fetch(c.req.raw));
		const info = await host.request('/sandbox/connectwise/login/companyinfo/outpost_sandbox');
		expect(await info.json()).toMatchObject({ Codebase: 'v2025_1/' });
		expect((await host.request('/sandbox/connectwise/v2025_1/apis/3.0/system/info', { headers: AUTH })).status).toBe(
			200
		);
	});
});
