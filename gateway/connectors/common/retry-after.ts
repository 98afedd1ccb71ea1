// Reads the Retry-After header every PSA may send with a 429 (RFC 9110 §10.2.3). Pure.

/** Milliseconds to wait: Retry-After is either delay-seconds or an HTTP date; null when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: number): number | null {
	if (value === null || value.trim() === '') return null;
	const trimmed = value.trim();
	if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
	const at = Date.parse(trimmed);
	return Number.isNaN(at) ? null : Math.max(0, at - now);
}
