// What a SQL transaction (sql-tx.ts) knows of the database's rows: each row read or flushed, the
// groups (a parent's children, a whole table) it has listed, and the ids it probed in every table.
// Its own unflushed writes come first, through `mine`; a group is what the database held when first
// listed plus what was written under it since, each as it is now.

import { TABLE_NAMES } from '../../shared/schema/tables.ts';
import type { entityStatements, StoredEntity } from './entity-statements.ts';
import { fromStored, keyOf, type Entry } from './sql-tx-entry.ts';

export type TxReads = {
	/** The row as this transaction sees it, if already known; undefined when the database must be asked. */
	known(table: string, id: string): Entry | null | undefined;
	/** The row as this transaction sees it, asking the database when it does not know it. */
	current(table: string, id: string): Promise<Entry | null>;
	/** The live rows of group `name`, in id order, read by `read` the first time and kept by `keep`. */
	group(name: string, read: () => Promise<StoredEntity[]>, keep: (e: Entry) => boolean): Promise<Entry[]>;
	/** Reads every row of any table whose id is one of `ids`, in one statement per chunk. */
	readAhead(ids: readonly string[]): Promise<void>;
	/** A row written in this transaction, flushed or not: listed in its table's and its parent's groups. */
	wrote(entry: Entry): void;
	/** A row the database holds now (flushed). */
	flushed(entry: Entry): void;
	/** Forgets everything read; `unflushed` stay listed in their groups. */
	forget(unflushed: Iterable<Entry>): void;
};

export function createTxReads(
	statements: Pick<ReturnType<typeof entityStatements>, 'one' | 'byIds'>,
	query: <T>(run: () => Promise<T>) => Promise<T>,
	mine: (key: string) => Entry | undefined
): TxReads {
	/** What the database holds (null: no such row), as far as this transaction has read or flushed. */
	let base = new Map<string, Entry | null>();
	/** Row keys with a given parent (`table\0parent`) or in a whole table (`table`) that the database holds. */
	let loaded = new Map<string, Set<string>>();
	/** Row keys written under a parent or table in this transaction, flushed or not (a superset: filtered on read). */
	let written = new Map<string, Set<string>>();
	/**
	 * Both of the above for a group listed already, in id order (its keys share their table's
	 * prefix), kept in order as rows are written: a mutation adding one line to a quote of a hundred
	 * must not sort the hundred again.
	 */
	let ordered = new Map<string, string[]>();
	/** Ids looked up in every table at once by readAhead: absent from `base` means absent. */
	let probed = new Set<string>();

	function remember(rows: readonly StoredEntity[], into?: Set<string>): void {
		for (const r of rows) {
			const k = keyOf(r.tbl, r.id);
			if (!base.has(k)) base.set(k, fromStored(r));
			into?.add(k);
		}
	}

	function knownByKey(k: string): Entry | null | undefined {
		return mine(k) ?? base.get(k);
	}

	function known(table: string, id: string): Entry | null | undefined {
		const seen = knownByKey(keyOf(table, id));
		return seen === undefined && probed.has(id) ? null : seen;
	}

	function note(group: string, k: string): void {
		let keys = written.get(group);
		if (!keys) written.set(group, (keys = new Set()));
		if (keys.has(k)) return;
		keys.add(k);
		const inOrder = ordered.get(group);
		if (inOrder && !loaded.get(group)!.has(k)) inOrder.splice(sortedIndex(inOrder, k), 0, k);
	}

	function wrote(entry: Entry): void {
		const k = keyOf(entry.tbl, entry.id);
		note(entry.tbl, k);
		if (entry.parent !== null) note(keyOf(entry.tbl, entry.parent), k);
	}

	return {
		known,
		async current(table, id) {
			const seen = known(table, id);
			if (seen !== undefined) return seen;
			const [row] = await query(() => statements.one(table, id));
			const entry = row ? fromStored(row) : null;
			base.set(keyOf(table, id), entry);
			return entry;
		},
		async group(name, read, keep) {
			let stored = loaded.get(name);
			if (!stored) {
				const rows = await query(read);
				stored = new Set();
				remember(rows, stored);
				loaded.set(name, stored);
			}
			let inOrder = ordered.get(name);
			if (!inOrder) {
				inOrder = [...stored];
				for (const k of written.get(name) ?? []) if (!stored.has(k)) inOrder.push(k);
				ordered.set(name, inOrder.sort());
			}
			const found: Entry[] = [];
			for (const k of inOrder) {
				const entry = knownByKey(k);
				if (entry && !entry.deleted && keep(entry)) found.push(entry);
			}
			return found;
		},
		async readAhead(ids) {
			const fresh = [...new Set(ids)].filter((id) => !probed.has(id));
			if (fresh.length === 0) return;
			remember(await query(() => statements.byIds(TABLE_NAMES, fresh)));
			for (const id of fresh) probed.add(id);
		},
		wrote,
		flushed(entry) {
			base.set(keyOf(entry.tbl, entry.id), entry);
		},
		forget(unflushed) {
			base = new Map();
			loaded = new Map();
			probed = new Set();
			written = new Map();
			ordered = new Map();
			for (const entry of unflushed) wrote(entry);
		}
	};
}

/** Where `k` goes in the ascending `keys`. */
function sortedIndex(keys: readonly string[], k: string): number {
	let low = 0;
	let high = keys.length;
	while (low < high) {
		const middle = (low + high) >>> 1;
		if (keys[middle]! < k) low = middle + 1;
		else high = middle;
	}
	return low;
}
