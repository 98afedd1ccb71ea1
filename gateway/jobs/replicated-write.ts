// Writes from outside a push (the job runner, PSA sync): one versioned transaction whose rows
// replicate like any mutation's, and a poke after it commits.

import type { Transaction } from 'kysely';
import type { Tx } from '../../shared/sync/tx.ts';
import type { Database } from '../store/schema.ts';
import type { Store } from '../store/store.ts';
import type { PokeHub } from '../sync/poke-hub.ts';
import { nextSpaceVersion } from '../sync/space-version.ts';
import { createSqlTx } from '../sync/sql-tx.ts';

/** `trx` is for the tables that do not replicate (accounts), written in the same transaction. */
export type ReplicatedWriter = <T>(orgId: string, fn: (tx: Tx, trx: Transaction<Database>) => Promise<T>) => Promise<T>;

export function replicatedWriter(store: Store, pokes: Pick<PokeHub, 'poke'>): ReplicatedWriter {
	return async (orgId, fn) => {
		const result = await store.write(async (trx) =>
			fn(createSqlTx(trx, orgId, await nextSpaceVersion(trx, orgId)), trx)
		);
		pokes.poke(orgId);
		return result;
	};
}
