import { describe, expect, it } from 'vitest';
import {
	accountCounter,
	addressCounter,
	decideThrottle,
	mailRequestCounter,
	THROTTLE_RULES,
	type ThrottleRule
} from './sign-in-throttle.ts';

const MINUTE = 60_000;
const now = Date.UTC(2026, 10, 1, 9);
const account = THROTTLE_RULES.account;
const address = THROTTLE_RULES.address;
const ago = (...minutes: number[]) => minutes.map((m) => now - m * MINUTE);
const decide = (rule: ThrottleRule, attempts: number[]) => decideThrottle([{ rule, attempts }], now);

describe('THROTTLE_RULES', () => {
	it('allows 5 failures per account and 20 per address in 15 minutes', () => {
		expect(account).toEqual({ limit: 5, windowMs: 15 * MINUTE });
		expect(address).toEqual({ limit: 20, windowMs: 15 * MINUTE });
	});
});

describe('counters', () => {
	it('key an account by its normalised email, whether or not it exists', () => {
		expect(accountCounter('  Sales@Demo.Outpost.TEST ')).toEqual({
			key: 'account:sales@demo.outpost.test',
			rule: account
		});
	});
	it('key addresses per purpose, so reset requests do not use up sign-in attempts', () => {
		expect(addressCounter('203.0.113.9')).toEqual({ key: 'ip:203.0.113.9', rule: address });
		expect(mailRequestCounter('203.0.113.9')).toEqual({ key: 'mail-ip:203.0.113.9', rule: address });
	});
});

describe('decideThrottle', () => {
	it('lets attempts through while fewer than the limit failed in the window', () => {
		expect(decide(account, [])).toEqual({ ok: true });
		expect(decide(account, ago(1, 2, 3, 4))).toEqual({ ok: true });
		expect(decide(address, ago(...Array.from({ length: 19 }, (_, k) => k % 14)))).toEqual({ ok: true });
	});

	it('refuses the attempt after the limit, until the oldest counted failure ages out', () => {
		expect(decide(account, ago(4, 3, 2, 1, 0))).toEqual({ ok: false, retryAfterSeconds: 11 * 60 });
		expect(decide(account, ago(0, 0, 0, 0, 0))).toEqual({ ok: false, retryAfterSeconds: 15 * 60 });
	});

	it('ignores failures older than the window, and one exactly at its edge', () => {
		expect(decide(account, ago(15, 16, 60, 1, 2, 3, 4))).toEqual({ ok: true });
		expect(decide(account, ago(14.99, 1, 2, 3, 4)).ok).toBe(false);
	});

	it('with more failures than the limit, waits until enough have aged out', () => {
		// 7 failures: the 3 oldest must age out to get back under 5; the third oldest is 10 minutes old.
		expect(decide(account, ago(0, 1, 12, 2, 10, 3, 11))).toEqual({ ok: false, retryAfterSeconds: 5 * 60 });
	});

	it('does not care in which order the attempts come', () => {
		const attempts = ago(3, 0, 4, 1, 2);
		expect(decide(account, attempts)).toEqual(decide(account, [...attempts].reverse()));
	});

	it('rounds the wait up to whole seconds, never to zero', () => {
		const almost = [now - account.windowMs + 1, ...ago(1, 2, 3, 4)];
		expect(decide(account, almost)).toEqual({ ok: false, retryAfterSeconds: 1 });
		const fraction = [now - account.windowMs + 1_500, ...ago(1, 2, 3, 4)];
		expect(decide(account, fraction)).toEqual({ ok: false, retryAfterSeconds: 2 });
	});

	it('refuses when any counter is full, with the longest wait of those that are', () => {
		const full = { rule: account, attempts: ago(5, 4, 3, 2, 1) };
		const fuller = { rule: address, attempts: ago(...Array.from({ length: 20 }, () => 2)) };
		const open = { rule: address, attempts: ago(1) };
		expect(decideThrottle([open, full], now)).toEqual({ ok: false, retryAfterSeconds: 10 * 60 });
		expect(decideThrottle([full, fuller, open], now)).toEqual({ ok: false, retryAfterSeconds: 13 * 60 });
		expect(decideThrottle([open], now)).toEqual({ ok: true });
	});

	it('counts attempts stamped after now (a clock that stepped back) as recent', () => {
		expect(decide(account, [now + MINUTE, ...ago(1, 2, 3, 4)]).ok).toBe(false);
	});
});
