// Every way a HaloPSA call fails, over real loopback HTTP: refused credentials, expiring and revoked
// tokens (one fresh token on a 401, never more), resets, timeouts, rate limits and Halo's error bodies.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedTenant, startSandbox, unwrap, type Sandbox, type Tenant } from '../test/client-sandbox.ts';

let sb: Sandbox;
let tenant: Tenant;
let now: number;
const clock = { now: () => now };

beforeEach(async () => {
	now = Date.parse('2026-11-21T10:00:00Z');
	sb = await startSandbox({ simulator: { clock, tokenLifetimeSeconds: 3600 }, client: { clock } });
	tenant = seedTenant(sb.control);
});
afterEach(() => sb.close());

const AUTH_FAILED = {
	ok: false,
	code: 'auth_failed',
	message: 'HaloPSA authentication error: please verify your credentials'
};

describe('credentials and tokens', () => {
	it('answers auth_failed with the seeds text when the token endpoint refuses the secret', async () => {
		const client = sb.newClient({ credentials: { ...sb.credentials, clientSecret: 'wrong' } });
		const result = await client.get('Client', tenant.clientId);
		expect(result).toMatchObject({ ...AUTH_FAILED, status: 400, detail: 'invalid_client' });
		expect(sb.control.calls()).toEqual({ 'POST /auth/token': 1 });
	});

	it('answers auth_failed for an unknown tenant', async () => {
		const client = sb.newClient({ credentials: { ...sb.credentials, tenant: 'someone-else' } });
		expect(await client.me()).toMatchObject(AUTH_FAILED);
	});

	it('renews the token shortly before it expires, not after', async () => {
		unwrap(await sb.client.me());
		now += 3600_000 - 61_000;
		unwrap(await sb.client.me());
		expect(sb.control.callCount('POST /auth/token')).toBe(1);
		now += 2_000; // inside the minute before expiry
		unwrap(await sb.client.me());
		expect(sb.control.callCount('POST /auth/token')).toBe(2);
		expect(sb.control.callCount('GET /Agent/me')).toBe(3);
	});

	it('gets one fresh token when Halo stops accepting the current one early, and retries once', async () => {
		unwrap(await sb.client.me());
		sb.control.expireTokens();
		unwrap(await sb.client.get('Client', tenant.clientId));
		expect(sb.control.calls()).toEqual({ 'POST /auth/token': 2, 'GET /Agent/me': 1, 'GET /Client/{id}': 2 });
		expect(sb.control.requests().map((r) => r.status)).toEqual([200, 200, 401, 200, 200]);
	});

	it('gives up with auth_failed when the fresh token is refused too, after exactly one retry', async () => {
		sb.control.inject({ kind: 'unauthorized', path: '/Client/{id}', times: 2 });
		const result = await sb.client.get('Client', tenant.clientId);
		expect(result).toMatchObject(AUTH_FAILED);
		expect(sb.control.calls()).toEqual({ 'POST /auth/token': 2, 'GET /Client/{id}': 2 });
	});
});

describe('transport failures', () => {
	it('answers connection_reset when the socket is destroyed, and does not retry', async () => {
		unwrap(await sb.client.me());
		sb.control.inject({ kind: 'connection_reset', path: '/Client/{id}' });
		const result = await sb.client.get('Client', tenant.clientId);
		expect(result).toMatchObject({
			ok: false,
			code: 'connection_reset',
			message: 'The connection to HaloPSA was reset.'
		});
		expect(sb.control.callCount('GET /Client/{id}')).toBe(1);
	});

	it('answers connection_reset when the token request is reset', async () => {
		sb.control.inject({ kind: 'connection_reset', path: '/auth/token' });
		expect(await sb.client.me()).toMatchObject({ ok: false, code: 'connection_reset' });
		unwrap(await sb.client.me());
	});

	it('answers timeout when Halo is slower than the limit', async () => {
		// Long enough that the token request answers in time on a loaded machine.
		const client = sb.newClient({ timeoutMs: 500 });
		unwrap(await client.me());
		sb.control.inject({ kind: 'delay', ms: 2_000, path: '/Client/{id}' });
		expect(await client.get('Client', tenant.clientId)).toEqual({
			ok: false,
			code: 'timeout',
			message: 'HaloPSA did not answer within 500 ms.'
		});
	});
});

describe('answers Halo refuses', () => {
	it('answers rate_limited with Halo text and retryAfterMs from Retry-After', async () => {
		sb.control.inject({ kind: 'rate_limited', retryAfterSeconds: 7, path: '/Item' });
		expect(await sb.client.list('Item')).toEqual({
			ok: false,
			code: 'rate_limited',
			message: 'Rate Limit Reached - 300 Requests per rolling 5 minute window',
			retryAfterMs: 7000,
			status: 429
		});
	});

	it('answers rate_limited with a null retryAfterMs when Halo sends no Retry-After', async () => {
		sb.control.inject({ kind: 'rate_limited', retryAfterSeconds: null });
		expect(await sb.client.me()).toMatchObject({ ok: false, code: 'rate_limited', retryAfterMs: null });
	});

	it('limits a rolling window of requests like hosted Halo', async () => {
		await sb.close();
		sb = await startSandbox({ simulator: { clock, rateLimit: { requests: 2, windowMs: 300_000 } }, client: { clock } });
		unwrap(await sb.client.me());
		unwrap(await sb.client.me());
		expect(await sb.client.me()).toMatchObject({ code: 'rate_limited', retryAfterMs: 300_000 });
		now += 300_001;
		unwrap(await sb.client.me());
	});

	it('answers rejected with the 400 model-state text verbatim', async () => {
		sb.control.inject({ kind: 'error', status: 400, body: { '[0].name': 'Name is too long' }, path: '/Item' });
		expect(await sb.client.create('Item', { name: 'x' })).toEqual({
			ok: false,
			code: 'rejected',
			message: 'Name is too long',
			errors: ['Name is too long'],
			fieldErrors: [{ path: '[0].name', message: 'Name is too long' }],
			status: 400
		});
	});

	it('answers rejected with the Message of a 500', async () => {
		sb.control.inject({
			kind: 'error',
			status: 500,
			body: { ClassName: 'System.Exception', Message: 'Quote is locked' }
		});
		expect(await sb.client.me()).toMatchObject({
			ok: false,
			code: 'rejected',
			message: 'Quote is locked',
			status: 500
		});
	});

	it('answers unexpected_response for an error without any text', async () => {
		sb.control.inject({ kind: 'error', status: 502, body: {} });
		expect(await sb.client.me()).toMatchObject({ ok: false, code: 'unexpected_response', status: 502 });
	});

	it('answers unexpected_response for a list without its records', async () => {
		sb.control.inject({ kind: 'error', status: 200, body: { record_count: 1, rows: [] }, path: '/Client' });
		expect(await sb.client.list('Client')).toMatchObject({ ok: false, code: 'unexpected_response' });
	});
});
