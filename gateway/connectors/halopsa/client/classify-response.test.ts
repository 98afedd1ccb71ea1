// Classification of HaloPSA answers (pure): every error body shape §3.7 lists, statuses and Retry-After.

import { describe, expect, it } from 'vitest';
import { classifyResponse, errorTexts } from './classify-response.ts';

const NOW = Date.parse('2026-11-21T10:00:00Z');
const classify = (status: number, body: unknown, headers: Record<string, string> = {}) =>
	classifyResponse(status, new Headers(headers), typeof body === 'string' ? body : JSON.stringify(body), NOW);

describe('errorTexts', () => {
	it.each([
		[{ '[0].id': 'Invalid id' }, ['Invalid id']],
		[{ id: ['Required', 'Must be positive'] }, ['Required', 'Must be positive']],
		[
			{ errors: { '[1].client_id': ['Client not found'] }, title: 'One or more validation errors occurred.' },
			['Client not found']
		],
		[{ resultCode: 3, errorMessage: 'Quote is closed' }, ['Quote is closed']],
		[{ ClassName: 'System.Exception', Message: 'Object reference not set' }, ['Object reference not set']],
		[{ Message: 'An error has occurred.' }, ['An error has occurred.']],
		[{ error: 'invalid_client' }, ['invalid_client']],
		[{ error: 'invalid_client', error_description: 'Client secret is wrong' }, ['Client secret is wrong']],
		['Rate Limit Reached', ['Rate Limit Reached']],
		[{ record_count: 3 }, []],
		[null, []]
	])('reads %j', (body, texts) => {
		expect(errorTexts(body)).toEqual(texts);
	});
});

describe('classifyResponse', () => {
	it('keeps the property path of each model-state text, so a refused line can be told apart', () => {
		const body = { '[0].lines[1].item_id': 'Item 7 does not exist.', '[0].lines[3].quantity': ['Too many', 'Odd'] };
		expect(classify(400, body)).toEqual({
			ok: false,
			code: 'rejected',
			message: 'Item 7 does not exist.; Too many; Odd',
			errors: ['Item 7 does not exist.', 'Too many', 'Odd'],
			fieldErrors: [
				{ path: '[0].lines[1].item_id', message: 'Item 7 does not exist.' },
				{ path: '[0].lines[3].quantity', message: 'Too many' },
				{ path: '[0].lines[3].quantity', message: 'Odd' }
			],
			status: 400
		});
		expect(classify(400, { Message: 'Quote is locked' })).not.toHaveProperty('fieldErrors');
	});

	it('passes a 2xx JSON body through, and an empty one as null', () => {
		expect(classify(200, { id: 1 })).toEqual({ ok: true, body: { id: 1 } });
		expect(classify(200, '')).toEqual({ ok: true, body: null });
		expect(classify(200, '<html>')).toMatchObject({ ok: false, code: 'unexpected_response' });
	});

	it('maps 401 to auth_failed, 404 to not_found and 403 to a permission rejection', () => {
		expect(classify(401, '')).toMatchObject({ code: 'auth_failed', detail: null });
		expect(classify(404, '')).toMatchObject({ code: 'not_found', message: 'HaloPSA has no such record.' });
		expect(classify(403, '')).toMatchObject({ code: 'rejected', status: 403 });
		expect(classify(403, { Message: 'No access to quotes' })).toMatchObject({ message: 'No access to quotes' });
	});

	it('keeps a plain-text error but not an HTML error page', () => {
		expect(classify(500, 'Database is busy')).toMatchObject({ code: 'rejected', message: 'Database is busy' });
		expect(classify(500, '<html><body>Bad gateway</body></html>')).toMatchObject({ code: 'unexpected_response' });
	});

	it('reads Retry-After as seconds or as a date', () => {
		expect(classify(429, '', { 'Retry-After': '12' })).toMatchObject({ code: 'rate_limited', retryAfterMs: 12_000 });
		expect(classify(429, '')).toMatchObject({ message: 'HaloPSA API rate limit exceeded.', retryAfterMs: null });
	});
});
