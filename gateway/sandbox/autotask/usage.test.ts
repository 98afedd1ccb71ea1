import { describe, expect, it } from 'vitest';
import { createFaultQueue } from './faults.ts';
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

describe('fault queue', () => {
	it('matches by method and by endpoint or concrete path, case-insensitively', () => {
		const faults = createFaultQueue();
		faults.add({ kind: 'unauthorized', method: 'post', path: '/companies/{id}/contacts' });
		expect(faults.take('GET', 'GET /Companies/{id}/Contacts', '/Companies/3/Contacts')).toBeNull();
		expect(faults.take('POST', 'POST /Companies/{id}/Contacts', '/Companies/3/Contacts')).toEqual({
			kind: 'unauthorized'
		});
		faults.add({ kind: 'unauthorized', path: '/Companies/3' });
		expect(faults.take('GET', 'GET /Companies/{id}', '/Companies/4')).toBeNull();
		expect(faults.take('GET', 'GET /Companies/{id}', '/Companies/3')).toEqual({ kind: 'unauthorized' });
	});

	it('hits the next N matching requests, oldest fault first', () => {
		const faults = createFaultQueue();
		faults.add({ kind: 'connection_reset', path: /Quotes/, times: 2 });
		faults.add({ kind: 'errors', messages: ['x'] });
		expect(faults.pending()).toBe(3);
		expect(faults.take('POST', 'POST /Quotes', '/Quotes')).toEqual({ kind: 'connection_reset' });
		expect(faults.take('GET', 'GET /Companies/{id}', '/Companies/1')).toEqual({ kind: 'errors', messages: ['x'] });
		expect(faults.take('PATCH', 'PATCH /Quotes', '/Quotes')).toEqual({ kind: 'connection_reset' });
		expect(faults.take('PATCH', 'PATCH /Quotes', '/Quotes')).toBeNull();
		faults.add({ kind: 'unauthorized' });
		faults.clear();
		expect(faults.pending()).toBe(0);
	});
});
