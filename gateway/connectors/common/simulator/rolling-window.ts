// A simulated tenant's request limit over a rolling window: Autotask's hourly threshold (§1.8),
// hosted Halo's 300 requests per 5 minutes (§3.8 [3P]). What a refused request is answered with is
// each simulator's own.

export type RollingWindow = {
	/** False when one more request would go over the limit; otherwise the request is recorded. */
	admit(): boolean;
	/** Requests recorded in the current window. */
	count(): number;
	/** Until the oldest request in the window leaves it. */
	retryAfterMs(): number;
};

export function createRollingWindow(opts: { now: () => number; limit: number; windowMs: number }): RollingWindow {
	let stamps: number[] = [];
	const prune = () => {
		const since = opts.now() - opts.windowMs;
		if (stamps.length && stamps[0]! <= since) stamps = stamps.filter((t) => t > since);
	};
	return {
		admit() {
			prune();
			if (stamps.length >= opts.limit) return false;
			stamps.push(opts.now());
			return true;
		},
		count() {
			prune();
			return stamps.length;
		},
		retryAfterMs() {
			prune();
			const oldest = stamps[0];
			return oldest === undefined ? 0 : Math.max(0, oldest + opts.windowMs - opts.now());
		}
	};
}
