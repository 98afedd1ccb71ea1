// The writes a SQL transaction (sql-tx.ts) has not sent yet, in the order they were made: rows (kept
// in multi-row runs), and the scope moves a quote's change of company asks for. A mutation's writes
// stay in a layer of their own until it commits them, or are simply dropped when it is refused.

import { keyOf, type Entry } from './sql-tx-entry.ts';

export type Op =
	| { kind: 'rows'; rows: Map<string, Entry> }
	| { kind: 'moveLines'; quoteId: string; scope: string | null }
	| { kind: 'revoke'; scope: string };

type Writes = { ops: Op[]; rows: Map<string, Entry> };

export type TxWrites = {
	/** The row as written and not flushed yet (the open mutation's first), if it was. */
	mine(key: string): Entry | undefined;
	put(entry: Entry): void;
	record(op: Op): void;
	/** Starts a mutation's layer. */
	begin(): void;
	/** Adds the mutation's layer to what waits for the database. */
	commit(): void;
	/** Drops the mutation's layer. */
	discard(): void;
	/** Takes the committed writes, in order, leaving none. */
	take(): Op[];
	/** The rows committed and not flushed yet. */
	unflushed(): Iterable<Entry>;
};

export function createTxWrites(): TxWrites {
	let pending: Writes = { ops: [], rows: new Map() };
	let layer: Writes | null = null;
	return {
		mine: (k) => layer?.rows.get(k) ?? pending.rows.get(k),
		put(entry) {
			const into = layer ?? pending;
			const k = keyOf(entry.tbl, entry.id);
			const last = into.ops.at(-1);
			if (last?.kind === 'rows') last.rows.set(k, entry);
			else into.ops.push({ kind: 'rows', rows: new Map([[k, entry]]) });
			into.rows.set(k, entry);
		},
		record(op) {
			(layer ?? pending).ops.push(op);
		},
		begin() {
			layer = { ops: [], rows: new Map() };
		},
		commit() {
			if (!layer) return;
			for (const op of layer.ops) {
				const last = pending.ops.at(-1);
				if (op.kind === 'rows' && last?.kind === 'rows') for (const [k, e] of op.rows) last.rows.set(k, e);
				else pending.ops.push(op);
			}
			for (const [k, e] of layer.rows) pending.rows.set(k, e);
			layer = null;
		},
		discard() {
			layer = null;
		},
		take() {
			const { ops } = pending;
			pending = { ops: [], rows: new Map() };
			return ops;
		},
		unflushed: () => pending.rows.values()
	};
}
