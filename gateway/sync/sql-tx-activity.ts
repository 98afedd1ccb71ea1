// The activity a SQL transaction (sql-tx.ts) records: each change begun with its meta follows the
// rows it writes (gateway/activity/activity-tracker.ts), and its entry rides in the same multi-row
// statement as its rows, its field diff taken from the rows this transaction holds.

import type { ActivityMeta } from '../activity/activity-entry.ts';
import { ACTIVITY_TABLE, createActivityTracker, type RowKey, type RowVersion } from '../activity/activity-tracker.ts';
import type { entityStatements } from './entity-statements.ts';
import { fromStored, keyOf, type Entry } from './sql-tx-entry.ts';
import type { Op } from './sql-tx-writes.ts';

export type TxActivity = {
	open(meta: ActivityMeta): void;
	close(): void;
	drop(): void;
	/** A write of `entry` by the change in progress, if one is followed. */
	wrote(entry: Entry): Promise<void>;
	/** The closed changes' entries join `ops`, in their last multi-row statement. */
	addTo(ops: Op[]): Promise<void>;
};

export function createTxActivity(deps: {
	statements: Pick<ReturnType<typeof entityStatements>, 'one' | 'byKeys'>;
	query: <T>(run: () => Promise<T>) => Promise<T>;
	known: (table: string, id: string) => Entry | null | undefined;
	/** Whether the transaction writes at once, so the value before must be read before the write. */
	immediate: boolean;
}): TxActivity {
	const { statements, query } = deps;
	const tracker = createActivityTracker();

	/** The row before this change first wrote it; undefined when unknown and left to read at flush. */
	async function valueBefore(k: string, entry: Entry): Promise<RowVersion | undefined> {
		if (tracker.touches(k)) return undefined;
		const seen = deps.known(entry.tbl, entry.id);
		// Writing at once, the database will not hold the value before for long: read it now.
		if (seen === undefined && deps.immediate)
			return (await query(() => statements.one(entry.tbl, entry.id))).map(fromStored)[0] ?? null;
		return seen;
	}

	async function readBefore(keys: RowKey[]): Promise<Map<string, RowVersion>> {
		const found = new Map<string, RowVersion>();
		for (const r of await query(() => statements.byKeys(keys))) found.set(keyOf(r.tbl, r.id), fromStored(r));
		return found;
	}

	return {
		open: (meta) => tracker.open(meta),
		close: () => tracker.close(),
		drop: () => tracker.drop(),
		async wrote(entry) {
			if (!tracker.following) return;
			const k = keyOf(entry.tbl, entry.id);
			tracker.wrote(k, entry.tbl, entry.id, await valueBefore(k, entry), entry);
		},
		async addTo(ops) {
			if (!tracker.pending) return;
			const entries = await tracker.drain(readBefore);
			if (entries.length === 0) return;
			let last = ops.at(-1);
			if (last?.kind !== 'rows') ops.push((last = { kind: 'rows', rows: new Map() }));
			for (const entry of entries) {
				const value = JSON.stringify(entry);
				const row = { tbl: ACTIVITY_TABLE, id: entry.id, deleted: false, scope: null, parent: null, value };
				last.rows.set(keyOf(ACTIVITY_TABLE, entry.id), row);
			}
		}
	};
}
