// "Changed on another device": when two devices set the same field of a quote, the server keeps the
// one it processed last (DESIGN section 3), and the other device's value silently replaces this one.
// That is not a rejection, so nothing else tells the person. This module remembers the last value
// this device wrote to each field and reports when the stored (server) value becomes another one:
// whether the other write was processed before ours was acknowledged or after, whoever wrote last
// wins and the other is told. Pure: it reads one snapshot of rows, outbox ids and rejections.

import type { OutboxEntry } from '../platform/local-db.ts';

const WATCHED = { updateQuote: 'quotes', updateQuoteLine: 'quoteLines' } as const;
type WatchedTable = (typeof WATCHED)[keyof typeof WATCHED];

/** Content a person types or picks. Layout (position, section) and status moves are not watched. */
const FIELDS: Record<WatchedTable, ReadonlySet<string>> = {
	quotes: new Set(['title', 'notes', 'validUntil', 'paymentTerm', 'companyId', 'contactId']),
	quoteLines: new Set(['description', 'quantity', 'unitPrice', 'unitCost', 'discountPercent', 'billing', 'optional'])
};

/** At most this many edits are remembered; the oldest go first. */
const LIMIT = 500;

export type FieldWrite = {
	table: WatchedTable;
	rowId: string;
	field: string;
	value: unknown;
	quoteId: string;
	mutationID: number;
};

/** A field this device set whose confirmed value is now another device's. */
export type Overwrite = FieldWrite & { confirmed: unknown };

export type WatchState = { watching: FieldWrite[]; overwritten: Overwrite[] };

export const EMPTY_WATCH: WatchState = { watching: [], overwritten: [] };

export function fieldKey(table: string, rowId: string, field: string): string {
	return `${table}\u0000${rowId}\u0000${field}`;
}

const keyOf = (w: FieldWrite) => fieldKey(w.table, w.rowId, w.field);

/** The field edits, in outbox entries, of the quote `quoteId` and of its lines. */
export function fieldWrites(
	entries: readonly OutboxEntry[],
	quoteId: string,
	lineIds: ReadonlySet<string>
): FieldWrite[] {
	const writes: FieldWrite[] = [];
	for (const entry of entries) {
		const table = Object.hasOwn(WATCHED, entry.name) ? WATCHED[entry.name as keyof typeof WATCHED] : null;
		const args = entry.args as Record<string, unknown> | null;
		if (!table || typeof args !== 'object' || args === null || typeof args.id !== 'string') continue;
		if (table === 'quotes' ? args.id !== quoteId : !lineIds.has(args.id)) continue;
		for (const [field, value] of Object.entries(args)) {
			if (FIELDS[table].has(field)) writes.push({ table, rowId: args.id, field, value, quoteId, mutationID: entry.id });
		}
	}
	return writes;
}

export type Snapshot = {
	quoteId: string;
	/** Edits seen in the outbox since the last snapshot. */
	observed: readonly FieldWrite[];
	/** Ids of the mutations still in the outbox. */
	pendingIds: ReadonlySet<number>;
	/** The quote and its lines as stored now, by rowKey(table, id). */
	rows: ReadonlyMap<string, Readonly<Record<string, unknown>>>;
	/** Mutation ids the server refused (the rejection notice tells about those). */
	rejected: ReadonlySet<number>;
};

export function rowKey(table: string, rowId: string): string {
	return `${table}\u0000${rowId}`;
}

function latestPerField<T extends FieldWrite>(writes: Iterable<T>): Map<string, T> {
	const latest = new Map<string, T>();
	for (const w of writes) {
		const known = latest.get(keyOf(w));
		if (!known || known.mutationID < w.mutationID) latest.set(keyOf(w), w);
	}
	return latest;
}

/**
 * One step: edits still pending stay watched, and so do confirmed edits whose stored value is still
 * the one written; an edit whose stored value became another is reported (and no longer watched);
 * one that was refused, or whose row is gone, is dropped. Edits of other quotes wait for their
 * editor to look. A newer edit of a field by this device clears that field's report.
 */
export function reconcile(state: WatchState, s: Snapshot): WatchState {
	const latest = latestPerField([...state.watching, ...s.observed]);
	const watching: FieldWrite[] = [];
	const found: Overwrite[] = [];
	for (const w of latest.values()) {
		if (w.quoteId !== s.quoteId || s.pendingIds.has(w.mutationID)) {
			watching.push(w);
			continue;
		}
		const row = s.rows.get(rowKey(w.table, w.rowId));
		if (s.rejected.has(w.mutationID) || !row) continue;
		if (row[w.field] === w.value) watching.push(w);
		else found.push({ ...w, confirmed: row[w.field] ?? null });
	}
	const overwritten = latestPerField([...state.overwritten, ...found]);
	for (const [key, report] of [...overwritten]) {
		const newer = latest.get(key);
		const gone = report.quoteId === s.quoteId && !s.rows.has(rowKey(report.table, report.rowId));
		if (gone || (newer && newer.mutationID > report.mutationID)) overwritten.delete(key);
	}
	return {
		watching: watching.sort((a, b) => a.mutationID - b.mutationID).slice(-LIMIT),
		overwritten: [...overwritten.values()].slice(-LIMIT)
	};
}

/** The reports by fieldKey, for the fields to look themselves up. */
export function reportsByField(state: WatchState): ReadonlyMap<string, Overwrite> {
	return new Map(state.overwritten.map((o) => [keyOf(o), o]));
}

/** The reports grouped by row (rowKey), then by field: most rows have none, and skip the field lookups. */
export function reportsByRow(state: WatchState): ReadonlyMap<string, ReadonlyMap<string, Overwrite>> {
	const rows = new Map<string, Map<string, Overwrite>>();
	for (const o of state.overwritten) {
		const key = rowKey(o.table, o.rowId);
		rows.set(key, (rows.get(key) ?? new Map()).set(o.field, o));
	}
	return rows;
}

/** The snapshot of one quote: its row and its lines' rows, keyed by rowKey. */
export function snapshotOf(
	quote: Readonly<{ id: string }>,
	lines: readonly Readonly<{ id: string }>[],
	entries: readonly OutboxEntry[],
	pendingIds: readonly number[],
	rejectedIds: readonly number[]
): Snapshot {
	const rows = new Map<string, Readonly<Record<string, unknown>>>([[rowKey('quotes', quote.id), quote]]);
	for (const line of lines) rows.set(rowKey('quoteLines', line.id), line);
	return {
		quoteId: quote.id,
		observed: fieldWrites(entries, quote.id, new Set(lines.map((l) => l.id))),
		pendingIds: new Set(pendingIds),
		rows,
		rejected: new Set(rejectedIds)
	};
}

export function dismiss(state: WatchState, table: string, rowId: string, field: string): WatchState {
	const key = fieldKey(table, rowId, field);
	return { ...state, overwritten: state.overwritten.filter((o) => keyOf(o) !== key) };
}
