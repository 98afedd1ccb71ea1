// Remembers which sign-in states have come back already, until they would have expired anyway, so a
// replayed callback is refused here even before the provider refuses its used code. Per process: the
// provider's single-use codes cover a replay that lands on another replica.

export type UsedStates = {
	/** True the first time a state comes back; false for every later time. */
	claim(state: string, expiresAt: number, now: number): boolean;
};

export function createUsedStates(): UsedStates {
	const seen = new Map<string, number>();
	return {
		claim(state, expiresAt, now) {
			for (const [s, until] of seen) if (until <= now) seen.delete(s);
			if (seen.has(state)) return false;
			seen.set(state, expiresAt);
			return true;
		}
	};
}
