import { describe, expect, it } from 'vitest';
import { fifoLocks } from '../test/fifo-locks.ts';
import { holdLeadership } from './leader-lock.ts';

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('holdLeadership', () => {
	it('makes exactly one holder the leader, and hands over when it lets go', async () => {
		const locks = fifoLocks();
		const events: string[] = [];
		const stopA = holdLeadership('sync', () => (events.push('A leads'), () => events.push('A stops')), locks);
		const stopB = holdLeadership('sync', () => (events.push('B leads'), () => events.push('B stops')), locks);
		await tick();
		expect(events).toEqual(['A leads']);
		stopA();
		await tick();
		expect(events).toEqual(['A leads', 'A stops', 'B leads']);
		stopB();
		expect(events).toEqual(['A leads', 'A stops', 'B leads', 'B stops']);
	});

	it('a waiter that gives up never leads', async () => {
		const locks = fifoLocks();
		const events: string[] = [];
		const stopA = holdLeadership('sync', () => (events.push('A leads'), () => {}), locks);
		const stopB = holdLeadership('sync', () => (events.push('B leads'), () => {}), locks);
		await tick();
		stopB();
		stopA();
		await tick();
		await tick();
		expect(events).toEqual(['A leads']);
	});

	it('without Web Locks the tab leads on its own', () => {
		const events: string[] = [];
		const stop = holdLeadership('sync', () => (events.push('leads'), () => events.push('stops')), undefined);
		stop();
		expect(events).toEqual(['leads', 'stops']);
	});
});
