// The simulator's own behaviour, through raw HTTP requests (in-process unless the socket matters):
// auth, write rules as Autotask words them, the control surface, limits, and mounting.

import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
	buildBillingCode,
	buildCompany,
	buildContact,
	buildOpportunity,
	buildProduct,
	buildResource,
	buildTicket,
	buildTicketCharge
} from './seed-builders.ts';
import { createAutotaskSimulator, SANDBOX_CREDENTIALS, type AutotaskSimulator } from './simulator.ts';

const ORIGIN = 'http://autotask.test';
const ZONE = `${ORIGIN}/webservices3/ATServicesRest/V1.0`;
const AUTH = {
	ApiIntegrationCode: SANDBOX_CREDENTIALS.apiIntegrationCode,
	UserName: SANDBOX_CREDENTIALS.userName,
	Secret: SANDBOX_CREDENTIALS.secret,
	'Content-Type': 'application/json'
};

let sim: AutotaskSimulator;
let ownerId: number;
let companyId: number;

beforeEach(() => {
	sim = createAutotaskSimulator({ log: () => {} });
	[ownerId] = sim.control.seed('Resources', [buildResource()]) as [number];
	[companyId] = sim.control.seed('Companies', [buildCompany({ ownerResourceID: ownerId })]) as [number];
});
afterEach(() => sim.close());

async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = AUTH) {
	const res = await sim.fetch(`${ZONE}/${path}`, {
		method,
		headers,
		body: body === undefined ? undefined : JSON.stringify(body)
	});
	const text = await res.text();
	return { status: res.status, body: text ? JSON.parse(text) : null, headers: res.headers };
}

const rejected = (...errors: string[]) => ({ status: 500, body: { errors } });

describe('auth', () => {
	it('answers 401 for a wrong secret and 500 for a wrong user name or integration code', async () => {
		expect((await call('GET', `Companies/${companyId}`, undefined, { ...AUTH, Secret: 'x' })).status).toBe(401);
		expect(await call('GET', `Companies/${companyId}`, undefined, { ...AUTH, UserName: 'x' })).toMatchObject(
			rejected('UserName is invalid')
		);
		expect(await call('GET', `Companies/${companyId}`, undefined, { ...AUTH, ApiIntegrationCode: 'x' })).toMatchObject(
			rejected('IntegrationCode is invalid')
		);
		expect((await call('GET', `Companies/${companyId}`, undefined, {})).status).toBe(500);
	});

	it('takes header names and paths in any case', async () => {
		const headers = {
			apiintegrationcode: AUTH.ApiIntegrationCode,
			USERNAME: AUTH.UserName.toUpperCase(),
			secret: AUTH.Secret
		};
		const res = await sim.fetch(`${ORIGIN}/WEBSERVICES3/atservicesrest/v1.0/companies/${companyId}`, { headers });
		expect(res.status).toBe(200);
	});

	it('looks zones up without auth, and refuses an unknown user', async () => {
		const known = await sim.fetch(`${ORIGIN}/ATServicesRest/V1.0/ZoneInformation?user=${AUTH.UserName}`);
		expect(await known.json()).toMatchObject({ url: `${ORIGIN}/webservices3/ATServicesRest/` });
		const unknown = await sim.fetch(`${ORIGIN}/ATServicesRest/V1.0/ZoneInformation?user=who`);
		expect(unknown.status).toBe(500);
		expect(await unknown.json()).toEqual({ errors: ['Zone information could not be determined'] });
	});

	it('serves entities only on the zone, not on the lookup host', async () => {
		const res = await sim.fetch(`${ORIGIN}/ATServicesRest/V1.0/Companies/${companyId}`, { headers: AUTH });
		expect(res.status).toBe(404);
		expect(sim.control.totalCalls()).toBe(0);
	});
});

describe('write rules', () => {
	it('requires the fields Autotask marks required, on create and replace but not on patch', async () => {
		expect(await call('POST', 'Companies', { companyName: 'X' })).toMatchObject(
			rejected('companyType is required.', 'ownerResourceID is required.', 'phone is required.')
		);
		expect(await call('PATCH', 'Companies', { id: companyId, city: 'Austin' })).toMatchObject({ status: 200 });
		expect(await call('PUT', 'Companies', { id: companyId, city: 'Austin' })).toMatchObject({ status: 500 });
	});

	it('refuses unknown fields and wrong types instead of dropping them', async () => {
		// Field names are case-insensitive (§1.4 [3P]) and stored in their canonical spelling.
		expect(await call('PATCH', 'Companies', { id: companyId, CITY: 'Austin' })).toMatchObject({ status: 200 });
		expect(sim.control.record('Companies', companyId)).toMatchObject({ city: 'Austin' });
		expect(await call('PATCH', 'Companies', { id: companyId, colour: 'red' })).toMatchObject(
			rejected('colour is not a field of Companies.')
		);
		expect(await call('PATCH', 'Companies', { id: companyId, companyType: '1' })).toMatchObject(
			rejected('companyType must be of type integer.')
		);
	});

	it('refuses a picklist value the tenant deactivated', async () => {
		sim.control.deactivatePicklistValue('Companies', 'companyType', 2);
		expect(await call('PATCH', 'Companies', { id: companyId, companyType: 2 })).toMatchObject(
			rejected('2 is not an active value of the companyType picklist.')
		);
		expect(await call('PATCH', 'Companies', { id: companyId, companyType: 99 })).toMatchObject({ status: 500 });
	});

	it('refuses references to deleted or inactive records in Autotask’s words', async () => {
		const [codeId] = sim.control.seed('BillingCodes', [buildBillingCode()]);
		const product = { ...buildProduct(), productBillingCodeID: codeId };
		expect(await call('POST', 'Products', product)).toMatchObject({
			status: 200,
			body: { itemId: expect.any(Number) }
		});
		sim.control.deactivate('BillingCodes', codeId!);
		expect(await call('POST', 'Products', product)).toMatchObject(rejected('BillingCode does not exist or is invalid'));
		expect(await call('POST', 'Products', { ...product, productBillingCodeID: 424242 })).toMatchObject(
			rejected('BillingCode does not exist or is invalid')
		);
		sim.control.remove('Companies', companyId);
		expect(await call('POST', `Companies/${companyId}/Contacts`, buildContact())).toMatchObject(
			rejected('Company does not exist or is invalid')
		);
	});

	it('refuses the API user as an owner', async () => {
		const [apiUser] = sim.control.seed('Resources', [buildResource({ userName: AUTH.UserName })]);
		expect(await call('PATCH', 'Companies', { id: companyId, ownerResourceID: apiUser })).toMatchObject(
			rejected('An API-only user cannot be the owner or assignee of a record.')
		);
	});

	it('checks the contact belongs to the company on opportunities and quotes', async () => {
		const [other] = sim.control.seed('Companies', [buildCompany({ ownerResourceID: ownerId })]);
		const [stranger] = sim.control.seed('Contacts', [buildContact({ companyID: other })]);
		const [ours] = sim.control.seed('Contacts', [buildContact({ companyID: companyId })]);
		const opportunity = { ...buildOpportunity(), companyID: companyId, ownerResourceID: ownerId };
		expect(await call('POST', 'Opportunities', { ...opportunity, contactID: stranger })).toMatchObject(
			rejected('companyID is not associated with contactID')
		);
		const created = await call('POST', 'Opportunities', { ...opportunity, contactID: ours });
		expect(created.status).toBe(200);
		// A quote without a company takes its opportunity's.
		const [location] = sim.control.seed('QuoteLocations', [{ city: 'Springfield' }]);
		const quote = {
			name: 'Q',
			opportunityID: created.body.itemId,
			effectiveDate: '2026-11-01T00:00:00Z',
			expirationDate: '2026-12-01T00:00:00Z',
			billToLocationID: location,
			shipToLocationID: location,
			soldToLocationID: location
		};
		expect(await call('POST', 'Quotes', { ...quote, contactID: stranger })).toMatchObject(
			rejected('companyID is not associated with contactID')
		);
	});

	it('wants exactly one item field and one kind of discount on quote items', async () => {
		const [opportunityId] = sim.control.seed('Opportunities', [buildOpportunity({ companyID: companyId })]);
		const [quoteId] = sim.control.seed('Quotes', [{ name: 'Q', opportunityID: opportunityId }]);
		const item = {
			quoteItemType: 1,
			quantity: 1,
			isOptional: false,
			unitDiscount: 0,
			lineDiscount: 0,
			percentageDiscount: 0
		};
		expect(await call('POST', `Quotes/${quoteId}/Items`, item)).toMatchObject({
			status: 500,
			body: { errors: [expect.stringContaining('exactly one of productID')] }
		});
		expect(
			await call('POST', `Quotes/${quoteId}/Items`, { ...item, chargeID: 1, unitDiscount: 5, lineDiscount: 2 })
		).toMatchObject(rejected('A quote item may use only one kind of discount.'));
	});

	it('keeps billed ticket charges as they are', async () => {
		const [ticketId] = sim.control.seed('Tickets', [buildTicket()]);
		const [chargeId] = sim.control.seed('TicketCharges', [buildTicketCharge({ ticketID: ticketId, isBilled: true })]);
		expect(await call('PATCH', `Tickets/${ticketId}/Charges`, { id: chargeId, status: 6 })).toMatchObject(
			rejected('A billed ticket charge cannot be changed or deleted.')
		);
		expect(await call('DELETE', `Tickets/${ticketId}/Charges/${chargeId}`)).toMatchObject({ status: 500 });
	});

	it('wants children written through their parent, with a matching parent id', async () => {
		const contact = buildContact({ companyID: companyId });
		expect(await call('POST', 'Contacts', contact)).toMatchObject({ status: 405 });
		const [other] = sim.control.seed('Companies', [buildCompany({ ownerResourceID: ownerId })]);
		expect(await call('POST', `Companies/${other}/Contacts`, contact)).toMatchObject(
			rejected(`companyID does not match the Companies in the URL.`)
		);
		const created = await call('POST', `Companies/${companyId}/Contacts`, buildContact());
		expect(sim.control.record('Contacts', created.body.itemId)).toMatchObject({ companyID: companyId });
		expect(await call('PATCH', `Companies/${other}/Contacts`, { id: created.body.itemId, title: 'x' })).toMatchObject({
			status: 404
		});
	});

	it('refuses writes the entity does not allow', async () => {
		expect(await call('POST', 'BillingCodes', { name: 'x' })).toMatchObject({ status: 405 });
		expect(await call('POST', 'Resources', buildResource())).toMatchObject({ status: 405 });
	});

	it('answers 404 with the Autotask wording when the record to update is gone', async () => {
		sim.control.remove('Companies', companyId);
		expect(await call('PATCH', 'Companies', { id: companyId, city: 'x' })).toEqual({
			status: 404,
			body: { errors: ['Company does not exist or is invalid'] },
			headers: expect.anything()
		});
	});
});

describe('verbs a path does not take', () => {
	it('answers 405 naming the verbs the record path takes', async () => {
		const refused = await call('DELETE', `Companies/${companyId}`);
		expect([refused.status, refused.headers.get('Allow')]).toEqual([405, 'GET']);
	});

	it('names the write verbs of a child entity on its parent URL', async () => {
		const refused = await call('GET', `Companies/${companyId}/Contacts`);
		expect([refused.status, refused.headers.get('Allow')]).toEqual([405, 'POST, PATCH, PUT']);
	});

	it('names no verbs for writing a read-only entity', async () => {
		const refused = await call('POST', 'BillingCodes', { name: 'New code' });
		expect([refused.status, refused.headers.get('Allow')]).toEqual([405, '']);
	});
});

describe('control surface', () => {
	it('hands out the same ids in the same order every run', async () => {
		const ids = () => {
			const s = createAutotaskSimulator({ firstId: 500 });
			return [
				...s.control.seed('Companies', [buildCompany(), buildCompany()]),
				...s.control.seed('Products', [buildProduct()])
			];
		};
		expect(ids()).toEqual([500, 501, 502]);
		expect(ids()).toEqual(ids());
	});

	it('keeps ids unique after a record seeded with its own id', async () => {
		sim.control.seed('Companies', [buildCompany({ id: 5_000 })]);
		expect(sim.control.seed('Companies', [buildCompany()])).toEqual([5_001]);
	});

	it('hides removed records and shows deactivated ones as inactive', async () => {
		const [contactId] = sim.control.seed('Contacts', [buildContact({ companyID: companyId })]);
		sim.control.deactivate('Contacts', contactId!);
		expect((await call('GET', `Contacts/${contactId}`)).body.item.isActive).toBe(0);
		sim.control.remove('Contacts', contactId!);
		expect((await call('GET', `Contacts/${contactId}`)).status).toBe(404);
		const query = await call('POST', 'Contacts/query', { filter: [{ op: 'exist', field: 'id' }] });
		expect(query.body.items).toEqual([]);
		expect(() => sim.control.remove('Contacts', contactId!)).toThrow('no Contacts');
	});

	it('replaces a picklist, labels and all', async () => {
		sim.control.setPicklist('TicketCharges', 'status', [
			{ value: 10, label: 'Ordered' },
			{ value: 11, label: 'Received', isActive: false }
		]);
		const { body } = await call('GET', 'TicketCharges/entityInformation/fields');
		const status = body.fields.find((f: { name: string }) => f.name === 'status');
		expect(status.picklistValues.map((v: { label: string; isActive: boolean }) => [v.label, v.isActive])).toEqual([
			['Ordered', true],
			['Received', false]
		]);
	});

	it('counts every request it received, faulted ones included', async () => {
		sim.control.inject({ kind: 'errors', messages: ['no'], path: '/Companies/{id}' });
		await call('GET', `Companies/${companyId}`);
		await call('GET', `Companies/${companyId}`);
		await call('POST', 'Companies/query', { filter: [{ op: 'exist', field: 'id' }] });
		expect(sim.control.calls()).toEqual({ 'GET /Companies/{id}': 2, 'POST /Companies/query': 1 });
		expect(sim.control.callCount('GET /Companies/{id}')).toBe(2);
		expect(sim.control.thresholdCount()).toBe(2);
		sim.control.resetCalls();
		expect(sim.control.totalCalls()).toBe(0);
	});
});

describe('limits', () => {
	it('refuses a fourth concurrent request on one endpoint with 429', async () => {
		const waiting: (() => void)[] = [];
		const slow = createAutotaskSimulator({ sleep: () => new Promise((resolve) => waiting.push(resolve)) });
		const [id] = slow.control.seed('Companies', [buildCompany()]);
		slow.control.inject({ kind: 'delay', ms: 1, path: '/Companies/{id}', times: 4 });
		const get = () => slow.fetch(`${ZONE}/Companies/${id}`, { headers: AUTH });
		const inFlight = [get(), get(), get(), get()];
		await new Promise((resolve) => setTimeout(resolve, 10));
		waiting.splice(0).forEach((release) => release());
		const statuses = (await Promise.all(inFlight)).map((r) => r.status).sort();
		expect(statuses).toEqual([200, 200, 200, 429]);
		expect(slow.control.peakConcurrency()).toEqual({ Companies: 4 });
		// Another endpoint is not held up by this one.
		expect(
			(
				await slow.fetch(`${ZONE}/Products/query`, {
					method: 'POST',
					headers: AUTH,
					body: '{"filter":[{"op":"exist","field":"id"}]}'
				})
			).status
		).toBe(200);
	});

	it('reports the threshold it enforces', async () => {
		await call('GET', `Companies/${companyId}`);
		expect((await call('GET', 'ThresholdInformation')).body).toEqual({
			externalRequestThreshold: 10_000,
			requestThresholdTimeframe: 60,
			currentTimeframeRequestCount: 2
		});
	});
});

describe('mounting', () => {
	it('serves under a prefix of another app, with every URL it hands out under that prefix, and resets sockets there too', async () => {
		const mounted = createAutotaskSimulator({ basePath: '/sandbox/autotask' });
		const host = new Hono();
		host.get('/api/health', (c) => c.json({ ok: true }));
		host.all('/sandbox/autotask/*', (c) => mounted.app.fetch(c.req.raw, c.env as never));
		const server = await new Promise<Server>((resolve) => {
			const s = serve({ fetch: host.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s as Server));
		});
		try {
			const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
			const zone = await (
				await fetch(`${mounted.zoneLookupUrl(origin)}V1.0/ZoneInformation?user=${AUTH.UserName}`)
			).json();
			expect(zone.url).toBe(`${origin}/sandbox/autotask/webservices3/ATServicesRest/`);
			mounted.control.seed('Resources', [buildResource(), buildResource()]);
			const page = await (
				await fetch(`${zone.url}V1.0/Resources/query`, {
					method: 'POST',
					headers: AUTH,
					body: JSON.stringify({ MaxRecords: 1, filter: [{ op: 'exist', field: 'id' }] })
				})
			).json();
			expect(page.pageDetails.nextPageUrl).toMatch(new RegExp(`^${origin}/sandbox/autotask/webservices3/`));
			mounted.control.inject({ kind: 'connection_reset' });
			await expect(
				fetch(`${zone.url}V1.0/Resources/query`, { method: 'POST', headers: AUTH, body: '{}' })
			).rejects.toThrow('fetch failed');
			expect((await fetch(`${origin}/api/health`)).status).toBe(200);
		} finally {
			await new Promise<void>((resolve) => {
				server.close(() => resolve());
				server.closeAllConnections();
			});
		}
	});
});
