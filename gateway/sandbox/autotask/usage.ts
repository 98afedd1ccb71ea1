// What the simulated tenant has served (psa-apis.md §1.8): calls per endpoint, the rolling-hour
// request threshold of the database, and concurrent requests per object endpoint.

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
	const windowMs = opts.windowMs ?? 3_600_000;
	const calls = new Map<string, number>();
	let stamps: number[] = [];
	const inFlight = new Map<string, number>();
	const peaks = new Map<string, number>();
	const prune = () => {
		const since = opts.now() - windowMs;
		if (stamps.length && stamps[0]! <= since) stamps = stamps.filter((t) => t > since);
	};
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
		admit() {
			prune();
			if (stamps.length >= opts.hourlyThreshold) return false;
			stamps.push(opts.now());
			return true;
		},
		windowCount() {
			prune();
			return stamps.length;
		},
		retryAfterMs() {
			prune();
			const oldest = stamps[0];
			return oldest === undefined ? 0 : Math.max(0, oldest + windowMs - opts.now());
		},
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
