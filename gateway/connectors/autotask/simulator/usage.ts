// What the simulated tenant has served (psa-apis.md §1.8): calls per endpoint, the rolling-hour
// request threshold of the database, and concurrent requests per object endpoint.

import { createRollingWindow } from '../../common/simulator/rolling-window.ts';

export type UsageOptions = { now: () => number; hourlyThreshold: number; windowMs?: number };

export type Usage = {
	count(endpointKey: string): void;
	calls(): Record<string, number>;
	total(): number;
	resetCalls(): void;
	/** True when one more request would go over the threshold; otherwise the request is recorded. */
	admit(): boolean;
	windowCount(): number;
	/** Until the oldest request in the window leaves it. */
	retryAfterMs(): number;
	enter(entity: string): number;
	leave(entity: string): void;
	peakConcurrency(): Record<string, number>;
};

export function createUsage(opts: UsageOptions): Usage {
	const window = createRollingWindow({
		now: opts.now,
		limit: opts.hourlyThreshold,
		windowMs: opts.windowMs ?? 3_600_000
	});
	const calls = new Map<string, number>();
	const inFlight = new Map<string, number>();
	const peaks = new Map<string, number>();
	return {
		count(key) {
			calls.set(key, (calls.get(key) ?? 0) + 1);
		},
		calls: () => Object.fromEntries(calls),
		total: () => [...calls.values()].reduce((a, b) => a + b, 0),
		resetCalls() {
			calls.clear();
			peaks.clear();
		},
		admit: window.admit,
		windowCount: window.count,
		retryAfterMs: window.retryAfterMs,
		enter(entity) {
			const n = (inFlight.get(entity) ?? 0) + 1;
			inFlight.set(entity, n);
			peaks.set(entity, Math.max(peaks.get(entity) ?? 0, n));
			return n;
		},
		leave(entity) {
			inFlight.set(entity, Math.max(0, (inFlight.get(entity) ?? 1) - 1));
		},
		peakConcurrency: () => Object.fromEntries(peaks)
	};
}
