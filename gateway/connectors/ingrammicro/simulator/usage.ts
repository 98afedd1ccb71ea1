// What the simulated API has served: calls per endpoint, a log of every request, and the per-endpoint
// minute windows behind X-RateLimit-* (§4.6: 60 calls a minute per endpoint).

import { createRollingWindow, type RollingWindow } from '../../common/simulator/rolling-window.ts';

export type LoggedRequest = {
	method: string;
	/** `GET /resellers/v6.1/orders/{ingramOrderNumber}` */
	endpoint: string;
	url: string;
	headers: Record<string, string>;
	body: unknown;
	/** The answer's status; 0 for a reset connection. */
	status: number;
};

export type RateHeaders = { limit: number; remaining: number; resetEpochSeconds: number };

export function createUsage(opts: { now: () => number; perMinute: number }) {
	const calls = new Map<string, number>();
	const windows = new Map<string, RollingWindow>();
	let log: LoggedRequest[] = [];
	const windowOf = (endpoint: string) => {
		let window = windows.get(endpoint);
		if (!window) {
			window = createRollingWindow({ now: opts.now, limit: opts.perMinute, windowMs: 60_000 });
			windows.set(endpoint, window);
		}
		return window;
	};
	const headers = (endpoint: string): RateHeaders => {
		const window = windowOf(endpoint);
		const resetMs = opts.now() + (window.retryAfterMs() || 60_000);
		return {
			limit: opts.perMinute,
			remaining: Math.max(0, opts.perMinute - window.count()),
			resetEpochSeconds: Math.ceil(resetMs / 1000)
		};
	};
	return {
		count(endpoint: string) {
			calls.set(endpoint, (calls.get(endpoint) ?? 0) + 1);
		},
		log(request: LoggedRequest) {
			log.push(request);
		},
		calls: () => Object.fromEntries(calls),
		total: () => [...calls.values()].reduce((a, b) => a + b, 0),
		requests: () => structuredClone(log),
		reset() {
			calls.clear();
			log = [];
		},
		/** False when the endpoint's window is full; otherwise the request is recorded in it. */
		admit: (endpoint: string) => windowOf(endpoint).admit(),
		headers
	};
}
export type Usage = ReturnType<typeof createUsage>;
