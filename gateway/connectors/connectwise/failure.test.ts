import { describe, expect, it } from 'vitest';
import { stopsTheRun, toPsaFailure } from './failure.ts';

describe('toPsaFailure', () => {
	it('sorts client failures into the runner’s kinds', () => {
		expect(toPsaFailure({ ok: false, code: 'connection_reset', message: 'reset', cause: 'ECONNRESET' })).toEqual({
			ok: false,
			kind: 'transient',
			message: 'reset',
			health: 'unreachable'
		});
		expect(toPsaFailure({ ok: false, code: 'timeout', message: 'slow' })).toMatchObject({ kind: 'transient' });
		expect(toPsaFailure({ ok: false, code: 'rate_limited', message: 'x', retryAfterMs: 5000, status: 429 })).toEqual({
			ok: false,
			kind: 'rate_limited',
			message: 'ConnectWise API rate limit exceeded',
			retryAfterMs: 5000
		});
		expect(toPsaFailure({ ok: false, code: 'auth_failed', message: 'x', status: 401 })).toMatchObject({
			kind: 'permanent',
			rootCause: { kind: 'credentials' }
		});
		expect(toPsaFailure({ ok: false, code: 'server_error', message: 'Boom', status: 500 })).toEqual({
			ok: false,
			kind: 'permanent',
			message: 'Boom',
			health: 'server_error'
		});
	});

	it('stops the run for anything but a plain rule violation', () => {
		expect(stopsTheRun({ ok: false, kind: 'permanent', message: 'x' })).toBe(false);
		expect(stopsTheRun({ ok: false, kind: 'transient', message: 'x' })).toBe(true);
		expect(stopsTheRun({ ok: false, kind: 'permanent', message: 'x', rootCause: { kind: 'credentials' } })).toBe(true);
	});
});
