// Outpost keeps money in integer minor units (cents); Autotask sends and takes decimal amounts.

export function centsToAmount(cents: number): number {
	return Math.round(cents) / 100;
}

export function amountToCents(amount: number | null | undefined): number {
	return amount === null || amount === undefined ? 0 : Math.round(amount * 100);
}

/** `2026-12-01` → `2026-12-01T00:00:00.000Z`: Autotask date-times for Outpost calendar dates. */
export function dateToDateTime(date: string): string {
	return `${date}T00:00:00.000Z`;
}

/** Milliseconds since the epoch, or null for a missing or unreadable date-time. */
export function dateTimeToMillis(value: string | null | undefined): number | null {
	if (!value) return null;
	// A date-time without a zone designator is read as UTC.
	const withZone = /[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : `${value}Z`;
	const ms = Date.parse(withZone);
	return Number.isNaN(ms) ? null : ms;
}
