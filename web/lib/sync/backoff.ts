// Retry delays for the sync loop: exponential from 500 ms to 60 s, with "equal jitter" so clients
// that lost the network together do not come back in step.

export const BACKOFF = { baseMs: 500, maxMs: 60_000 } as const;

export function backoffDelay(
	attempt: number,
	random: number,
	limits: { baseMs: number; maxMs: number } = BACKOFF
): number {
	const ceiling = Math.min(limits.maxMs, limits.baseMs * 2 ** Math.max(0, attempt));
	return Math.round(ceiling / 2 + (ceiling / 2) * random);
}
