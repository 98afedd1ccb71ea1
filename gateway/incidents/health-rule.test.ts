import { describe, expect, it } from 'vitest';
import { decideHealth, decideQuiet, DEFAULT_THRESHOLDS, type Measured, type Outcome } from './health-rule.ts';

const NOW = 1_000_000_000;
/** Outcomes one second apart, the last at NOW. */
const calls = (...outcomes: Outcome[]): Measured[] =>
	outcomes.map((outcome, i) => ({ outcome, at: NOW - (outcomes.length - 1 - i) * 1_000 }));
const times = (n: number, outcome: Outcome): Outcome[] => Array.from({ length: n }, () => outcome);

describe('decideHealth', () => {
	it('opens an authentication incident after three refusals in a row', () => {
		expect(decideHealth(calls('ok', ...times(3, 'auth_failed')), null, NOW)).toEqual({
			action: 'open',
			kind: 'auth',
			cause: '3 calls in a row were refused for their credentials (HTTP 401).'
		});
	});

	it('does not open on two refusals, nor on three broken by a success', () => {
		expect(decideHealth(calls(...times(2, 'auth_failed')), null, NOW)).toEqual({ action: 'none' });
		expect(decideHealth(calls('auth_failed', 'auth_failed', 'ok', 'auth_failed'), null, NOW)).toEqual({
			action: 'none'
		});
	});

	it('opens an error incident after five server errors or unanswered calls in a row', () => {
		const decision = decideHealth(calls('server_error', 'unreachable', ...times(3, 'server_error')), null, NOW);
		expect(decision).toEqual({
			action: 'open',
			kind: 'errors',
			cause: '5 calls in a row failed with a server error or no answer.'
		});
	});

	it('opens on an error rate of half the window’s calls once there are ten', () => {
		const mixed = calls(
			'ok',
			'server_error',
			'ok',
			'server_error',
			'ok',
			'server_error',
			'ok',
			'server_error',
			'ok',
			'server_error'
		);
		expect(decideHealth(mixed, null, NOW)).toEqual({
			action: 'open',
			kind: 'errors',
			cause: '5 of the last 10 calls failed within 10 minutes.'
		});
		expect(decideHealth(mixed.slice(1), null, NOW)).toEqual({ action: 'none' });
	});

	it('forgets outcomes older than the window', () => {
		const old = times(3, 'auth_failed').map((outcome, i) => ({ outcome, at: NOW - DEFAULT_THRESHOLDS.windowMs - i }));
		expect(decideHealth(old, null, NOW)).toEqual({ action: 'none' });
	});

	it('closes an open incident after two successes in a row, not after one', () => {
		expect(decideHealth(calls(...times(3, 'auth_failed'), 'ok'), 'auth', NOW)).toEqual({ action: 'none' });
		expect(decideHealth(calls(...times(3, 'auth_failed'), 'ok', 'ok'), 'auth', NOW)).toEqual({
			action: 'close',
			cause: 'Recovered: 2 successful calls in a row.'
		});
	});

	it('keeps an open incident of the same kind as it is and updates one whose reason changed', () => {
		expect(decideHealth(calls(...times(4, 'auth_failed')), 'auth', NOW)).toEqual({ action: 'none' });
		expect(decideHealth(calls(...times(5, 'server_error')), 'auth', NOW)).toMatchObject({
			action: 'update',
			kind: 'errors'
		});
	});

	it('takes thresholds as given', () => {
		const strict = { ...DEFAULT_THRESHOLDS, authBurst: 1 };
		expect(decideHealth(calls('auth_failed'), null, NOW, strict)).toMatchObject({ action: 'open', kind: 'auth' });
	});
});

describe('decideQuiet', () => {
	it('is quiet once the window holds no failure', () => {
		expect(decideQuiet([{ at: NOW - DEFAULT_THRESHOLDS.windowMs, outcome: 'server_error' }], NOW)).toBe(true);
		expect(decideQuiet(calls('server_error'), NOW)).toBe(false);
	});
});
