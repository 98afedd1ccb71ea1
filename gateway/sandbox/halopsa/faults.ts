// Faults a test injects for the next N requests that match a method and path: connection resets, 401s,
// 429s, 400/500 with a Halo error body, slow answers. Consumed in order.

export type Fault =
	/** The socket is reset with no answer (fetch fails with ECONNRESET). */
	| { kind: 'connection_reset' }
	/** 401 with no body, as for a token Halo no longer accepts. */
	| { kind: 'unauthorized' }
	/** 429 with Halo's text (§3.8 [3P]); Retry-After in seconds, or none when null. */
	| { kind: 'rate_limited'; retryAfterSeconds?: number | null }
	/** An error answer: 400 with a model-state body unless told (§3.7), or any status and body given. */
	| { kind: 'error'; status?: number; body?: unknown }
	/** Answer normally, after `ms` (on the simulator's injected sleep). */
	| { kind: 'delay'; ms: number };

export type FaultSpec = Fault & {
	/** Any method unless given. */
	method?: string;
	/**
	 * Which requests: an endpoint path (`/Client`, `/Client/{id}`, `/auth/token`) or a concrete path
	 * (`/Client/17`), case-insensitive; a RegExp is tested against both. Any path unless given.
	 */
	path?: string | RegExp;
	/** How many matching requests it hits; 1 unless given. */
	times?: number;
};

export type FaultQueue = {
	add(spec: FaultSpec): void;
	/** The first fault matching this request, consuming one of its times. */
	take(method: string, endpointPath: string, path: string): Fault | null;
	pending(): number;
	clear(): void;
};

export function createFaultQueue(): FaultQueue {
	let queue: { spec: FaultSpec; left: number }[] = [];
	const matches = (spec: FaultSpec, method: string, endpointPath: string, path: string) => {
		if (spec.method && spec.method.toUpperCase() !== method.toUpperCase()) return false;
		if (spec.path === undefined) return true;
		if (spec.path instanceof RegExp) return spec.path.test(endpointPath) || spec.path.test(path);
		const wanted = spec.path.toLowerCase();
		return wanted === endpointPath.toLowerCase() || wanted === path.toLowerCase();
	};
	return {
		add(spec) {
			queue.push({ spec, left: spec.times ?? 1 });
		},
		take(method, endpointPath, path) {
			const entry = queue.find((e) => matches(e.spec, method, endpointPath, path));
			if (!entry) return null;
			entry.left -= 1;
			if (entry.left <= 0) queue = queue.filter((e) => e !== entry);
			const { method: _m, path: _p, times: _t, ...fault } = entry.spec;
			return fault as Fault;
		},
		pending() {
			return queue.reduce((n, e) => n + e.left, 0);
		},
		clear() {
			queue = [];
		}
	};
}
