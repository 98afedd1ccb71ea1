// Date-times as the PSAs answer them: in UTC with `Z`, whatever offset the client wrote them with
// (`2026-12-01T09:00:00+02:00` is stored and answered as `2026-12-01T07:00:00Z`). A string is read as
// a date-time only when it has the full ISO 8601 shape; one without an offset is taken as UTC.

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,7})?)?(?:Z|[+-]\d{2}:?\d{2})?$/i;

export type UtcStyle = {
	/** ConnectWise answers whole seconds; Autotask keeps milliseconds when there are any. */
	milliseconds: 'drop' | 'when-set';
};

export function isIsoDateTime(value: string): boolean {
	return ISO_DATE_TIME.test(value);
}

/** The same instant in UTC with `Z`; null for a string that is not an ISO date-time. */
export function toUtc(value: string, style: UtcStyle): string | null {
	if (!isIsoDateTime(value)) return null;
	const hasZone = /(?:Z|[+-]\d{2}:?\d{2})$/i.test(value);
	const at = Date.parse(hasZone ? value : `${value}Z`);
	if (Number.isNaN(at)) return null;
	const iso = new Date(at).toISOString();
	if (style.milliseconds === 'drop' || iso.endsWith('.000Z')) return iso.replace(/\.\d{3}Z$/, 'Z');
	return iso;
}

/** Every date-time string in a JSON value (objects and arrays, at any depth) rewritten to UTC. */
export function utcDatesIn<T>(value: T, style: UtcStyle): T {
	if (typeof value === 'string') return (toUtc(value, style) ?? value) as T;
	if (Array.isArray(value)) return value.map((item) => utcDatesIn(item, style)) as T;
	if (typeof value === 'object' && value !== null) {
		return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, utcDatesIn(v, style)])) as T;
	}
	return value;
}
