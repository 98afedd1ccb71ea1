// Ingram's answers, hostile ones included, classified without a network (psa-apis.md §4.2-4.6).

import { describe, expect, it } from 'vitest';
import { classifyResponse, errorText } from './classify-response.ts';

const NOW = Date.parse('2026-03-02T09:00:00Z');
const headers = (values: Record<string, string> = {}) => new Headers(values);
const classify = (status: number, body: unknown, h: Record<string, string> = {}) =>
	classifyResponse(status, headers(h), typeof body === 'string' ? body : JSON.stringify(body), NOW);

describe('classifyResponse', () => {
	it('passes a 2xx JSON body through, and an empty one as null', () => {
		expect(classify(200, [{ index: 0 }])).toEqual({ ok: true, status: 200, body: [{ index: 0 }] });
		expect(classify(200, '')).toEqual({ ok: true, status: 200, body: null });
	});

	it('calls a 2xx that is not JSON an unexpected response', () => {
		expect(classify(200, '<html>hi</html>')).toMatchObject({ ok: false, code: 'unexpected_response', status: 200 });
	});

	it('finds Invalid customer number in a flat fault whatever the status', () => {
		const body = { faultcode: 'Server', faultstring: 'Invalid customer number. The customer number provided…' };
		for (const status of [400, 401, 500]) {
			expect(classify(status, body)).toMatchObject({ code: 'auth_failed', reason: 'customer_number', status });
		}
	});

	it('reads the 429 wait from X-RateLimit-Reset in epoch seconds, else Retry-After', () => {
		const reset = String(Math.floor(NOW / 1000) + 42);
		const body = { errors: [{ field: null, message: 'too many requests' }] };
		expect(classify(429, body, { 'X-RateLimit-Reset': reset })).toMatchObject({
			code: 'rate_limited',
			retryAfterMs: 42_000
		});
		expect(classify(429, body, { 'Retry-After': '7' })).toMatchObject({ retryAfterMs: 7_000 });
		expect(classify(429, body)).toMatchObject({ retryAfterMs: null, message: 'Ingram Micro API rate limit exceeded.' });
	});

	it('tells a maintenance 5xx from another one', () => {
		expect(classify(503, '')).toMatchObject({ code: 'server_error', maintenance: true });
		expect(classify(500, { fault: { faultstring: 'Scheduled maintenance in progress' } })).toMatchObject({
			maintenance: true
		});
		expect(classify(502, '<html>Bad gateway</html>')).toMatchObject({
			maintenance: false,
			message: expect.stringMatching(/\(HTTP 502\)$/)
		});
	});

	it('keeps a validation body verbatim with its fields', () => {
		const body = {
			traceid: 't',
			type: 'x',
			message: 'Validation failed',
			fields: [{ field: 'lines[0].quantity', message: 'must be positive', value: '0' }]
		};
		expect(classify(400, body)).toEqual({
			ok: false,
			code: 'rejected',
			reason: 'validation',
			message: 'Validation failed (lines[0].quantity: must be positive)',
			status: 400,
			fields: [{ field: 'lines[0].quantity', message: 'must be positive' }]
		});
	});

	it('does not take an HTML error page or an odd body for Ingram words', () => {
		expect(classify(418, '<html>' + 'x'.repeat(500) + '</html>')).toMatchObject({
			code: 'unexpected_response',
			status: 418
		});
		expect(classify(400, { fields: 'not a list' })).toMatchObject({ code: 'unexpected_response' });
		expect(errorText({ fault: { faultstring: 42 } })).toBeNull();
		expect(errorText(null)).toBeNull();
	});
});
