import { describe, expect, it } from 'vitest';
import { classifyResponse, inBodyFailure, unavailableReason } from './classify-response.ts';

const now = Date.parse('2026-12-06T12:00:00Z');
const classify = (status: number, body: string, headers: Record<string, string> = {}) =>
	classifyResponse(status, new Headers(headers), body, now);

describe('TD SYNNEX answers', () => {
	it('reads a well-formed 200 as a document', () => {
		expect(classify(200, '<priceResponse><customerNo>1</customerNo></priceResponse>')).toEqual({
			ok: true,
			document: { priceResponse: { customerNo: '1' } }
		});
	});

	it('treats a 5xx, or a maintenance page served with 200, as unavailable for now (retried)', () => {
		expect(classify(503, '<html>Down for maintenance</html>', { 'retry-after': '120' })).toEqual({
			ok: false,
			code: 'unavailable',
			message: 'TD SYNNEX is temporarily unavailable (maintenance or overload) (HTTP 503).',
			status: 503,
			retryAfterMs: 120_000
		});
		expect(classify(200, '<html><body>Scheduled maintenance until 02:00')).toMatchObject({
			code: 'unavailable',
			status: 200
		});
	});

	it('reads 401/403 as refused credentials and 429 as a rate limit', () => {
		expect(classify(401, '')).toMatchObject({ code: 'auth_failed', reason: 'credentials' });
		expect(classify(429, '', { 'retry-after': '5' })).toMatchObject({ code: 'rate_limited', retryAfterMs: 5000 });
	});

	it('names a 200 that is not XML', () => {
		expect(classify(200, 'hello')).toMatchObject({
			code: 'unexpected_response',
			message: expect.stringContaining('TD SYNNEX answered with a body that is not well-formed XML')
		});
	});
});

describe('error texts inside an answer', () => {
	it('points a customer number problem at the credentials, in the seed’s words', () => {
		expect(inBodyFailure('Invalid customer number: 999')).toEqual({
			ok: false,
			code: 'auth_failed',
			message: 'Invalid customer number',
			status: 200,
			detail: 'Invalid customer number: 999',
			reason: 'customer_number'
		});
	});

	it('reads a refused login, a maintenance window and a duplicate PO', () => {
		expect(inBodyFailure('Login failed: invalid user ID or password')).toMatchObject({
			code: 'auth_failed',
			reason: 'credentials',
			message: 'TD SYNNEX authentication error: please verify your credentials'
		});
		expect(inBodyFailure('The system is down for maintenance')).toMatchObject({ code: 'unavailable' });
		expect(inBodyFailure('DUPPLICATED INSERT.. ')).toMatchObject({ code: 'rejected', duplicate: true });
		expect(inBodyFailure('Ship-to state is required')).toEqual({
			ok: false,
			code: 'rejected',
			message: 'Ship-to state is required',
			status: 200,
			lines: [],
			duplicate: false
		});
	});

	it('tells out of stock from discontinued from an unknown SKU', () => {
		expect(unavailableReason('Out of stock at all warehouses')).toBe('out_of_stock');
		expect(unavailableReason('Item discontinued')).toBe('discontinued');
		expect(unavailableReason('SKU not found')).toBe('not_found');
		expect(unavailableReason('Credit hold')).toBeNull();
	});
});
