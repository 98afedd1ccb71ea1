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
// Each change begun with its activity meta is logged (sql-tx-activity.ts). What the transaction has
// read is sql-tx-reads.ts, what it has not sent yet sql-tx-writes.ts, who may read a row sql-tx-scope.ts.

import type { RawBuilder, Transaction } from 'kysely';
import { DomainError } from '../../shared/errors.ts';
import { TABLES, type IndexOf, type RowOf, type TableName } from '../../shared/schema/tables.ts';
import type { Tx } from '../../shared/sync/tx.ts';
import type { Database } from '../store/schema.ts';
import type { SqliteStatements } from '../store/store.ts';
import type { ActivityMeta } from '../activity/activity-entry.ts';
import { entityStatements } from './entity-statements.ts';
import { createTxActivity } from './sql-tx-activity.ts';
import { greatestKey } from '../../shared/sync/greatest-key.ts';
import { keyOf, parsedRow, rowOf, writtenEntry, type Entry } from './sql-tx-entry.ts';
import { createTxReads } from './sql-tx-reads.ts';
import { scopeOf } from './sql-tx-scope.ts';
import { createTxWrites } from './sql-tx-writes.ts';

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

/** `sqlite`: the store's own statements on SQLite (entity-statements.ts). */
export function openPushRows(
	trx: Transaction<Database>,
	orgId: string,
	version: number,
	sqlite?: SqliteStatements
): PushRows {
	return openRows(trx, orgId, version, false, undefined, sqlite);
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

function openRows(
	trx: Transaction<Database>,
	orgId: string,
	version: number,
	immediate: boolean,
	follow?: ActivityMeta,
	sqlite?: SqliteStatements
): PushRows {
	const statements = entityStatements(trx, orgId, sqlite);
	const writes = createTxWrites();
	const reads = createTxReads(statements, query, writes.mine);
	const activity = createTxActivity({ statements, query, known: reads.known, immediate });
	if (follow) activity.open(follow);
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

	/** Writing at once, nothing read is kept: another writer may change the rows between statements. */
	function forgetReads(): void {
		reads.forget(writes.unflushed());
	}

	async function current(table: string, id: string): Promise<Entry | null> {
		if (immediate) forgetReads();
		return reads.current(table, id);
	}

	async function write(entry: Entry): Promise<void> {
		await activity.wrote(entry);
		writes.put(entry);
		reads.wrote(entry);
		if (immediate) await flush();
		await letOthersRun();
	}

	async function flush(alongside?: RawBuilder<unknown>): Promise<boolean> {
		const ops = writes.take();
		await activity.addTo(ops);
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
						{ alongside: last ? alongside : undefined, betweenRows: letOthersRun }
					)
				);
				for (const e of entries) {
					reads.flushed(e);
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

	/** The entries of the rows whose indexed `field` is `value`, in id order. */
	async function indexed(table: TableName, field: string, value: string): Promise<Entry[]> {
		if (TABLES[table].index !== field) throw new Error(`${table} has no index on ${field}`);
		if (immediate) forgetReads();
		return reads.group(
			keyOf(table, value),
			() => statements.children(table, value),
			(e) => e.parent === value
		);
	}

	const quoteScope = async (quoteId: string) => (await current('quotes', quoteId))?.scope ?? null;

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
			const scope = await scopeOf(table, row, quoteScope);
			const previous = table === 'quotes' ? await current('quotes', row.id) : null;
			/**
			 * A quote moving to another company leaves the old company's contacts' view. Their pull filter
			 * no longer matches the row, so no delete would reach them: bumping the ACL version of the
			 * people linked to that company resets them.
			 */
			if (previous?.scope && previous.scope !== scope) writes.record({ kind: 'revoke', scope: previous.scope });
			// The checked row is this call's own object: kept, so nothing parses the value back.
			await write(writtenEntry({ tbl: table, id: row.id, deleted: false, scope, parent, row: checked.data }));
			// A quote that moves to another company takes its lines' visibility with it (lines always
			// carry their quote's scope, so a quote that keeps its company leaves them as they are).
			if (table === 'quotes' && !(previous && previous.scope === scope)) {
				writes.record({ kind: 'moveLines', quoteId: row.id, scope });
				if (immediate) await flush();
			}
		},

		async delete(table, id) {
			const entry = await current(table, id);
			if (!entry || entry.deleted) return;
			await write({ ...entry, deleted: true });
		},

		async byIndex<T extends TableName>(table: T, field: IndexOf<T>, value: string) {
			return (await indexed(table, field, value)).map((e) => rowOf<RowOf<T>>(e));
		},

		async greatestByIndex(table, field, value, key) {
			return greatestKey((await indexed(table, field, value)).map(parsedRow), key);
		},

		async all<T extends TableName>(table: T) {
			if (immediate) forgetReads();
			const entries = await reads.group(
				table,
				() => statements.table(table),
				() => true
			);
			return entries.map((e) => rowOf<RowOf<T>>(e));
		}
	};

	return {
		tx,
		begin(meta) {
			writes.begin();
			if (meta) activity.open(meta);
		},
		commit() {
			activity.close();
			writes.commit();
		},
		discard() {
			writes.discard();
			activity.drop();
		},
		flush,
		readAhead: (ids) => reads.readAhead(ids),
		reset() {
			writes.discard();
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
