import { runTxContract } from '../../../shared/sync/tx-contract.ts';
import type { Tx } from '../../../shared/sync/tx.ts';
import { ENTITY_STORES, type LocalDb } from '../platform/local-db.ts';
import { destroyTestDb, openTestDb } from '../test/fake-local-db.ts';
import { committed, createIdbTx } from './idb-tx.ts';

/** Each call in a native transaction of its own, committed before it answers (the contract awaits between calls). */
function perCallTx(db: LocalDb): Tx {
	const run =
		<A extends unknown[], R>(call: (tx: Tx, ...args: A) => Promise<R>) =>
		async (...args: A): Promise<R> => {
			if (!db.isOpen()) await db.open();
			const trans = db.backendDB().transaction([...ENTITY_STORES], 'readwrite');
			const done = committed(trans);
			const result = await call(createIdbTx(db, trans), ...args);
			await done;
			return result;
		};
	return {
		get: run((tx, table, id) => tx.get(table, id)),
		put: run((tx, table, row) => tx.put(table, row)),
		delete: run((tx, table, id) => tx.delete(table, id)),
		byIndex: run((tx, table, field, value) => tx.byIndex(table, field, value)),
		greatestByIndex: run((tx, table, field, value, key) => tx.greatestByIndex(table, field, value, key)),
		all: run((tx, table) => tx.all(table))
	} as Tx;
}

runTxContract('native IndexedDB', async () => {
	const db = openTestDb();
	return { tx: perCallTx(db), close: () => destroyTestDb(db) };
});
