import { describe, expect, it } from 'vitest';
import { parseRetryAfter } from './retry-after.ts';

const NOW = Date.parse('2026-11-21T12:00:00Z');

describe('parseRetryAfter', () => {
	it('reads delay-seconds and HTTP dates', () => {
		expect(parseRetryAfter('30', NOW)).toBe(30_000);
		expect(parseRetryAfter(' 12 ', NOW)).toBe(12_000);
		expect(parseRetryAfter('Sat, 21 Nov 2026 12:00:05 GMT', NOW)).toBe(5_000);
		expect(parseRetryAfter(new Date(NOW + 5_000).toUTCString(), NOW)).toBe(5_000);
	});

	it('answers 0 for a date already past', () => {
		expect(parseRetryAfter(new Date(NOW - 5_000).toUTCString(), NOW)).toBe(0);
	});

	it('answers null when absent, empty or unreadable', () => {
		expect(parseRetryAfter(null, NOW)).toBeNull();
		expect(parseRetryAfter('', NOW)).toBeNull();
		expect(parseRetryAfter('soon', NOW)).toBeNull();
	});
});
