import { describe, expect, it } from 'vitest';
import { toUtc, utcDatesIn } from './utc-dates.ts';

const DROP = { milliseconds: 'drop' } as const;
const KEEP = { milliseconds: 'when-set' } as const;

describe('toUtc', () => {
	it('moves an offset date-time to UTC with Z', () => {
		expect(toUtc('2026-12-01T09:00:00+02:00', DROP)).toBe('2026-12-01T07:00:00Z');
	});

	it('reads a date-time without an offset as UTC', () => {
		expect(toUtc('2026-12-01T09:00:00', DROP)).toBe('2026-12-01T09:00:00Z');
	});

	it('drops milliseconds for ConnectWise', () => {
		expect(toUtc('2026-12-01T09:00:00.250-05:00', DROP)).toBe('2026-12-01T14:00:00Z');
	});

	it('keeps milliseconds that are set for Autotask', () => {
		expect(toUtc('2026-12-01T09:00:00.250-05:00', KEEP)).toBe('2026-12-01T14:00:00.250Z');
	});

	it('answers null for a string that is not a date-time', () => {
		expect(toUtc('Laptop refresh 2026-12-01', DROP)).toBeNull();
	});
});

describe('utcDatesIn', () => {
	it('rewrites date-times at any depth and leaves everything else', () => {
		const body = { name: 'x', when: '2026-12-01T09:00:00+01:00', lines: [{ at: '2026-12-01T00:00:00-01:00', n: 2 }] };
		expect(utcDatesIn(body, DROP)).toEqual({
			name: 'x',
			when: '2026-12-01T08:00:00Z',
			lines: [{ at: '2026-12-01T01:00:00Z', n: 2 }]
		});
	});
});
