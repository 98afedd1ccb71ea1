// What the simulated tenant has served: calls per endpoint, a log of every request, and the rolling
// request window hosted Halo limits (psa-apis.md §3.8 [3P]: 300 requests per rolling 5 minutes).

import { createRollingWindow } from '../../common/simulator/rolling-window.ts';

export type LoggedRequest = {
	method: string;
	/** `GET /Client/{id}` */
	endpoint: string;
	/** The concrete path and query, `/api/Client/17?includedetails=true`. */
	url: string;
	/** The parsed JSON body, or the form fields of a token request. */
	body: unknown;
	/** The answer's status; 0 for a reset connection. */
	status: number;
};

export type Usage = {
	count(endpoint: string): void;
	log(request: LoggedRequest): void;
	calls(): Record<string, number>;
	total(): number;
	requests(): LoggedRequest[];
	reset(): void;
	/** False when one more request would go over the window's limit; otherwise the request is recorded. */
	admit(): boolean;
	/** Until the oldest request in the window leaves it. */
	retryAfterMs(): number;
};

export function createUsage(opts: { now: () => number; limit: number; windowMs: number }): Usage {
	const window = createRollingWindow(opts);
	const calls = new Map<string, number>();
	let log: LoggedRequest[] = [];
	return {
		count(endpoint) {
			calls.set(endpoint, (calls.get(endpoint) ?? 0) + 1);
		},
		log(request) {
			log.push(request);
		},
		calls: () => Object.fromEntries(calls),
		total: () => [...calls.values()].reduce((a, b) => a + b, 0),
		requests: () => structuredClone(log),
		reset() {
			calls.clear();
			log = [];
		},
		admit: window.admit,
		retryAfterMs: window.retryAfterMs
	};
}
