// Ingram's X-RateLimit-* headers (psa-apis.md §4.6): how many calls an endpoint has left and when its
// window resets (epoch seconds). Pure: headers and the clock in, a reading out.

import { parseRetryAfter } from '../../common/retry-after.ts';

/** `resetAt` as sent: epoch seconds [V], or seconds from now when it is small [GUESS, see ../README.md]. */
export type RateReading = { limit: number | null; remaining: number | null; resetAt: number | null };

/** Milliseconds from `now` until a window that resets at `resetAt` (as sent) opens again. */
export function msUntilReset(resetAt: number, now: number): number {
	return resetAt > 1e9 ? Math.max(0, resetAt * 1000 - now) : resetAt * 1000;
}

const int = (value: string | null) => (value !== null && /^\d+$/.test(value.trim()) ? Number(value.trim()) : null);

export function readRateHeaders(headers: Headers): RateReading {
	return {
		limit: int(headers.get('x-ratelimit-limit')),
		remaining: int(headers.get('x-ratelimit-remaining')),
		resetAt: int(headers.get('x-ratelimit-reset'))
	};
}

/** Milliseconds until the window resets: X-RateLimit-Reset, else Retry-After, else null. */
export function waitFromHeaders(headers: Headers, now: number): number | null {
	const { resetAt } = readRateHeaders(headers);
	if (resetAt !== null) return msUntilReset(resetAt, now);
	return parseRetryAfter(headers.get('retry-after'), now);
}
