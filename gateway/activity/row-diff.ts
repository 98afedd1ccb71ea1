// What one row's change looks like in the activity log: the fields that differ, before and after.
// Nested objects are compared field by field (settings.importTicketCharges); lists and values whole.
// Secrets never enter the log, and long values (a logo, a lookup list) are summarised.

import type { FieldChange, RowChange } from '../../shared/schema/activity-entities.ts';

type Row = Record<string, unknown>;

/** Field names whose values are never logged, whatever table they are in. */
const SECRET = /password|secret|token|credential|api.?key|hash|private/i;
export const REDACTED = '[redacted]';
/** Bookkeeping a job refreshes on every run: not a change anyone needs to find in the log. */
const BOOKKEEPING: Partial<Record<string, ReadonlySet<string>>> = {
	integrations: new Set([
		'usage',
		'pollRequestsPerHour',
		'importRequestsPerHour',
		'connection.checkedAt',
		'lastSync.at'
	])
};
/** Longest JSON a logged value keeps; anything longer is summarised. */
const MAX_VALUE_CHARS = 300;

export function diffRow(table: string, id: string, before: Row | null, after: Row | null): RowChange | null {
	if (before === null && after === null) return null;
	const op = before === null ? 'create' : after === null ? 'delete' : 'update';
	const fields: FieldChange[] = [];
	diffFields('', before, after, fields, op === 'update' ? BOOKKEEPING[table] : undefined);
	if (op === 'update' && fields.length === 0) return null;
	return { table, id, op, fields };
}

function diffFields(
	prefix: string,
	before: Row | null,
	after: Row | null,
	into: FieldChange[],
	skip?: ReadonlySet<string>
): void {
	for (const key of fieldNames(before, after)) {
		if (key === 'id' && prefix === '') continue;
		const field = prefix + key;
		if (skip?.has(field)) continue;
		const was = before?.[key];
		const now = after?.[key];
		if (SECRET.test(key)) {
			if (!sameValue(was, now))
				into.push({ field, before: was === undefined ? null : REDACTED, after: now === undefined ? null : REDACTED });
			continue;
		}
		if (before !== null && after !== null && isPlainObject(was) && isPlainObject(now)) {
			diffFields(`${field}.`, was, now, into, skip);
			continue;
		}
		if (before !== null && after !== null && sameValue(was, now)) continue;
		// A new row lists what it was created with; its empty fields say nothing.
		if (before === null && (now === null || now === '')) continue;
		into.push({ field, before: loggable(was), after: loggable(now) });
	}
}

/** Every field either side has, once each: the fields before, then those only after has. */
function fieldNames(before: Row | null, after: Row | null): string[] {
	if (before === null) return after === null ? [] : Object.keys(after);
	const names = Object.keys(before);
	if (after !== null) for (const key of Object.keys(after)) if (!Object.hasOwn(before, key)) names.push(key);
	return names;
}

function sameValue(a: unknown, b: unknown): boolean {
	if (a === b) return true;
	if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
	return JSON.stringify(a) === JSON.stringify(b);
}

function isPlainObject(value: unknown): value is Row {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value as the log keeps it: redacted inside, summarised when long. */
export function loggable(value: unknown): unknown {
	if (value === undefined) return null;
	if (typeof value === 'string') {
		return value.length > MAX_VALUE_CHARS ? `[text, ${value.length.toLocaleString('en')} characters]` : value;
	}
	if (typeof value !== 'object' || value === null) return value;
	const clean = redactDeep(value);
	const text = JSON.stringify(clean);
	if (text.length <= MAX_VALUE_CHARS) return clean;
	if (Array.isArray(value)) return `[list of ${value.length.toLocaleString('en')}]`;
	return `[${Object.keys(value).length} fields]`;
}

function redactDeep(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(redactDeep);
	if (typeof value !== 'object' || value === null) return value;
	const out: Row = {};
	for (const [key, inner] of Object.entries(value)) {
		const kept = SECRET.test(key) ? REDACTED : redactDeep(inner);
		Object.defineProperty(out, key, { value: kept, enumerable: true, writable: true });
	}
	return out;
}
