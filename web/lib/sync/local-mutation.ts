// A local write: the mutation runs optimistically and is appended to the outbox in the same
// IndexedDB transaction, so a change that was shown on screen is never lost (DESIGN section 3). The
// entry holds the rows it wrote as they were before, for the next pull's rebase (confirmed-values.ts).

import { forbiddenMessage } from '../../../shared/auth/permission-refusal.ts';
import { Dexie } from 'dexie';
import { can, type Principal } from '../../../shared/auth/permissions.ts';
import { DomainError } from '../../../shared/errors.ts';
import { findMutation, type MutationArgs, type MutationName } from '../../../shared/mutations/registry.ts';
import type { LocalDb, OutboxEntry } from '../platform/local-db.ts';
import { committed, createIdbTx, type RowRef } from './idb-tx.ts';

/** How this device writes, apart from what the mutation is: none of it reaches the outbox or the gateway. */
export type LocalWriteOptions = {
	/** Rows the caller knows the mutation will read (a line's quote): asked for at once (IdbTx.readAhead). */
	readAhead?: readonly RowRef[];
};

export async function runLocalMutation<N extends MutationName>(
	db: LocalDb,
	principal: Principal,
	name: N,
	args: MutationArgs<N>,
	now: number,
	options: LocalWriteOptions = {}
): Promise<number> {
	const def = findMutation(name);
	if (!def) throw DomainError.of('unknownMutation');
	if (!can(principal, def.permission)) throw DomainError.of('forbidden', forbiddenMessage(def.permission));
	const parsed = def.args.safeParse(args);
	if (!parsed.success) {
		throw new DomainError(
			'invalid_input',
			parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')
		);
	}
	if (!db.isOpen()) await db.open();
	const trans = db.backendDB().transaction([...def.stores, 'outbox'], 'readwrite');
	const done = committed(trans);
	const tx = createIdbTx(db, trans);
	let added: IDBRequest<IDBValidKey>;
	try {
		const applied = def.apply(tx, parsed.data, { userId: principal.userId, actor: principal, now });
		// After apply() has made its first request, so the mutation's own first read is not delayed.
		if (options.readAhead) tx.readAhead(options.readAhead);
		await applied;
		// The outbox's key generator numbers this client's mutations: it only ever counts up, even
		// past deleted (acknowledged) entries, which is exactly what a mutation id must do.
		const entry: Omit<OutboxEntry, 'id'> = { name, args: parsed.data, timestamp: now, before: tx.before };
		added = trans.objectStore('outbox').add(entry);
		// Nothing more will be asked: the browser may commit once these requests have run, without
		// first sending the outbox entry's answer back and waiting to see that no request follows.
		trans.commit();
	} catch (error) {
		abort(trans);
		await done.catch(() => undefined);
		throw error;
	}
	await done;
	const id = added.result as number;
	tx.wrote('outbox', id);
	// The write happened under Dexie's feet: tell its live queries, in this tab and the others.
	Dexie.on('storagemutated').fire(tx.changes);
	return id;
}

function abort(trans: IDBTransaction) {
	try {
		trans.abort();
	} catch {
		// It had already ended (a failed request aborts it).
	}
}
