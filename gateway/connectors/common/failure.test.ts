import { describe, expect, it } from 'vitest';
import { failureMapper, type ClientFailure } from './failure.ts';

const { toPsaFailure, lift } = failureMapper<ClientFailure>({ rate_limited: 'Slow down, says the system' });

describe('the one failure mapper', () => {
	it('retries a reset connection and a timeout as transient, in the client’s words', () => {
		expect(toPsaFailure({ ok: false, code: 'connection_reset', message: 'reset' })).toEqual({
			ok: false,
			kind: 'transient',
			message: 'reset',
			health: 'unreachable'
		});
		expect(toPsaFailure({ ok: false, code: 'timeout', message: 'slow' }).kind).toBe('transient');
	});

	it('retries a system down for maintenance as transient, keeping its Retry-After', () => {
		expect(toPsaFailure({ ok: false, code: 'unavailable', message: 'down', retryAfterMs: 60_000 })).toEqual({
			ok: false,
			kind: 'transient',
			health: 'server_error',
			message: 'down',
			retryAfterMs: 60_000
		});
	});

	it('waits on a 429 for at least the Retry-After, in the system’s fixed words', () => {
		expect(toPsaFailure({ ok: false, code: 'rate_limited', message: '429', retryAfterMs: 7000 })).toEqual({
			ok: false,
			kind: 'rate_limited',
			message: 'Slow down, says the system',
			retryAfterMs: 7000
		});
	});

	it('points refused credentials at the credentials fix', () => {
		expect(toPsaFailure({ ok: false, code: 'auth_failed', message: 'Who are you?' })).toEqual({
			ok: false,
			kind: 'permanent',
			message: 'Who are you?',
			rootCause: { kind: 'credentials' },
			health: 'auth_failed'
		});
	});

	it('says what a failure tells of the system’s health: a 5xx it did not explain, not a rule it quoted', () => {
		const health = (failure: ClientFailure & { status?: number }) => toPsaFailure(failure).health;
		expect(health({ ok: false, code: 'server_error', message: 'Boom' })).toBe('server_error');
		expect(health({ ok: false, code: 'unexpected_response', message: 'HTTP 503', status: 503 })).toBe('server_error');
		expect(health({ ok: false, code: 'unexpected_response', message: 'HTTP 418', status: 418 })).toBeUndefined();
		expect(health({ ok: false, code: 'rejected', message: 'BillingCode does not exist', status: 500 })).toBeUndefined();
		expect(health({ ok: false, code: 'timeout', message: 'slow' })).toBe('unreachable');
	});

	it('keeps the system’s own text for a refusal, with the root cause the caller knows', () => {
		const rejected = { ok: false, code: 'rejected', message: 'BillingCode does not exist' } as const;
		expect(toPsaFailure(rejected, { kind: 'categoryBillingCode', categoryId: 'c1' })).toEqual({
			ok: false,
			kind: 'permanent',
			message: 'BillingCode does not exist',
			rootCause: { kind: 'categoryBillingCode', categoryId: 'c1' }
		});
		expect(toPsaFailure({ ok: false, code: 'not_found', message: 'gone' })).toEqual({
			ok: false,
			kind: 'permanent',
			message: 'gone'
		});
	});

	it('lifts a client result into an adapter result', () => {
		expect(lift({ ok: true, value: 3 })).toEqual({ ok: true, value: 3 });
		expect(lift({ ok: false, code: 'timeout', message: 'slow' })).toMatchObject({ ok: false, kind: 'transient' });
	});
});
