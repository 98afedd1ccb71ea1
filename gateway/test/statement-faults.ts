// Store faults for tests, raised at the driver (StoreOptions.observe): a statement on either path, a
// Kysely query or one run directly on SQLite, fails with the error class its driver throws, so the
// push classifies it (store-errors.ts) exactly as it would a real one.

import SQLite from 'better-sqlite3';
import pg from 'pg';
import type { StatementObserver } from '../store/observed-statements.ts';
import type { Store, StoreKind } from '../store/store.ts';

/** The error better-sqlite3 or node-postgres throws for a statement that failed with `code`. */
function driverError(kind: StoreKind, code: string, message: string): Error {
	if (kind === 'sqlite') return new SQLite.SqliteError(message, code);
	return Object.assign(new pg.DatabaseError(message, message.length, 'error'), { code });
}

/**
 * While armed with a code, every statement whose text names `table` fails with it, if it runs inside
 * a write transaction of the store given to wrap(): the reads that authenticate a request go through.
 * The store must have been opened with `observe`.
 */
export function failingWrites(kind: StoreKind, table: string) {
	const names = new RegExp(`\\b${table}\\b`);
	let failWith: string | null = null;
	let writing = 0;
	const observe: StatementObserver = (text) => {
		if (failWith !== null && writing > 0 && names.test(text)) {
			throw driverError(kind, failWith, `${failWith} on ${table} (injected)`);
		}
	};
	return {
		observe,
		wrap(store: Store): Store {
			return {
				...store,
				write: (fn) =>
					store.write(async (trx) => {
						writing++;
						try {
							return await fn(trx);
						} finally {
							writing--;
						}
					})
			};
		},
		arm(code: string | null) {
			failWith = code;
		}
	};
}
