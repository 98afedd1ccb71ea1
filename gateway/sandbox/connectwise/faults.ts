// Faults a test injects for the next N requests that match a method and path: connection resets,
// 401s, 429s, 4xx/5xx with ConnectWise's error body, slow answers. Consumed in order.

export type Fault =
	/** The socket is destroyed with no answer (fetch fails with ECONNRESET). */
	| { kind: 'connection_reset' }
	/** 401, as for revoked keys (§2.7). */
	| { kind: 'unauthorized' }
	/** 429 with Retry-After in seconds (§2.8), unless `retryAfterSeconds` is null. */
	| { kind: 'rate_limited'; retryAfterSeconds?: number | null }
	/** An `ErrorResponseMessage` body (§2.7), 400 unless told. */
	| {
			kind: 'error';
			status?: number;
			code?: string;
			message: string;
			errors?: { code: string; message: string; field?: string }[];
	  }
	/** Answer normally, after `ms` (on the simulator's injected sleep). */
	| { kind: 'delay'; ms: number };

export type FaultSpec = Fault & {
	/** Any method unless given. */
	method?: string;
	/**
	 * Which requests: an endpoint path (`/company/companies/{id}`) or a concrete one (`/company/companies/7`);
	 * a RegExp is tested against both. Any path unless given.
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
