// What a server effect may use: the push transaction (raw, for tables that do not replicate), the
// versioned Tx, and the gateway's own services.

import type { Transaction } from 'kysely';
import type { Tx } from '../../../shared/sync/tx.ts';
import type { Mailer } from '../../mail/mailer.ts';
import type { Database } from '../../store/schema.ts';

export type EffectServices = {
	mailer: Mailer;
	/** Where links in mail point, e.g. http://localhost:8787. */
	publicUrl: string;
};

export type EffectContext = EffectServices & {
	trx: Transaction<Database>;
	tx: Tx;
	orgId: string;
	now: number;
};

/** Runs after a mutation's apply(), in its transaction, with the arguments its schema checked. */
export type Effect<Args = unknown> = (ctx: EffectContext, args: Args) => Promise<void>;
