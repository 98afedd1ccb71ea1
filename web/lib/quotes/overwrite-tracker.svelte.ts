// The editor's side of overwrite-watch.ts: feeds it each snapshot of the quote, keeps its state
// reactive for the fields that show "Changed on another device", and remembers it on this device
// (across reloads and days offline) in a small key-value store such as localStorage.

import { z } from 'zod';
import {
	dismiss,
	EMPTY_WATCH,
	fieldKey,
	reconcile,
	reportsByField,
	reportsByRow,
	rowKey,
	snapshotOf,
	type Overwrite,
	type WatchState
} from './overwrite-watch.ts';
import type { QuoteDetail } from './quote-detail.ts';

export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem'>;

const write = z.object({
	table: z.enum(['quotes', 'quoteLines']),
	rowId: z.string(),
	field: z.string(),
	value: z.unknown(),
	quoteId: z.string(),
	mutationID: z.number()
});
const stored = z.object({ watching: z.array(write), overwritten: z.array(write.extend({ confirmed: z.unknown() })) });

export class OverwriteTracker {
	#state = $state.raw<WatchState>(EMPTY_WATCH);
	#byField = $derived(reportsByField(this.#state));
	#byRow = $derived(reportsByRow(this.#state));
	/** The highest outbox id already read; later snapshots read only newer entries. */
	seenUpTo = 0;
	readonly #storage: KeyValueStorage | null;
	readonly #key: string;

	constructor(storage: KeyValueStorage | null, key: string) {
		this.#storage = storage;
		this.#key = key;
		try {
			const parsed = stored.safeParse(JSON.parse(storage?.getItem(key) ?? 'null'));
			if (parsed.success) this.#state = parsed.data as WatchState;
		} catch {
			// Unreadable: start with nothing watched.
		}
	}

	/** One snapshot of the quote as the editor's query read it. */
	observe(detail: QuoteDetail): void {
		const { quote, lines, newEntries, pendingIds, rejectedIds } = detail;
		const next = reconcile(this.#state, snapshotOf(quote, lines, newEntries, pendingIds, rejectedIds));
		this.seenUpTo = Math.max(this.seenUpTo, ...detail.newEntries.map((e) => e.id));
		this.#set(next);
	}

	find(table: 'quotes' | 'quoteLines', rowId: string, field: string): Overwrite | undefined {
		return this.#byField.get(fieldKey(table, rowId, field));
	}

	/** This row's reports by field, or undefined when it has none (nearly always). */
	forRow(table: 'quotes' | 'quoteLines', rowId: string): ReadonlyMap<string, Overwrite> | undefined {
		return this.#byRow.get(rowKey(table, rowId));
	}

	dismiss(table: 'quotes' | 'quoteLines', rowId: string, field: string): void {
		this.#set(dismiss(this.#state, table, rowId, field));
	}

	#set(next: WatchState): void {
		const json = JSON.stringify(next);
		if (json === JSON.stringify(this.#state)) return;
		this.#state = next;
		try {
			this.#storage?.setItem(this.#key, json);
		} catch {
			// A full store only costs the memory of this across reloads.
		}
	}
}
