// Every failure the job runner must handle, reproduced in the simulator and read through the client
// over real loopback HTTP: the value it becomes, and that nothing was written twice.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildCompany, buildContact, buildOpportunity, buildProduct } from '../simulator/seed-builders.ts';
import { AUTOTASK_MESSAGES } from './failures.ts';
import { seedTenant, startSandbox, unwrap, type Sandbox, type Tenant } from '../test/client-sandbox.ts';

let sb: Sandbox;
let tenant: Tenant;

beforeEach(async () => {
	sb = await startSandbox();
	tenant = seedTenant(sb.control);
});
afterEach(() => sb.close());

const AUTH = {
	ok: false,
	code: 'auth_failed',
	message: 'Autotask authentication error: please verify your credentials'
};

describe('authentication', () => {
	it('maps a 401 to the seeds’ authentication error', async () => {
		sb.control.inject({ kind: 'unauthorized', path: '/Companies/{id}' });
		expect(await sb.client.get('Companies', tenant.companyId)).toMatchObject({ ...AUTH, status: 401 });
	});

	it('maps a wrong secret (401) the same way', async () => {
		const client = sb.newClient({ credentials: { ...sb.control.credentials, secret: 'expired' } });
		expect(await client.get('Companies', tenant.companyId)).toMatchObject({ ...AUTH, status: 401 });
	});

	it('maps a wrong integration code, which Autotask answers with a 500', async () => {
		const client = sb.newClient({ credentials: { ...sb.control.credentials, apiIntegrationCode: 'WRONG' } });
		expect(await client.get('Companies', tenant.companyId)).toMatchObject({
			...AUTH,
			status: 500,
			detail: 'IntegrationCode is invalid'
		});
	});

	it('maps an unknown API user, whose zone cannot be determined', async () => {
		const client = sb.newClient({ credentials: { ...sb.control.credentials, userName: 'nobody@example.com' } });
		expect(await client.zone()).toMatchObject({ ...AUTH, detail: 'Zone information could not be determined' });
		expect(sb.control.callCount('GET /ZoneInformation')).toBe(1);
		expect(sb.control.callCount('GET /Companies/{id}')).toBe(0);
	});
});

describe('rule violations pass Autotask’s words through', () => {
	it('rejects a product whose billing code is inactive', async () => {
		sb.control.deactivate('BillingCodes', tenant.billingCodeId);
		const result = await sb.client.create('Products', {
			...buildProduct(),
			productBillingCodeID: tenant.billingCodeId
		});
		expect(result).toEqual({
			ok: false,
			code: 'rejected',
			message: 'BillingCode does not exist or is invalid',
			errors: ['BillingCode does not exist or is invalid'],
			status: 500
		});
		expect(sb.control.records('Products')).toHaveLength(1);
	});

	it('rejects a quote line whose product’s billing code was deleted', async () => {
		const opportunityId = sb.control.seed('Opportunities', [
			buildOpportunity({ companyID: tenant.companyId, ownerResourceID: tenant.ownerId })
		])[0]!;
		const [quoteId] = sb.control.seed('Quotes', [{ name: 'Q', opportunityID: opportunityId }]);
		sb.control.remove('BillingCodes', tenant.billingCodeId);
		const result = await sb.client.create('QuoteItems', {
			quoteID: quoteId!,
			quoteItemType: 1,
			productID: tenant.productId,
			quantity: 1,
			isOptional: false,
			unitDiscount: 0,
			lineDiscount: 0,
			percentageDiscount: 0
		});
		expect(result).toMatchObject({ code: 'rejected', message: 'BillingCode does not exist or is invalid' });
		expect(sb.control.records('QuoteItems')).toEqual([]);
	});

	it('rejects an opportunity whose contact belongs to another company', async () => {
		const [otherCompany] = sb.control.seed('Companies', [buildCompany({ ownerResourceID: tenant.ownerId })]);
		const [stranger] = sb.control.seed('Contacts', [buildContact({ companyID: otherCompany })]);
		const result = await sb.client.create('Opportunities', {
			...buildOpportunity(),
			companyID: tenant.companyId,
			contactID: stranger!,
			ownerResourceID: tenant.ownerId
		});
		expect(result).toMatchObject({ code: 'rejected', message: 'companyID is not associated with contactID' });
		expect(sb.control.records('Opportunities')).toEqual([]);
	});

	it('passes an injected errors body through verbatim', async () => {
		sb.control.inject({ kind: 'errors', messages: ['Opportunity was closed by a workflow rule.'], path: '/Quotes' });
		expect(await sb.client.create('Quotes', { name: 'x' })).toMatchObject({
			code: 'rejected',
			message: 'Opportunity was closed by a workflow rule.'
		});
	});
});

describe('rate limits', () => {
	it('maps a 429 with its Retry-After', async () => {
		sb.control.inject({ kind: 'rate_limited', retryAfterSeconds: 7, path: '/Companies/query' });
		expect(await sb.client.queryAll('Companies')).toMatchObject({
			ok: false,
			code: 'rate_limited',
			retryAfterMs: 7000,
			status: 429
		});
	});

	it('maps an exceeded threshold and recovers once the rolling hour moves on', async () => {
		let now = Date.UTC(2026, 10, 1, 9);
		const local = await startSandbox({ simulator: { hourlyThreshold: 3, clock: { now: () => now } } });
		try {
			const [ownerId] = local.control.seed('Companies', [buildCompany()]);
			for (let n = 0; n < 3; n++) expect((await local.client.get('Companies', ownerId!)).ok).toBe(true);
			now += 10 * 60_000;
			const refused = await local.client.get('Companies', ownerId!);
			expect(refused).toMatchObject({ ok: false, code: 'rate_limited', retryAfterMs: 50 * 60_000, status: 500 });
			now += 50 * 60_000;
			expect((await local.client.get('Companies', ownerId!)).ok).toBe(true);
			// The zone lookup is exempt from the threshold (§1.8).
			expect(local.control.thresholdCount()).toBe(1);
		} finally {
			await local.close();
		}
	});

	it('maps an injected threshold answer', async () => {
		sb.control.inject({ kind: 'threshold_exceeded', path: /\/Products/ });
		expect(await sb.client.get('Products', tenant.productId)).toMatchObject({ code: 'rate_limited' });
	});
});

describe('connection resets and slow answers', () => {
	it('maps a reset socket to connection_reset, and the next call goes through', async () => {
		sb.control.inject({ kind: 'connection_reset', path: '/Companies/{id}/Contacts', times: 2 });
		const body = { companyID: tenant.companyId, firstName: 'Reset', lastName: 'Twice', isActive: 1 };
		for (let attempt = 0; attempt < 2; attempt++) {
			expect(await sb.client.create('Contacts', body)).toMatchObject({
				ok: false,
				code: 'connection_reset',
				message: AUTOTASK_MESSAGES.connectionReset,
				cause: 'ECONNRESET'
			});
		}
		expect((await sb.client.create('Contacts', body)).ok).toBe(true);
		// Three requests reached the simulator; the reset ones wrote nothing.
		expect(sb.control.callCount('POST /Companies/{id}/Contacts')).toBe(3);
		expect(sb.control.records('Contacts').filter((c) => c.lastName === 'Twice')).toHaveLength(1);
	});

	it('maps a reset in the in-process simulator the same way', async () => {
		const client = sb.newClient({ fetch: sb.sim.fetch, zoneLookupUrl: 'http://autotask.invalid/ATServicesRest/' });
		sb.control.inject({ kind: 'connection_reset', path: '/Products/{id}' });
		expect(await client.get('Products', tenant.productId)).toMatchObject({ code: 'connection_reset' });
		expect(await client.get('Products', tenant.productId)).toMatchObject({ ok: true });
	});

	it('gives up on an answer slower than the timeout', async () => {
		// The zone comes from a client without the short timeout: a first request to a new server on a busy
		// machine can take longer than 30 ms, and that is not what this test is about.
		const zone = unwrap(await sb.newClient().zone());
		const client = sb.newClient({ timeoutMs: 30, zoneUrl: zone.url });
		sb.control.inject({ kind: 'delay', ms: 300, path: '/Products/{id}' });
		expect(await client.get('Products', tenant.productId)).toMatchObject({ ok: false, code: 'timeout' });
	});

	it('answers normally after a delay shorter than the timeout', async () => {
		const waits: number[] = [];
		const local = await startSandbox({
			simulator: { sleep: async (ms) => void waits.push(ms) }
		});
		try {
			const [id] = local.control.seed('Companies', [buildCompany()]);
			local.control.inject({ kind: 'delay', ms: 2_500, path: '/Companies/{id}' });
			expect((await local.client.get('Companies', id!)).ok).toBe(true);
			expect(waits).toEqual([2_500]);
		} finally {
			await local.close();
		}
	});
});
