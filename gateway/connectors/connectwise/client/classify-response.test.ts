import { describe, expect, it } from 'vitest';
import { classifyResponse } from './classify-response.ts';

const NOW = Date.parse('2026-11-21T12:00:00Z');
const classify = (status: number, body: unknown, headers: Record<string, string> = {}) =>
	classifyResponse(status, new Headers(headers), typeof body === 'string' ? body : JSON.stringify(body), NOW);

describe('classifyResponse', () => {
	it('answers 2xx bodies, and 204 as null', () => {
		expect(classify(200, [{ id: 1 }])).toMatchObject({ ok: true, body: [{ id: 1 }] });
		expect(classify(204, '')).toMatchObject({ ok: true, body: null });
		expect(classify(200, '<html>')).toMatchObject({ ok: false, code: 'unexpected_response' });
	});

	it('prefers the validation errors’ own words over the top-level message', () => {
		const body = {
			code: 'InvalidObject',
			message: 'company object is invalid',
			errors: [{ code: 'ObjectExists', message: 'Company ID already in use.', field: 'identifier' }]
		};
		expect(classify(400, body)).toMatchObject({ code: 'rejected', message: 'Company ID already in use.' });
		expect(classify(403, { code: 'Security', message: 'SSL is required.', errors: null })).toMatchObject({
			code: 'rejected',
			cwCode: 'Security',
			message: 'SSL is required.',
			errors: []
		});
	});

	it('maps 401 whatever its body, and 429 with the documented body', () => {
		expect(classify(401, '')).toMatchObject({ code: 'auth_failed' });
		const throttled = { error: 'ConnectWiseAPI', message: 'Too many requests. Please try again in 30 seconds.' };
		expect(classify(429, throttled, { 'Retry-After': '30' })).toMatchObject({
			code: 'rate_limited',
			message: 'ConnectWise API rate limit exceeded',
			retryAfterMs: 30_000
		});
		expect(classify(429, '<html>Cloudflare</html>')).toMatchObject({ code: 'rate_limited', retryAfterMs: null });
	});

	it('maps 404 to not_found and 5xx to server_error, with ConnectWise’s words when sent', () => {
		expect(classify(404, '')).toMatchObject({ code: 'not_found', message: 'ConnectWise has no such record.' });
		expect(classify(404, { code: 'NotFound', message: 'Company with id 9 was not found.' })).toMatchObject({
			code: 'not_found',
			message: 'Company with id 9 was not found.'
		});
		expect(classify(502, '')).toMatchObject({ code: 'server_error', message: 'ConnectWise answered HTTP 502.' });
		expect(classify(418, {})).toMatchObject({ code: 'unexpected_response' });
	});
});
