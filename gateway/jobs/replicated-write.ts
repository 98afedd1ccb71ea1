// Writes from outside a push (the job runner, PSA sync): one versioned transaction whose rows
// replicate like any mutation's, logged in the activity log as one change, and a poke after it commits.

import type { Transaction } from 'kysely';
import type { ActivityActor } from '../../shared/schema/activity-entities.ts';
import type { Tx } from '../../shared/sync/tx.ts';
import type { Database } from '../store/schema.ts';
import type { Store } from '../store/store.ts';
import type { PokeHub } from '../sync/poke-hub.ts';
import { nextSpaceVersion } from '../sync/space-version.ts';
import { createLoggedSqlTx } from '../sync/sql-tx.ts';

/** Who writes, for the activity log: a PSA sync names its provider; left out, the system. */
export type WriteAs = { actor: ActivityActor; action: string };

const SYSTEM: WriteAs = { actor: { kind: 'system' }, action: 'system' };

/** `trx` is for the tables that do not replicate (accounts), written in the same transaction. */
export type ReplicatedWriter = <T>(
	orgId: string,
	fn: (tx: Tx, trx: Transaction<Database>) => Promise<T>,
	as?: WriteAs
) => Promise<T>;

export function replicatedWriter(
	store: Store,
	pokes: Pick<PokeHub, 'poke'>,
	clock: { now(): number } = Date
): ReplicatedWriter {
	return async (orgId, fn, as = SYSTEM) => {
		const result = await store.write(async (trx) => {
			const version = await nextSpaceVersion(trx, orgId);
			const logged = createLoggedSqlTx(trx, orgId, version, { ...as, subject: null, at: clock.now() });
			const answer = await fn(logged.tx, trx);
			await logged.finish();
			return answer;
		});
		pokes.poke(orgId);
		return result;
	};
}

/** The same writer, every write logged as `provider`'s sync doing `action`. */
export function syncWriter(write: ReplicatedWriter, provider: string, action: string): ReplicatedWriter {
	return (orgId, fn) => write(orgId, fn, { actor: { kind: 'sync', provider }, action });
}
