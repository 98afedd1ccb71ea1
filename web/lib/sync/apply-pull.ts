// Applies one pull page in one IndexedDB transaction: restore the confirmed values, apply the
// server's patch, drop acknowledged mutations, replay the rest, save the cookie. A rejected mutation
// vanishes because its rows fall back to their confirmed values (DESIGN section 3), which the outbox
// entries hold (confirmed-values.ts).

import type { Principal } from '../../../shared/auth/permissions.ts';
import { findMutation } from '../../../shared/mutations/registry.ts';
import type { Cookie, PullResponse } from '../../../shared/sync/protocol.ts';
import { ENTITY_STORES, entityTable, type LocalDb } from '../platform/local-db.ts';
import { confirmedValues, sameBefores } from './confirmed-values.ts';
import { createDexieTx } from './dexie-tx.ts';
import { pageRefusal } from './page-check.ts';
import { planPatch, warnInvalid } from './patch-plan.ts';
import { readMeta, writeMeta } from './local-meta.ts';

export type ApplyOutcome =
	| { applied: true; acknowledged: number; rejected: number }
	| { applied: false; reason: 'cookie-moved' | 'cookie-behind' };

export async function applyPull(
	db: LocalDb,
	clientID: string,
	requestCookie: Cookie | null,
	response: PullResponse,
	options: { actor: Principal; now: number }
): Promise<ApplyOutcome> {
	return db.transaction('rw', [...ENTITY_STORES, 'outbox', 'meta', 'rejections'], async () => {
		// Each request is a round trip to the database process: what can go together goes together.
		const [stored, previous, firstPending] = await Promise.all([
			readMeta(db, 'cookie', null),
			readMeta(db, 'lastMutationID', 0),
			db.outbox.limit(1).primaryKeys()
		]);
		const refusal = pageRefusal(stored, requestCookie, response);
		if (refusal) return { applied: false, reason: refusal } as const;

		const acknowledgedUpTo = response.lastMutationIDChanges[clientID];
		const ownRejections = response.rejections.filter((r) => r.clientID === clientID);
		// Nothing changed for this client: no need to rebuild its confirmed state and replay its queue.
		if (response.patch.length === 0 && (acknowledgedUpTo ?? 0) <= previous && ownRejections.length === 0) {
			await saveCookie(db, response, options.now);
			return { applied: true, acknowledged: 0, rejected: 0 } as const;
		}

		// With nothing pending there is no confirmed state to restore and nothing to replay or drop.
		const pending = firstPending.length > 0;
		if (pending) await restoreConfirmed(db);
		await applyPatch(db, response.patch);

		let acknowledged = 0;
		if (acknowledgedUpTo !== undefined) {
			if (acknowledgedUpTo > previous) await writeMeta(db, 'lastMutationID', acknowledgedUpTo);
			if (pending) acknowledged = await db.outbox.where('id').belowOrEqual(acknowledgedUpTo).delete();
		}
		if (pending) await replayPending(db, options.actor);

		if (ownRejections.length > 0) {
			// A refusal the person already saw (and maybe dismissed) stays as they left it.
			const known = await db.rejections.bulkGet(
				ownRejections.map((r) => [r.clientID, r.mutationID] as [string, number])
			);
			const fresh = ownRejections.filter((_, k) => known[k] === undefined);
			await db.rejections.bulkAdd(fresh.map((r) => ({ ...r, receivedAt: options.now, dismissed: 0 as const })));
		}
		await saveCookie(db, response, options.now);
		return { applied: true, acknowledged, rejected: response.rejections.length } as const;
	});
}

async function saveCookie(db: LocalDb, response: PullResponse, now: number): Promise<void> {
	await Promise.all([
		writeMeta(db, 'cookie', response.cookie),
		response.more ? undefined : writeMeta(db, 'lastSyncedAt', now)
	]);
}

/** Every row a pending mutation touched back to its server value (call inside a transaction). */
export async function restoreConfirmed(db: LocalDb): Promise<void> {
	const values = confirmedValues(await db.outbox.orderBy('id').toArray());
	for (const table of new Set(values.map((v) => v.table))) {
		const mine = values.filter((v) => v.table === table);
		await entityTable(db, table).bulkDelete(mine.filter((v) => v.value === null).map((v) => v.id));
		await entityTable(db, table).bulkPut(mine.filter((v) => v.value !== null).map((v) => v.value as { id: string }));
	}
}

async function applyPatch(db: LocalDb, patch: PullResponse['patch']): Promise<void> {
	const plan = planPatch(patch);
	if (plan.clear) await Promise.all(ENTITY_STORES.map((store) => db.table(store).clear()));
	// The plan settles each row by its last operation: no row is both deleted and put, so the
	// writes need not wait for one another.
	await Promise.all([
		...[...plan.deletes].map(([table, ids]) => entityTable(db, table).bulkDelete(ids)),
		...[...plan.puts].map(([table, rows]) => entityTable(db, table).bulkPut(rows))
	]);
	warnInvalid(plan);
}

/**
 * The outbox applied again, oldest first, over the rows as they are (call inside a transaction, after
 * restoreConfirmed). Each row's value before the replay first wrote it is now held by that entry alone.
 */
export async function replayPending(db: LocalDb, actor: Principal): Promise<void> {
	const tx = createDexieTx(db);
	for (const entry of await db.outbox.orderBy('id').toArray()) {
		const def = findMutation(entry.name);
		const args = def?.args.safeParse(entry.args);
		if (def && args?.success) {
			try {
				await def.apply(tx, args.data, { userId: actor.userId, actor, now: entry.timestamp });
			} catch {
				// It no longer applies on the new server state; the server will reject it and say why.
			}
		}
		const before = tx.takeBefore();
		if (!sameBefores(entry.before, before)) await db.outbox.put({ ...entry, before });
	}
}
