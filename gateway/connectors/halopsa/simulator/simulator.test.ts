// The simulator's own behaviour, through raw HTTP requests (in-process unless the socket matters): the
// token endpoint, bearer auth, list envelopes, upserts as Halo words their refusals, and mounting.

import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { demoPsaStaff } from '../../../demo/demo-data.ts';
import { seedHaloDemo } from './demo-tenant.ts';
import { buildAgent, buildClient, buildItem, buildOpportunity, buildQuotation, buildUser } from './seed-builders.ts';
import { createHaloSimulator, SANDBOX_CREDENTIALS, type HaloSimulator } from './simulator.ts';

const ORIGIN = 'http://halo.test';
let sim: HaloSimulator;
let now: number;
let clientId: number;

beforeEach(() => {
	now = Date.parse('2026-11-21T10:00:00Z');
	sim = createHaloSimulator({ log: () => {}, clock: { now: () => now }, tokenLifetimeSeconds: 600 });
	[clientId] = sim.control.seed('Client', [buildClient()]) as [number];
});
afterEach(() => sim.close());

async function token(fields: Record<string, string> = {}, tenant = SANDBOX_CREDENTIALS.tenant) {
	const form = new URLSearchParams({
		grant_type: 'client_credentials',
		client_id: SANDBOX_CREDENTIALS.clientId,
		client_secret: SANDBOX_CREDENTIALS.clientSecret,
		scope: 'all',
		...fields
	});
	const res = await sim.fetch(`${ORIGIN}/auth/token?tenant=${tenant}`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
		body: form.toString()
	});
	return { status: res.status, body: await res.json() };
}

async function call(method: string, path: string, body?: unknown, bearer?: string) {
	const auth = bearer ?? (await token()).body.access_token;
	const res = await sim.fetch(`${ORIGIN}/api/${path}`, {
		method,
		headers: { Authorization: `Bearer ${auth}`, 'Content-Type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body)
	});
	const text = await res.text();
	return { status: res.status, body: text ? JSON.parse(text) : null };
}

describe('token endpoint', () => {
	it('issues an expiring bearer token for the client credentials', async () => {
		const { status, body } = await token();
		expect(status).toBe(200);
		expect(body).toEqual({ access_token: expect.any(String), token_type: 'Bearer', expires_in: 600, scope: 'all' });
	});

	it('refuses a wrong secret, a wrong tenant and another grant type with OAuth error bodies', async () => {
		expect(await token({ client_secret: 'x' })).toEqual({ status: 400, body: { error: 'invalid_client' } });
		expect((await token({}, 'other')).body).toMatchObject({ error: 'invalid_request' });
		expect(await token({ grant_type: 'password' })).toEqual({ status: 400, body: { error: 'unsupported_grant_type' } });
	});

	it('reads the tenant from the form body too, as clients send it', async () => {
		const form = new URLSearchParams({
			grant_type: 'client_credentials',
			client_id: SANDBOX_CREDENTIALS.clientId,
			client_secret: SANDBOX_CREDENTIALS.clientSecret,
			scope: 'all',
			tenant: SANDBOX_CREDENTIALS.tenant!
		});
		const res = await sim.fetch(`${ORIGIN}/auth/token`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			body: form.toString()
		});
		expect(res.status).toBe(200);
	});

	it('refuses a wrong tenant in the form body', async () => {
		expect((await token({ tenant: 'other' })).body).toMatchObject({ error: 'invalid_request' });
	});

	it('answers 405 naming the verbs of a record path it does not take', async () => {
		const res = await sim.fetch(`${ORIGIN}/api/Client/${clientId}`, {
			method: 'PUT',
			headers: { Authorization: `Bearer ${(await token()).body.access_token}`, 'Content-Type': 'application/json' },
			body: '{}'
		});
		expect([res.status, res.headers.get('Allow')]).toEqual([405, 'GET, DELETE']);
	});

	it('answers 405 naming POST on the token endpoint', async () => {
		const res = await sim.fetch(`${ORIGIN}/auth/token`);
		expect([res.status, res.headers.get('Allow')]).toEqual([405, 'POST']);
	});

	it('answers 401 for a missing, unknown or expired token', async () => {
		const { access_token } = (await token()).body;
		expect((await call('GET', `Client/${clientId}`, undefined, access_token)).status).toBe(200);
		expect((await call('GET', `Client/${clientId}`, undefined, 'made-up')).status).toBe(401);
		now += 600_000;
		expect((await call('GET', `Client/${clientId}`, undefined, access_token)).status).toBe(401);
		const fresh = (await token()).body.access_token;
		sim.control.expireTokens();
		expect((await call('GET', `Client/${clientId}`, undefined, fresh)).status).toBe(401);
	});
});

describe('lists and records', () => {
	it('wraps lists with record_count under the entity key, paths in any case', async () => {
		const res = await call('GET', 'client?pageinate=true&page_size=1&page_no=1');
		expect(res.body).toEqual({ record_count: 1, clients: [expect.objectContaining({ id: clientId })] });
	});

	it('answers quotes without lines unless includelines, and with them by id', async () => {
		const [quoteId] = sim.control.seed('Quotation', [
			buildQuotation({ client_id: clientId, lines: [{ id: 1, name: 'Dock', baseprice: 10 }] })
		]);
		expect((await call('GET', 'Quotation')).body.quotes[0]).not.toHaveProperty('lines');
		expect((await call('GET', 'Quotation?includelines=true')).body.quotes[0].lines).toHaveLength(1);
		expect((await call('GET', `Quotation/${quoteId}`)).body.lines).toHaveLength(1);
	});

	it('answers /Agent as a bare array of enabled staff, API agents only when asked', async () => {
		const [off] = sim.control.seed('Agent', [buildAgent({ name: 'Gone' }), buildAgent({ name: 'Here' })]);
		sim.control.deactivate('Agent', off!);
		expect((await call('GET', 'Agent')).body.map((a: { name: string }) => a.name)).toEqual(['Here']);
		const all = await call('GET', 'Agent?includeapiagents=true&includedisabled=true');
		expect(all.body.map((a: { name: string }) => a.name)).toEqual(['Outpost API', 'Gone', 'Here']);
		expect((await call('GET', 'Agent/me')).body).toMatchObject({ id: sim.control.apiAgentId, isapiagent: true });
	});

	it('answers 404 for a deleted record and for an unknown resource', async () => {
		sim.control.remove('Client', clientId);
		expect((await call('GET', `Client/${clientId}`)).status).toBe(404);
		expect((await call('GET', 'Nonsense')).status).toBe(404);
	});
});

describe('upserts', () => {
	it('creates a client with its main site, and places a new user on it', async () => {
		const client = (await call('POST', 'Client', [{ name: 'Umbrella' }])).body;
		expect(client.main_site_id).toEqual(expect.any(Number));
		const user = await call('POST', 'Users', [{ firstname: 'Alice', surname: 'Wong', client_id: client.id }]);
		expect(user).toMatchObject({ status: 201, body: { name: 'Alice Wong', site_id: client.main_site_id } });
	});

	it('answers several records as an array and one as the object itself', async () => {
		const many = await call('POST', 'Item', [buildItem({ name: 'A' }), buildItem({ name: 'B' })]);
		expect(many.body.map((i: { name: string }) => i.name)).toEqual(['A', 'B']);
		expect((await call('POST', 'Item', [buildItem({ name: 'C' })])).body).toMatchObject({ name: 'C' });
	});

	it('refuses the whole batch with a model state keyed by property path, saving nothing', async () => {
		const res = await call('POST', 'Users', [
			buildUser({ client_id: clientId }),
			buildUser({ client_id: 4242, name: '', firstname: '', surname: '' })
		]);
		expect(res).toEqual({
			status: 400,
			body: { '[1].name': 'name is required.', '[1].client_id': 'Client 4242 does not exist.' }
		});
		expect(sim.control.count('Users')).toBe(0);
		expect((await call('POST', 'Item', { name: 'not an array' })).status).toBe(400);
		expect((await call('POST', 'Client', [{ id: 999, name: 'Ghost' }])).body).toEqual({
			'[0].id': 'Client 999 does not exist.'
		});
	});

	it('refuses a quote line that names a missing item or another quote line', async () => {
		const [ticketId] = sim.control.seed('Opportunities', [buildOpportunity({ client_id: clientId })]);
		const res = await call('POST', 'Quotation', [
			{
				client_id: clientId,
				ticket_id: ticketId,
				lines: [
					{ item_id: 77, name: 'x' },
					{ id: 5, name: 'y' }
				]
			}
		]);
		expect(res.body).toEqual({
			'[0].lines[0].item_id': 'Item 77 does not exist.',
			'[0].lines[1].id': 'Line 5 is not on this quote.'
		});
	});
});

describe('control', () => {
	it('counts calls by endpoint and logs each request with its body and status', async () => {
		await call('POST', 'Client', [{ name: 'Umbrella' }]);
		expect(sim.control.calls()).toEqual({ 'POST /auth/token': 1, 'POST /Client': 1 });
		expect(sim.control.totalCalls()).toBe(2);
		const [, post] = sim.control.requests();
		expect(post).toEqual({
			method: 'POST',
			endpoint: 'POST /Client',
			url: '/api/Client',
			body: [{ name: 'Umbrella' }],
			status: 201
		});
		sim.control.resetCalls();
		expect(sim.control.totalCalls()).toBe(0);
	});

	it('patches and deactivates records as a person in Halo would', async () => {
		sim.control.patch('Client', clientId, { name: 'Acme Ltd' });
		sim.control.deactivate('Client', clientId);
		expect(sim.control.record('Client', clientId)).toMatchObject({ name: 'Acme Ltd', inactive: true });
		expect((await call('GET', 'Client')).body.clients).toEqual([]);
		expect(() => sim.control.deactivate('Quotation', 1)).toThrow();
	});

	it('plays a fault only on the requests it matches, then answers normally', async () => {
		sim.control.inject({ kind: 'error', status: 500, method: 'GET', path: /\/Client\/\{id\}/, times: 1 });
		expect((await call('GET', 'Client')).status).toBe(200);
		expect((await call('GET', `Client/${clientId}`)).body).toEqual({
			ClassName: 'System.Exception',
			Message: 'The simulator failed this request.'
		});
		expect(sim.control.pendingFaults()).toBe(0);
		expect((await call('GET', `Client/${clientId}`)).status).toBe(200);
	});
});

describe('mounting', () => {
	let server: Server | null = null;
	afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

	it('serves under a base path inside another app, over a real socket', async () => {
		const mounted = createHaloSimulator({ basePath: '/sandbox/halopsa', log: () => {} });
		const host = new Hono();
		host.all('/sandbox/halopsa/*', (c) => mounted.app.fetch(c.req.raw, c.env as never));
		server = await new Promise<Server>((resolve) => {
			const s = serve({ fetch: host.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s as Server));
		});
		const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
		const res = await fetch(`${origin}/sandbox/halopsa/auth/token?tenant=${SANDBOX_CREDENTIALS.tenant}`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			body: `grant_type=client_credentials&client_id=${SANDBOX_CREDENTIALS.clientId}&client_secret=${SANDBOX_CREDENTIALS.clientSecret}`
		});
		const { access_token } = (await res.json()) as { access_token: string };
		const me = await fetch(`${origin}/sandbox/halopsa/api/Agent/me`, {
			headers: { Authorization: `Bearer ${access_token}` }
		});
		expect(await me.json()).toMatchObject({ name: 'Outpost API' });
	});
});

describe('demo tenant', () => {
	it('has an agent for each MSP demo account and one without an email', async () => {
		seedHaloDemo(sim.control);
		const emails = (await call('GET', 'Agent')).body.map((a: { email: string | null }) => a.email);
		expect(emails).toEqual([null, ...demoPsaStaff().map((u) => u.email)]);
	});
});
