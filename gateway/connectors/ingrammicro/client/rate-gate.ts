// Honours X-RateLimit-* per endpoint (psa-apis.md §4.6: 60 GET calls a minute per endpoint): when an
// endpoint has none left, the next call waits for the reset if that is soon, or is handed back as
// rate_limited for the job runner to reschedule. A call never goes out into a known-empty window.

import { INGRAM_MESSAGES, type IngramFailure } from './failures.ts';
import { msUntilReset, type RateReading } from './rate-limit.ts';

export type RateGate = {
	/** Null when the call may go now (after waiting, if the wait was short); else the failure to return. */
	admit(endpoint: string): Promise<IngramFailure | null>;
	record(endpoint: string, reading: RateReading | null): void;
};

export function createRateGate(opts: {
	now: () => number;
	sleep: (ms: number) => Promise<void>;
	/** Wait at most this long for a window to reset; longer is handed to the runner. */
	maxWaitMs: number;
}): RateGate {
	const windows = new Map<string, { remaining: number; opensAt: number }>();
	return {
		async admit(endpoint) {
			const window = windows.get(endpoint);
			if (!window || window.remaining > 0) return null;
			const wait = window.opensAt - opts.now();
			if (wait <= 0) {
				windows.delete(endpoint);
				return null;
			}
			if (wait > opts.maxWaitMs) {
				const message = `${INGRAM_MESSAGES.rateLimited}; retry in ${Math.ceil(wait / 1000)} s.`;
				return { ok: false, code: 'rate_limited', message, retryAfterMs: wait, status: 429 };
			}
			await opts.sleep(wait);
			windows.delete(endpoint);
			return null;
		},
		record(endpoint, reading) {
			if (!reading || reading.remaining === null || reading.resetAt === null) return;
			windows.set(endpoint, {
				remaining: reading.remaining,
				opensAt: opts.now() + msUntilReset(reading.resetAt, opts.now())
			});
		}
	};
}
