import { runTxContract } from '../../../shared/sync/tx-contract.ts';
import { destroyTestDb, openTestDb } from '../test/fake-local-db.ts';
import { createDexieTx } from './dexie-tx.ts';

runTxContract('dexie', async () => {
	const db = openTestDb();
	return { tx: createDexieTx(db, { keepConfirmed: false }), close: () => destroyTestDb(db) };
});
