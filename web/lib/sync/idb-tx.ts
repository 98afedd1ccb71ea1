// Tx over one native IndexedDB transaction on the database Dexie opened: the local write path, at the
// cost of the requests it makes. Writes are not awaited one by one (IndexedDB runs a transaction's
// requests in order, and a failed one aborts it all). Each row's value from before its first write is
// collected for the outbox entry (confirmed-values.ts), so a pull can rebuild "confirmed state +
// pending mutations" exactly (DESIGN section 3). What it wrote is collected as Dexie's observability
// set, for liveQuery.

import { cmp, RangeSet, type IndexableType, type ObservabilitySet } from 'dexie';
import type { IndexOf, RowOf, TableName } from '../../../shared/schema/tables.ts';
import { greatestKey } from '../../../shared/sync/greatest-key.ts';
import type { Tx } from '../../../shared/sync/tx.ts';
import type { LocalDb } from '../platform/local-db.ts';
import type { RowBefore } from './confirmed-values.ts';

type Row = { id: string };

export type IdbTx = Tx & {
	/** The rows, indexes and outbox entries this transaction wrote, as liveQuery observes them. */
	readonly changes: ObservabilitySet;
	/** Records a write made directly on `trans` (the outbox entry), so liveQuery hears of it too. */
	wrote(store: string, key: IndexableType): void;
	/** Each row written, as it was before this transaction first wrote it. */
	readonly before: RowBefore[];
	/**
	 * Asks for rows a caller expects the mutation to read, now, so their gets run beside its first
	 * read instead of after it. The mutation still reads them itself; a row its transaction does not
	 * span is skipped, and one it never reads costs one unused get.
	 */
	readAhead(rows: readonly RowRef[]): void;
};

/** A row by table and id. */
export type RowRef = readonly [table: TableName, id: string];

function request<T>(req: IDBRequest<T>): Promise<T> {
	return new Promise((resolve, reject) => {
		req.onsuccess = () => resolve(req.result);
		req.onerror = () => reject(req.error);
	});
}

export function createIdbTx(db: LocalDb, trans: IDBTransaction): IdbTx {
	// Within one transaction each row is read at most once: the mutation's reads and its writes' record
	// of the value before share it. A row's entry is what the store holds once every issued request has run.
	const rows = new Map<string, Promise<Row | null>>();
	const before = new Map<string, RowBefore>();
	const changes: Record<string, RangeSet> = {};
	const store = (name: string) => {
		try {
			return trans.objectStore(name);
		} catch (error) {
			if (!(error instanceof DOMException && error.name === 'NotFoundError')) throw error;
			throw new Error(`This write's transaction does not span '${name}': add it to the mutation's stores.`, {
				cause: error
			});
		}
	};
	const keyOf = (table: TableName, id: string) => `${table}\u0000${id}`;
	const part = (store: string, index: string) => (changes[`idb://${db.name}/${store}/${index}`] ??= new RangeSet());

	function current(table: TableName, id: string): Promise<Row | null> {
		const key = keyOf(table, id);
		let row = rows.get(key);
		if (!row) {
			row = quiet(request(store(table).get(id)).then((found: Row | undefined) => found ?? null));
			rows.set(key, row);
		}
		return row;
	}

	/** As Dexie's observability middleware records a write whose previous value it knows. */
	function record(table: TableName, id: string, before: Row | null, after: Row | null) {
		part(table, '').addKey(id);
		if (after === null) part(table, ':dels').addKey(id);
		for (const field of indexedFields(db, table)) {
			const was = (before as Record<string, unknown> | null)?.[field] as IndexableType | undefined;
			const is = (after as Record<string, unknown> | null)?.[field] as IndexableType | undefined;
			if (was === is || (was != null && is != null && cmp(was, is) === 0)) continue;
			if (was != null) part(table, field).addKey(was);
			if (is != null) part(table, field).addKey(is);
		}
	}

	async function write(table: TableName, id: string, after: Row | null): Promise<void> {
		const key = keyOf(table, id);
		const was = await current(table, id);
		if (!before.has(key)) before.set(key, { table, id, value: was });
		if (after) store(table).put(after);
		else store(table).delete(id);
		rows.set(key, Promise.resolve(after && structuredClone(after)));
		record(table, id, was, after);
	}

	return {
		changes,
		get before() {
			return [...before.values()];
		},
		wrote(store, key) {
			part(store, '').addKey(key);
		},
		readAhead(refs) {
			for (const [table, id] of refs) if (trans.objectStoreNames.contains(table)) void current(table, id);
		},
		get<T extends TableName>(table: T, id: string) {
			return current(table, id).then(
				(row) => (row === null ? undefined : structuredClone(row)) as RowOf<T> | undefined
			);
		},
		put: (table, row) => write(table, row.id, row),
		delete: (table, id) => write(table, id, null),
		async byIndex<T extends TableName>(table: T, field: IndexOf<T>, value: string) {
			const found = await request(
				store(table)
					.index(field as string)
					.getAll(value)
			);
			return (found as Row[]).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)) as RowOf<T>[];
		},
		async greatestByIndex(table, field, value, key) {
			return greatestKey(
				await request(
					store(table)
						.index(field as string)
						.getAll(value)
				),
				key
			);
		},
		async all<T extends TableName>(table: T) {
			// Keys are ids: the store hands them back in id order.
			return (await request(store(table).getAll())) as RowOf<T>[];
		}
	};
}

const indexes = new Map<TableName, string[]>();

/** The fields a table is indexed on (every entity index is one plain field, named after it). */
function indexedFields(db: LocalDb, table: TableName): string[] {
	let fields = indexes.get(table);
	if (!fields) {
		fields = db.table(table).schema.indexes.map((index) => index.keyPath as string);
		indexes.set(table, fields);
	}
	return fields;
}

/** A lookup nobody may await when the transaction aborts: its failure is not an unhandled rejection. */
function quiet<T>(promise: Promise<T>): Promise<T> {
	promise.catch(() => undefined);
	return promise;
}

/** Resolves when `trans` commits; rejects when it aborts or fails. */
export function committed(trans: IDBTransaction): Promise<void> {
	return new Promise((resolve, reject) => {
		trans.oncomplete = () => resolve();
		trans.onerror = () => reject(trans.error);
		trans.onabort = () => reject(trans.error ?? new DOMException('The transaction was aborted.', 'AbortError'));
	});
}
