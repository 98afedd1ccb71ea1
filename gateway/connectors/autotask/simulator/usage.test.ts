import { describe, expect, it } from 'vitest';
import { createUsage } from './usage.ts';

describe('usage', () => {
	it('holds the threshold over a rolling window and says when room frees up', () => {
		let now = 0;
		const usage = createUsage({ now: () => now, hourlyThreshold: 2, windowMs: 1_000 });
		expect(usage.admit()).toBe(true);
		now = 400;
		expect(usage.admit()).toBe(true);
		now = 600;
		expect(usage.admit()).toBe(false);
		expect(usage.retryAfterMs()).toBe(400);
		expect(usage.windowCount()).toBe(2);
		now = 1_000;
		expect(usage.admit()).toBe(true);
		expect(usage.windowCount()).toBe(2);
	});

	it('counts calls per endpoint and the peak of concurrent requests', () => {
		const usage = createUsage({ now: () => 0, hourlyThreshold: 10 });
		usage.count('GET /Companies/{id}');
		usage.count('GET /Companies/{id}');
		usage.count('POST /Companies/query');
		expect(usage.calls()).toEqual({ 'GET /Companies/{id}': 2, 'POST /Companies/query': 1 });
		expect(usage.total()).toBe(3);
		expect(usage.enter('Companies')).toBe(1);
		expect(usage.enter('Companies')).toBe(2);
		usage.leave('Companies');
		expect(usage.enter('Companies')).toBe(2);
		expect(usage.peakConcurrency()).toEqual({ Companies: 2 });
		usage.resetCalls();
		expect(usage.calls()).toEqual({});
	});
});
