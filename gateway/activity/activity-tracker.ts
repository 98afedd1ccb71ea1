// Follows the rows a change writes, so the store can log it with no reads of its own: the first time
// a row is written its value before the change is noted (what the transaction already read; the
// few it did not are read in one statement at flush), and its latest value after. A closed change
// becomes one activity entry (activity-entry.ts) with each row's field diff (row-diff.ts).

import { entityKey, type Activity, type RowChange } from '../../shared/schema/activity-entities.ts';
import { activityEntry, MAX_LISTED_ROWS, type ActivityMeta } from './activity-entry.ts';
import { diffRow } from './row-diff.ts';

/** A row as the store holds it: its JSON (parsed already when someone read it); null for no row. */
export type RowVersion = { deleted: boolean; value: string; row?: unknown } | null;

type Touch = { tbl: string; id: string; before: RowVersion | undefined; after: RowVersion };
type Change = { meta: ActivityMeta; touched: Map<string, Touch> };

export const ACTIVITY_TABLE = 'activity';

export type ActivityTracker = ReturnType<typeof createActivityTracker>;

export function createActivityTracker() {
	let open: Change | null = null;
	let closed: Change[] = [];
	return {
		/** Starts a change; its writes are followed until close() or drop(). */
		open(meta: ActivityMeta): void {
			open = { meta, touched: new Map() };
		},
		get following(): boolean {
			return open !== null;
		},
		/** A write of row `key`; `before` is undefined when the transaction does not know the row yet. */
		wrote(key: string, tbl: string, id: string, before: RowVersion | undefined, after: RowVersion): void {
			if (!open || tbl === ACTIVITY_TABLE) return;
			const seen = open.touched.get(key);
			if (seen) seen.after = after;
			else open.touched.set(key, { tbl, id, before, after });
		},
		/** Whether `key` was written by the change in progress (its value before is noted already). */
		touches(key: string): boolean {
			return open?.touched.has(key) ?? false;
		},
		close(): void {
			if (open) closed.push(open);
			open = null;
		},
		drop(): void {
			open = null;
		},
		/**
		 * Takes the closed changes and answers their entries, reading through `read` (in one go) the rows
		 * whose value before the transaction did not know. A person's change always has its entry (a
		 * retry that only queued a job too); a sync's or the system's only when a row really changed.
		 */
		async drain(read: (rows: RowKey[]) => Promise<ReadonlyMap<string, RowVersion>>): Promise<Activity[]> {
			const batch = closed;
			closed = [];
			const unknown = unknownRows(batch);
			if (unknown.length > 0) settle(batch, await read(unknown));
			const entries: Activity[] = [];
			for (const change of batch) {
				const { changes, related, unlisted } = diffChange(change);
				if (changes.length === 0 && change.meta.actor.kind !== 'person') continue;
				entries.push(activityEntry(change.meta, changes, related, unlisted));
			}
			return entries;
		},
		get pending(): boolean {
			return closed.length > 0;
		}
	};
}

export type RowKey = { key: string; tbl: string; id: string };

function unknownRows(batch: readonly Change[]): RowKey[] {
	const rows = new Map<string, RowKey>();
	for (const change of batch) {
		for (const [key, t] of change.touched) if (t.before === undefined) rows.set(key, { key, tbl: t.tbl, id: t.id });
	}
	return [...rows.values()];
}

/** Only a row's first change in the transaction can miss its value before: later ones saw its write. */
function settle(batch: readonly Change[], found: ReadonlyMap<string, RowVersion>): void {
	const settled = new Set<string>();
	for (const change of batch) {
		for (const [key, t] of change.touched) {
			if (t.before !== undefined || settled.has(key)) continue;
			t.before = found.get(key) ?? null;
			settled.add(key);
		}
	}
}

function parsed(version: RowVersion | undefined): Record<string, unknown> | null {
	if (!version || version.deleted) return null;
	return (version.row ?? JSON.parse(version.value)) as Record<string, unknown>;
}

function diffChange(change: Change): { changes: RowChange[]; related: string[]; unlisted: number } {
	const changes: RowChange[] = [];
	const related: string[] = [];
	let unlisted = 0;
	for (const t of change.touched.values()) {
		if (changes.length >= MAX_LISTED_ROWS) {
			// Past what the entry lists (an import of thousands): counted, not diffed.
			if (!sameVersion(t.before, t.after)) unlisted++;
			continue;
		}
		const before = parsed(t.before);
		const after = parsed(t.after);
		const diff = diffRow(t.tbl, t.id, before, after);
		if (!diff) continue;
		changes.push(diff);
		if (t.tbl === 'quoteLines') {
			const quoteId = (after ?? before)?.quoteId;
			if (typeof quoteId === 'string') related.push(entityKey('quotes', quoteId));
		}
	}
	return { changes, related, unlisted };
}

function sameVersion(a: RowVersion | undefined, b: RowVersion): boolean {
	const absent = (v: RowVersion | undefined) => !v || v.deleted;
	if (absent(a) || absent(b)) return absent(a) === absent(b);
	return a!.value === b!.value;
}
