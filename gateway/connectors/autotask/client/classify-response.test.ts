import { describe, expect, it } from 'vitest';
import { classifyResponse } from './classify-response.ts';

const NOW = Date.UTC(2026, 10, 1, 9);
const headers = (h: Record<string, string> = {}) => new Headers(h);
const errors = (...messages: string[]) => JSON.stringify({ errors: messages });
const classify = (status: number, body: string, h?: Record<string, string>) =>
	classifyResponse(status, headers(h), body, NOW);
const AUTH = 'Autotask authentication error: please verify your credentials';

describe('classifyResponse', () => {
	it('parses a 2xx body, and an empty one as null', () => {
		expect(classify(200, '{"itemId":4}')).toEqual({ ok: true, body: { itemId: 4 } });
		expect(classify(204, '')).toEqual({ ok: true, body: null });
	});

	it('does not trust a 2xx that is not JSON', () => {
		expect(classify(200, '<html>')).toMatchObject({ ok: false, code: 'unexpected_response', status: 200 });
	});

	it('maps 401 to the authentication error, with or without a body', () => {
		expect(classify(401, '')).toEqual({ ok: false, code: 'auth_failed', message: AUTH, status: 401, detail: null });
		expect(classify(401, errors('Unauthorized'))).toMatchObject({ code: 'auth_failed', detail: 'Unauthorized' });
	});

	it('maps the 500s Autotask gives for a wrong user or integration code to the authentication error', () => {
		for (const text of [
			'IntegrationCode is invalid',
			'Zone information could not be determined',
			'UserName is invalid'
		]) {
			expect(classify(500, errors(text))).toEqual({
				ok: false,
				code: 'auth_failed',
				message: AUTH,
				status: 500,
				detail: text
			});
		}
	});

	it('passes a rule violation through verbatim', () => {
		expect(classify(500, errors('BillingCode does not exist or is invalid'))).toEqual({
			ok: false,
			code: 'rejected',
			message: 'BillingCode does not exist or is invalid',
			errors: ['BillingCode does not exist or is invalid'],
			status: 500
		});
	});

	it('joins several errors, and reads errors given as objects', () => {
		expect(
			classify(500, JSON.stringify({ errors: ['A is wrong.', { message: 'B is wrong.', field: 'b' }] }))
		).toMatchObject({
			code: 'rejected',
			message: 'A is wrong.; B is wrong.',
			errors: ['A is wrong.', 'B is wrong.']
		});
	});

	it('maps 429 to a rate limit with Retry-After in milliseconds', () => {
		expect(classify(429, '', { 'Retry-After': '12' })).toEqual({
			ok: false,
			code: 'rate_limited',
			message: 'Autotask API rate limit exceeded; retry in 12 s.',
			retryAfterMs: 12_000,
			status: 429
		});
		expect(classify(429, '')).toMatchObject({
			code: 'rate_limited',
			retryAfterMs: null,
			message: 'Autotask API rate limit exceeded.'
		});
	});

	it('treats a 5xx about the threshold or thread limit as a rate limit', () => {
		expect(classify(500, errors('The request threshold of 10000 requests per 60 minutes was exceeded.'))).toMatchObject(
			{
				code: 'rate_limited'
			}
		);
		expect(classify(503, errors('Thread limit reached for this endpoint'))).toMatchObject({ code: 'rate_limited' });
		// A 4xx that merely mentions a threshold is still the caller's problem.
		expect(classify(400, errors('threshold must be positive'))).toMatchObject({ code: 'rejected' });
	});

	it('maps a bare 404 to not_found', () => {
		expect(classify(404, '{"item":null}')).toMatchObject({ code: 'not_found', status: 404 });
	});

	it('calls anything else unexpected, with its status', () => {
		expect(classify(502, '<html>Bad gateway</html>')).toMatchObject({ code: 'unexpected_response', status: 502 });
		expect(classify(500, '{"message":"boom"}')).toMatchObject({ code: 'unexpected_response', status: 500 });
		expect(classify(500, errors('  '))).toMatchObject({ code: 'unexpected_response' });
	});
});
