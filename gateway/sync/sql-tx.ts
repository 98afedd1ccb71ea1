// Tx over the SQL store: every row written inside one transaction is stamped with that transaction's
// space version, and deletes leave a versioned tombstone so pulls can send them.
//
// A push (openPushRows) keeps what it read and what it wrote in memory for its whole transaction:
// the space version's lock is held, so no other writer changes the organisation's rows meanwhile.
// Writes are buffered per mutation (begin / commit / discard: a refused mutation's writes are simply
// dropped, no savepoint needed) and reach the database in multi-row statements at flush(), in the
// order they were made. createSqlTx is the same Tx writing at once and reading afresh, for callers
// that mix it with SQL of their own.
//
// Each change begun with its activity meta is logged (gateway/activity): its entry rides in the same
// multi-row statement as its rows, its field diff taken from the rows this transaction holds.

import type { RawBuilder, Transaction } from 'kysely';
import { DomainError } from '../../shared/errors.ts';
import { TABLES, TABLE_NAMES, type IndexOf, type RowOf, type TableName } from '../../shared/schema/tables.ts';
import type { Tx } from '../../shared/sync/tx.ts';
import type { Database } from '../store/schema.ts';
import type { ActivityMeta } from '../activity/activity-entry.ts';
import { ACTIVITY_TABLE, createActivityTracker, type RowKey, type RowVersion } from '../activity/activity-tracker.ts';
import { entityStatements, type StoredEntity } from './entity-statements.ts';

const CUSTOMER_VISIBLE: ReadonlySet<string> = new Set(['sent', 'accepted', 'declined']);

type Entry = {
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

type Op =
	| { kind: 'rows'; rows: Map<string, Entry> }
	| { kind: 'moveLines'; quoteId: string; scope: string | null }
	| { kind: 'revoke'; scope: string };

type Writes = { ops: Op[]; rows: Map<string, Entry> };

export type PushRows = {
	tx: Tx;
	/** Starts a mutation: what it writes is kept apart until commit() or discard(); logged with `meta`. */
	begin(meta?: ActivityMeta): void;
	commit(): void;
	discard(): void;
	/**
	 * Sends the committed writes to the database. On Postgres `alongside` rides with the last row
	 * write when there is one (entity-statements.ts upsert); answers whether it did.
	 */
	flush(alongside?: RawBuilder<unknown>): Promise<boolean>;
	/** Reads every row of any table whose id is one of `ids`, in one statement per chunk. */
	readAhead(ids: readonly string[]): Promise<void>;
	/**
	 * Forgets what was read and the mutation in progress, keeping committed writes not yet flushed:
	 * after a savepoint was rolled back, which may have undone flushed writes and failed statements.
	 */
	reset(): void;
	/** Whether a statement failed since the last reset (on Postgres the transaction is then unusable). */
	readonly queryFailed: boolean;
	/** The replicated tables this transaction has written so far (flushed writes only). */
	readonly changedTables: ReadonlySet<TableName>;
};

export function createSqlTx(trx: Transaction<Database>, orgId: string, version: number): Tx {
	return openRows(trx, orgId, version, true).tx;
}

export function openPushRows(trx: Transaction<Database>, orgId: string, version: number): PushRows {
	return openRows(trx, orgId, version, false);
}

/**
 * createSqlTx for a writer outside a push (a PSA job, a hook): everything written until finish() is
 * one change, logged as `meta` says (nothing is logged when no row really changed).
 */
export function createLoggedSqlTx(
	trx: Transaction<Database>,
	orgId: string,
	version: number,
	meta: ActivityMeta
): { tx: Tx; finish(): Promise<void> } {
	const rows = openRows(trx, orgId, version, true, meta);
	return {
		tx: rows.tx,
		async finish() {
			rows.commit();
			await rows.flush();
		}
	};
}

/**
 * How long a transaction may keep the event loop before it lets it answer others (a health probe,
 * a static file): on SQLite every statement is synchronous, so a mutation writing a thousand rows
 * would otherwise hold it from its first row to its commit.
 */
const YIELD_AFTER_MS = 5;

const keyOf = (table: string, id: string) => `${table}\u0000${id}`;
const byId = (a: Entry, b: Entry) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function openRows(
	trx: Transaction<Database>,
	orgId: string,
	version: number,
	immediate: boolean,
	follow?: ActivityMeta
): PushRows {
	const statements = entityStatements(trx, orgId);
	const activity = createActivityTracker();
	if (follow) activity.open(follow);
	/** What the database holds (null: no such row), as far as this transaction has read or flushed. */
	let base = new Map<string, Entry | null>();
	/** Row keys with a given parent (`table\0parent`) or in a whole table (`table`) that the database holds. */
	let loaded = new Map<string, Set<string>>();
	/** Row keys written under a parent or table in this transaction, flushed or not (a superset: filtered on read). */
	let written = new Map<string, Set<string>>();
	/** Ids looked up in every table at once by readAhead: absent from `base` means absent. */
	let probed = new Set<string>();
	let pending: Writes = { ops: [], rows: new Map() };
	let layer: Writes | null = null;
	let failed = false;
	const changed = new Set<TableName>();
	let ranSince = performance.now();

	async function letOthersRun(): Promise<void> {
		if (performance.now() - ranSince < YIELD_AFTER_MS) return;
		await new Promise<void>((resolve) => setImmediate(resolve));
		ranSince = performance.now();
	}

	async function query<T>(run: () => Promise<T>): Promise<T> {
		try {
			return await run();
		} catch (error) {
			failed = true;
			throw error;
		}
	}

	function fromStored(r: StoredEntity): Entry {
		return { tbl: r.tbl, id: r.id, deleted: Number(r.deleted) !== 0, scope: r.scope, parent: r.parent, value: r.value };
	}

	function remember(rows: readonly StoredEntity[], into?: Set<string>): void {
		for (const r of rows) {
			const k = keyOf(r.tbl, r.id);
			if (!base.has(k)) base.set(k, fromStored(r));
			into?.add(k);
		}
	}

	/** The row as this transaction sees it, if already known; undefined when the database must be asked. */
	function known(table: string, id: string): Entry | null | undefined {
		const seen = knownByKey(keyOf(table, id));
		return seen === undefined && probed.has(id) ? null : seen;
	}

	function knownByKey(k: string): Entry | null | undefined {
		const mine = layer?.rows.get(k) ?? pending.rows.get(k);
		if (mine) return mine;
		return base.get(k);
	}

	async function current(table: string, id: string): Promise<Entry | null> {
		if (immediate) forgetReads();
		const seen = known(table, id);
		if (seen !== undefined) return seen;
		const [row] = await query(() => statements.one(table, id));
		const entry = row ? fromStored(row) : null;
		base.set(keyOf(table, id), entry);
		return entry;
	}

	function rowOf<T>(entry: Entry): T {
		if (entry.row === undefined) entry.row = JSON.parse(entry.value);
		if (entry.flat === undefined) {
			entry.flat = Object.values(entry.row as object).every((v) => v === null || typeof v !== 'object');
		}
		return (entry.flat ? { ...(entry.row as object) } : copyJson(entry.row)) as T;
	}

	function note(group: string, k: string): void {
		let keys = written.get(group);
		if (!keys) written.set(group, (keys = new Set()));
		keys.add(k);
	}

	function index(entry: Entry): void {
		const k = keyOf(entry.tbl, entry.id);
		note(entry.tbl, k);
		if (entry.parent !== null) note(keyOf(entry.tbl, entry.parent), k);
	}

	function record(op: Op): void {
		(layer ?? pending).ops.push(op);
	}

	async function write(entry: Entry): Promise<void> {
		const into = layer ?? pending;
		const k = keyOf(entry.tbl, entry.id);
		if (activity.following) activity.wrote(k, entry.tbl, entry.id, await valueBefore(k, entry), entry);
		const last = into.ops.at(-1);
		if (last?.kind === 'rows') last.rows.set(k, entry);
		else into.ops.push({ kind: 'rows', rows: new Map([[k, entry]]) });
		into.rows.set(k, entry);
		index(entry);
		if (immediate) await flush();
		await letOthersRun();
	}

	/** The row before this change first wrote it; undefined when unknown and left to read at flush. */
	async function valueBefore(k: string, entry: Entry): Promise<RowVersion | undefined> {
		if (activity.touches(k)) return undefined;
		const seen = known(entry.tbl, entry.id);
		// Writing at once, the database will not hold the value before for long: read it now.
		if (seen === undefined && immediate)
			return (await query(() => statements.one(entry.tbl, entry.id))).map(fromStored)[0] ?? null;
		return seen;
	}

	async function readBefore(keys: RowKey[]): Promise<Map<string, RowVersion>> {
		const found = new Map<string, RowVersion>();
		for (const r of await query(() => statements.byKeys(keys))) found.set(keyOf(r.tbl, r.id), fromStored(r));
		return found;
	}

	/** The closed changes' activity entries join `ops`, in their last multi-row statement. */
	async function addActivity(ops: Op[]): Promise<void> {
		const entries = await activity.drain(readBefore);
		if (entries.length === 0) return;
		let last = ops.at(-1);
		if (last?.kind !== 'rows') ops.push((last = { kind: 'rows', rows: new Map() }));
		for (const entry of entries) {
			const value = JSON.stringify(entry);
			const row = { tbl: ACTIVITY_TABLE, id: entry.id, deleted: false, scope: null, parent: null, value };
			last.rows.set(keyOf(ACTIVITY_TABLE, entry.id), row);
		}
	}

	/**
	 * The live rows of a group (a parent's children, or a whole table) as this transaction sees them,
	 * in id order: what the database held when first asked plus what was written since, each as it is now.
	 */
	async function group<T>(
		name: string,
		read: () => Promise<StoredEntity[]>,
		keep: (e: Entry) => boolean
	): Promise<T[]> {
		let stored = loaded.get(name);
		if (!stored) {
			const rows = await query(read);
			stored = new Set();
			remember(rows, stored);
			loaded.set(name, stored);
		}
		const entries: Entry[] = [];
		const take = (k: string) => {
			const entry = knownByKey(k);
			if (entry && !entry.deleted && keep(entry)) entries.push(entry);
		};
		stored.forEach(take);
		for (const k of written.get(name) ?? []) if (!stored.has(k)) take(k);
		return entries.sort(byId).map((e) => rowOf<T>(e));
	}

	async function scopeOf<T extends TableName>(table: T, row: RowOf<T>): Promise<string | null> {
		switch (table) {
			case 'companies':
				return row.id;
			case 'quotes': {
				// A customer sees a quote once it has been sent to them; drafts and retracted ones stay in-house.
				const quote = row as RowOf<'quotes'>;
				return CUSTOMER_VISIBLE.has(quote.status) ? quote.companyId : null;
			}
			case 'users':
				return (row as RowOf<'users'>).companyId;
			case 'contacts':
				return (row as RowOf<'contacts'>).companyId;
			case 'quoteLines':
				return (await current('quotes', (row as RowOf<'quoteLines'>).quoteId))?.scope ?? null;
			case 'issues':
				// The quote an issue came from: who edits quotes reads it (shared/auth/read-scope.ts 'scoped').
				return (row as RowOf<'issues'>).quoteId;
			default:
				return null;
		}
	}

	async function flush(alongside?: RawBuilder<unknown>): Promise<boolean> {
		const { ops } = pending;
		pending = { ops: [], rows: new Map() };
		if (activity.pending) await addActivity(ops);
		let carried = false;
		for (const op of ops) {
			await letOthersRun();
			if (op.kind === 'rows') {
				const entries = [...op.rows.values()];
				const last = op === ops.at(-1);
				carried = await query(() =>
					statements.upsert(
						version,
						entries.map((e) => ({
							tbl: e.tbl,
							id: e.id,
							deleted: e.deleted ? 1 : 0,
							scope: e.scope,
							parent: e.parent,
							value: e.value
						})),
						last ? alongside : undefined
					)
				);
				for (const e of entries) {
					base.set(keyOf(e.tbl, e.id), e);
					changed.add(e.tbl as TableName);
				}
			} else if (op.kind === 'moveLines') {
				if ((await query(() => statements.moveLines(op.quoteId, op.scope, version))) > 0) changed.add('quoteLines');
			} else {
				await query(() => statements.revokeScope(op.scope));
			}
		}
		return carried;
	}

	function forgetReads(): void {
		base = new Map();
		loaded = new Map();
		probed = new Set();
		written = new Map();
		for (const entry of pending.rows.values()) index(entry);
	}

	const tx: Tx = {
		async get(table, id) {
			const entry = await current(table, id);
			return entry && !entry.deleted ? rowOf(entry) : undefined;
		},

		async put(table, row) {
			const checked = TABLES[table].schema.safeParse(row);
			if (!checked.success) {
				throw new DomainError('invalid_row', `A ${table} row is not valid: ${checked.error.message}`);
			}
			const index = TABLES[table].index;
			const parent = index ? String((row as Record<string, unknown>)[index]) : null;
			const scope = await scopeOf(table, row);
			const previous = table === 'quotes' ? await current('quotes', row.id) : null;
			/**
			 * A quote moving to another company leaves the old company's contacts' view. Their pull filter
			 * no longer matches the row, so no delete would reach them: bumping the ACL version of the
			 * people linked to that company resets them.
			 */
			if (previous?.scope && previous.scope !== scope) record({ kind: 'revoke', scope: previous.scope });
			const value = JSON.stringify(checked.data);
			// The checked row is this call's own object: kept, so nothing parses the value back.
			await write({ tbl: table, id: row.id, deleted: false, scope, parent, value, row: checked.data });
			// A quote that moves to another company takes its lines' visibility with it (lines always
			// carry their quote's scope, so a quote that keeps its company leaves them as they are).
			if (table === 'quotes' && !(previous && previous.scope === scope)) {
				record({ kind: 'moveLines', quoteId: row.id, scope });
				if (immediate) await flush();
			}
		},

		async delete(table, id) {
			const entry = await current(table, id);
			if (!entry || entry.deleted) return;
			await write({ ...entry, deleted: true });
		},

		async byIndex<T extends TableName>(table: T, field: IndexOf<T>, value: string) {
			if (TABLES[table].index !== field) throw new Error(`${table} has no index on ${String(field)}`);
			if (immediate) forgetReads();
			return group<RowOf<T>>(
				keyOf(table, value),
				() => statements.children(table, value),
				(e) => e.parent === value
			);
		},

		async all<T extends TableName>(table: T) {
			if (immediate) forgetReads();
			return group<RowOf<T>>(
				table,
				() => statements.table(table),
				() => true
			);
		}
	};

	return {
		tx,
		begin(meta) {
			layer = { ops: [], rows: new Map() };
			if (meta) activity.open(meta);
		},
		commit() {
			activity.close();
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
			activity.drop();
		},
		flush,
		async readAhead(ids) {
			const fresh = [...new Set(ids)].filter((id) => !probed.has(id));
			if (fresh.length === 0) return;
			remember(await query(() => statements.byIds(TABLE_NAMES, fresh)));
			for (const id of fresh) probed.add(id);
		},
		reset() {
			layer = null;
			activity.drop();
			forgetReads();
			failed = false;
		},
		get queryFailed() {
			return failed;
		},
		changedTables: changed
	};
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
