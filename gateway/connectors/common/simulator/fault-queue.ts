// The queue of faults a test injects into a simulator for the next N requests that match a method and
// path, consumed in order. Generic over each simulator's own fault union; playing a fault is theirs.

export type FaultTarget = {
	/** Any method unless given. */
	method?: string;
	/**
	 * Which requests: an endpoint path (`/Companies/{id}`) or a concrete path (`/Companies/17`),
	 * case-insensitive; a RegExp is tested against both. Any path unless given.
	 */
	path?: string | RegExp;
	/** How many matching requests it hits; 1 unless given. */
	times?: number;
};

export type FaultQueue<F> = {
	add(spec: F & FaultTarget): void;
	/** The first fault matching this request, consuming one of its times. */
	take(method: string, endpointPath: string, path: string): F | null;
	pending(): number;
	clear(): void;
};

export function createFaultQueue<F extends { kind: string }>(): FaultQueue<F> {
	let queue: { spec: F & FaultTarget; left: number }[] = [];
	const matches = (spec: FaultTarget, method: string, endpointPath: string, path: string) => {
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
			return fault as unknown as F;
		},
		pending() {
			return queue.reduce((n, e) => n + e.left, 0);
		},
		clear() {
			queue = [];
		}
	};
}
