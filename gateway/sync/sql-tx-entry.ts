// A row as a SQL transaction holds it (sql-tx.ts): its stored columns, and the parsed row kept to copy
// from, since readers get copies of their own (the Tx contract).

import type { StoredEntity } from './entity-statements.ts';

export type Entry = {
	tbl: string;
	id: string;
	deleted: boolean;
	scope: string | null;
	parent: string | null;
	value: string;
	/** The parsed row, kept to copy from: readers get copies of their own (the Tx contract). */
	row?: unknown;
	/** Whether the row holds no objects or arrays, so a shallow copy is a full one. */
	flat?: boolean;
};

/**
 * The entry of a row this transaction writes, its JSON made when first asked for: at flush, so a row
 * written again and again (a quote each of its new lines touches) is serialised once.
 */
export function writtenEntry(fields: Omit<Entry, 'value' | 'row' | 'flat'> & { row: unknown }): Entry {
	let value: string | undefined;
	return {
		...fields,
		get value() {
			return (value ??= JSON.stringify(fields.row));
		}
	};
}

export const keyOf = (table: string, id: string) => `${table}\u0000${id}`;

export function fromStored(r: StoredEntity): Entry {
	return { tbl: r.tbl, id: r.id, deleted: Number(r.deleted) !== 0, scope: r.scope, parent: r.parent, value: r.value };
}

/** The entry's row, parsed once: the transaction's own, never handed to a reader (rowOf copies it). */
export function parsedRow(entry: Entry): unknown {
	if (entry.row === undefined) entry.row = JSON.parse(entry.value);
	return entry.row;
}

/** A copy of the entry's row, parsed once and copied from then on. */
export function rowOf<T>(entry: Entry): T {
	parsedRow(entry);
	if (entry.flat === undefined) {
		entry.flat = Object.values(entry.row as object).every((v) => v === null || typeof v !== 'object');
	}
	return (entry.flat ? { ...(entry.row as object) } : copyJson(entry.row)) as T;
}

/** A copy of a parsed JSON value: several times cheaper than parsing its text again. */
function copyJson(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(copyJson);
	if (value === null || typeof value !== 'object') return value;
	const copy: Record<string, unknown> = {};
	for (const key of Object.keys(value)) {
		const inner = copyJson((value as Record<string, unknown>)[key]);
		if (key === '__proto__') Object.defineProperty(copy, key, { value: inner, enumerable: true, writable: true });
		else copy[key] = inner;
	}
	return copy;
}
