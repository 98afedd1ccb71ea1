// Every failure the job runner must handle, played by the simulator and read through the client over
// real loopback HTTP: the value it becomes, and that the client never retries on its own.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildCompany } from '../simulator/seed-builders.ts';
import { CONNECTWISE_MESSAGES } from './failures.ts';
import { seedTenant, startSandbox, type Sandbox, type Tenant } from '../test/client-sandbox.ts';

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
	message: 'ConnectWise authentication error: please verify your credentials'
};

describe('authentication', () => {
	it('maps a 401 fault and a wrong private key to the seeds’ text', async () => {
		sb.control.inject({ kind: 'unauthorized', path: '/company/companies/{id}' });
		expect(await sb.client.get('companies', tenant.companyId)).toEqual({ ...AUTH, status: 401 });
		const wrong = sb.newClient({ credentials: { ...sb.credentials, privateKey: 'revoked' } });
		expect(await wrong.systemInfo()).toEqual({ ...AUTH, status: 401 });
	});

	it('refuses a call without the clientId', async () => {
		const client = sb.newClient({
			fetch: (input, init) => {
				const headers = new Headers(init.headers);
				headers.delete('clientId');
				return fetch(input, { ...init, headers });
			}
		});
		expect(await client.systemInfo()).toMatchObject(AUTH);
	});

	it('fails discovery for an unknown company id before any API call', async () => {
		const client = sb.newClient({ credentials: { ...sb.credentials, companyId: 'nobody' } });
		expect(await client.systemInfo()).toMatchObject({ ok: false, code: 'not_found' });
		expect(Object.keys(sb.control.calls())).toEqual(['GET /login/companyinfo/{id}']);
	});
});

describe('rate limits', () => {
	it('is rate_limited with the seeds’ text and Retry-After in ms, and is not retried', async () => {
		sb.control.inject({ kind: 'rate_limited', retryAfterSeconds: 30, path: '/company/companies/{id}' });
		expect(await sb.client.get('companies', tenant.companyId)).toEqual({
			ok: false,
			code: 'rate_limited',
			message: CONNECTWISE_MESSAGES.rateLimited,
			retryAfterMs: 30_000,
			status: 429
		});
		expect(CONNECTWISE_MESSAGES.rateLimited).toBe('ConnectWise API rate limit exceeded');
		expect(sb.control.totalCalls()).toBe(2);
	});

	it('has a null retryAfterMs when ConnectWise sends no Retry-After', async () => {
		sb.control.inject({ kind: 'rate_limited', retryAfterSeconds: null });
		expect(await sb.client.systemInfo()).toMatchObject({ code: 'rate_limited', retryAfterMs: null });
	});
});

describe('errors ConnectWise words', () => {
	it('passes a duplicate identifier through in ConnectWise’s words', async () => {
		const result = await sb.client.create('companies', buildCompany({ identifier: 'acmecorp' }) as never);
		expect(result).toEqual({
			ok: false,
			code: 'rejected',
			message: 'Company ID already in use.',
			cwCode: 'InvalidObject',
			errors: [{ code: 'ObjectExists', message: 'Company ID already in use.', field: 'identifier' }],
			status: 400
		});
		expect(sb.control.records('companies')).toHaveLength(1);
	});

	it('maps injected 400 and 500 bodies', async () => {
		sb.control.inject(
			{
				kind: 'error',
				message: 'configuration object is invalid',
				errors: [{ code: 'MissingRequiredField', message: 'id or deviceIdentifier is required.' }]
			},
			{ kind: 'error', status: 500, code: 'UnexpectedServerError', message: 'An unexpected server error occurred.' }
		);
		expect(await sb.client.systemInfo()).toMatchObject({
			code: 'rejected',
			message: 'id or deviceIdentifier is required.'
		});
		expect(await sb.client.systemInfo()).toEqual({
			ok: false,
			code: 'server_error',
			message: 'An unexpected server error occurred.',
			status: 500
		});
	});

	it('reads an unknown id as null, and a delete of one as not_found', async () => {
		expect(await sb.client.get('companies', 424242)).toEqual({ ok: true, value: null });
		expect(await sb.client.remove('companies', 424242)).toMatchObject({
			ok: false,
			code: 'not_found',
			message: 'Company with id 424242 was not found.'
		});
	});
});

describe('the network', () => {
	it('is connection_reset when the socket is destroyed, and writes nothing twice', async () => {
		sb.control.inject({ kind: 'connection_reset', method: 'POST', path: '/company/companies' });
		const result = await sb.client.create('companies', { identifier: 'Initech', name: 'Initech' });
		expect(result).toMatchObject({
			ok: false,
			code: 'connection_reset',
			message: CONNECTWISE_MESSAGES.connectionReset
		});
		expect(sb.control.callCount('POST /company/companies')).toBe(1);
		expect(sb.control.records('companies')).toHaveLength(1);
	});

	it('times out a slow answer', async () => {
		sb.control.inject({ kind: 'delay', ms: 300 });
		const client = sb.newClient({ timeoutMs: 50, codebase: 'v2025_1/' });
		expect(await client.systemInfo()).toEqual({
			ok: false,
			code: 'timeout',
			message: 'ConnectWise did not answer within 50 ms.'
		});
	});
});
