import { describe, expect, it } from 'vitest';
import { createFaultQueue } from './fault-queue.ts';

type Fault = { kind: 'unauthorized' } | { kind: 'connection_reset' } | { kind: 'errors'; messages: string[] };

describe('fault queue', () => {
	it('matches by method and by endpoint or concrete path, case-insensitively', () => {
		const faults = createFaultQueue<Fault>();
		faults.add({ kind: 'unauthorized', method: 'post', path: '/companies/{id}/contacts' });
		expect(faults.take('GET', '/Companies/{id}/Contacts', '/Companies/3/Contacts')).toBeNull();
		expect(faults.take('POST', '/Companies/{id}/Contacts', '/Companies/3/Contacts')).toEqual({
			kind: 'unauthorized'
		});
		faults.add({ kind: 'unauthorized', path: '/Companies/3' });
		expect(faults.take('GET', '/Companies/{id}', '/Companies/4')).toBeNull();
		expect(faults.take('GET', '/Companies/{id}', '/Companies/3')).toEqual({ kind: 'unauthorized' });
	});

	it('hits the next N matching requests, oldest fault first', () => {
		const faults = createFaultQueue<Fault>();
		faults.add({ kind: 'connection_reset', path: /Quotes/, times: 2 });
		faults.add({ kind: 'errors', messages: ['x'] });
		expect(faults.pending()).toBe(3);
		expect(faults.take('POST', '/Quotes', '/Quotes')).toEqual({ kind: 'connection_reset' });
		expect(faults.take('GET', '/Companies/{id}', '/Companies/1')).toEqual({ kind: 'errors', messages: ['x'] });
		expect(faults.take('PATCH', '/Quotes', '/Quotes')).toEqual({ kind: 'connection_reset' });
		expect(faults.take('PATCH', '/Quotes', '/Quotes')).toBeNull();
		faults.add({ kind: 'unauthorized' });
		faults.clear();
		expect(faults.pending()).toBe(0);
	});
});
