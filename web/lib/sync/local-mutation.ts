// A local write: the mutation runs optimistically and is appended to the outbox in the same
// IndexedDB transaction, so a change that was shown on screen is never lost (DESIGN section 3).

import { can, type Principal } from '../../../shared/auth/permissions.ts';
import { DomainError } from '../../../shared/errors.ts';
import { findMutation, type MutationArgs, type MutationName } from '../../../shared/mutations/registry.ts';
import { ENTITY_STORES, type LocalDb } from '../platform/local-db.ts';
import { createDexieTx } from './dexie-tx.ts';
import { readMeta, writeMeta } from './local-meta.ts';

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
		throw new DomainError('invalid_input', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
	}
	return db.transaction('rw', [...ENTITY_STORES, 'outbox', 'confirmed', 'meta'], async () => {
		await def.apply(createDexieTx(db, { keepConfirmed: true }), parsed.data, { userId: principal.userId, actor: principal, now });
		const id = await readMeta(db, 'nextMutationID', 1);
		await writeMeta(db, 'nextMutationID', id + 1);
		await db.outbox.add({ id, name, args: parsed.data, timestamp: now });
		return id;
	});
}
