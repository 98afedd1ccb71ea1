// A local write: the mutation runs optimistically and is appended to the outbox in the same
// IndexedDB transaction, so a change that was shown on screen is never lost (DESIGN section 3).

import { can, type Principal } from '../../../shared/auth/permissions.ts';
import { DomainError } from '../../../shared/errors.ts';
import { findMutation, type MutationArgs, type MutationName } from '../../../shared/mutations/registry.ts';
import { ENTITY_STORES, type LocalDb, type OutboxEntry } from '../platform/local-db.ts';
import { createDexieTx } from './dexie-tx.ts';

export async function runLocalMutation<N extends MutationName>(
	db: LocalDb,
	principal: Principal,
	name: N,
	args: MutationArgs<N>,
	now: number
): Promise<number> {
	const def = findMutation(name);
	if (!def) throw DomainError.of('unknownMutation');
	if (!can(principal, def.permission)) throw DomainError.of('forbidden');
	const parsed = def.args.safeParse(args);
	if (!parsed.success) {
		throw new DomainError(
			'invalid_input',
			parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')
		);
	}
	return db.transaction('rw', [...ENTITY_STORES, 'outbox', 'confirmed'], async () => {
		await def.apply(createDexieTx(db, { keepConfirmed: true }), parsed.data, {
			userId: principal.userId,
			actor: principal,
			now
		});
		// The outbox's key generator numbers this client's mutations: it only ever counts up, even
		// past deleted (acknowledged) entries, which is exactly what a mutation id must do.
		return (await db.outbox.add({ name, args: parsed.data, timestamp: now } as OutboxEntry)) as number;
	});
}
