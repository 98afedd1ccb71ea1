import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFakeNetworkStatus } from './network-status.ts';
import { openPokeStream, type EventSourceLike } from './poke-stream.ts';

/** An EventSource double: the test fires its events. */
class FakeSource implements EventSourceLike {
	listeners = new Map<string, (() => void)[]>();
	closed = false;
	addEventListener(type: string, listener: () => void) {
		this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
	}
	close() {
		this.closed = true;
	}
	fire(type: 'hello' | 'poke' | 'error') {
		for (const listener of this.listeners.get(type) ?? []) listener();
	}
}

describe('the poke stream', () => {
	let sources: FakeSource[];
	let pokes: number;
	const connect = () => {
		const source = new FakeSource();
		sources.push(source);
		return source;
	};

	beforeEach(() => {
		vi.useFakeTimers();
		sources = [];
		pokes = 0;
	});
	afterEach(() => vi.useRealTimers());

	it('pokes on hello and on every poke', () => {
		const close = openPokeStream('/events', () => pokes++, { network: createFakeNetworkStatus(true), connect });
		sources[0]!.fire('hello');
		sources[0]!.fire('poke');
		expect(pokes).toBe(2);
		close();
		expect(sources[0]!.closed).toBe(true);
	});

	it('a failing stream reconnects after a growing pause, and failed reconnections never poke', () => {
		const close = openPokeStream('/events', () => pokes++, {
			network: createFakeNetworkStatus(true),
			connect,
			random: () => 1
		});
		const openedAt: number[] = [];
		let last = 0;
		for (let t = 0; t <= 20_000; t += 50) {
			if (sources.length > last) {
				openedAt.push(t);
				last = sources.length;
				sources.at(-1)!.fire('error');
			}
			vi.advanceTimersByTime(50);
		}
		expect(openedAt).toEqual([0, 500, 1500, 3500, 7500, 15500]);
		expect(pokes).toBe(0);
		close();
	});

	it('offline it closes and opens nothing until the network is back, then connects at once', () => {
		const network = createFakeNetworkStatus(true);
		const close = openPokeStream('/events', () => pokes++, { network, connect });
		network.set(false);
		expect(sources[0]!.closed).toBe(true);
		vi.advanceTimersByTime(120_000);
		expect(sources).toHaveLength(1);

		network.set(true);
		expect(sources).toHaveLength(2);
		sources[1]!.fire('hello');
		expect(pokes).toBe(1);
		close();
	});

	it('opened while offline, it waits for the network', () => {
		const network = createFakeNetworkStatus(false);
		const close = openPokeStream('/events', () => pokes++, { network, connect });
		vi.advanceTimersByTime(60_000);
		expect(sources).toHaveLength(0);
		network.set(true);
		expect(sources).toHaveLength(1);
		close();
	});

	it('a hello resets the pause', () => {
		const close = openPokeStream('/events', () => pokes++, {
			network: createFakeNetworkStatus(true),
			connect,
			random: () => 1
		});
		sources[0]!.fire('error');
		vi.advanceTimersByTime(500);
		sources[1]!.fire('error');
		vi.advanceTimersByTime(1000);
		sources[2]!.fire('hello');
		sources[2]!.fire('error');
		vi.advanceTimersByTime(499);
		expect(sources).toHaveLength(3);
		vi.advanceTimersByTime(1);
		expect(sources).toHaveLength(4);
		close();
	});
});
