// A pull page written in one native IndexedDB transaction while nothing is pending (an initial sync's
// pages): its writes are issued at once, beside the reads that check it (the stored cookie, an empty
// outbox), and the transaction is aborted, writing nothing, when a check fails. So the page's writes
// can wait in IndexedDB behind the page before it: readwrite transactions over the same stores run in
// the order they were created, and a page whose predecessor did not land finds another cookie and
// aborts. With a mutation pending, or refusals to record, applyPull does the rebase.

import { Dexie, RangeSet, type ObservabilitySet } from 'dexie';
import type { Cookie, PullResponse } from '../../../shared/sync/protocol.ts';
import type { TableName } from '../../../shared/schema/tables.ts';
import { ENTITY_STORES, type LocalDb } from '../platform/local-db.ts';
import type { ApplyOutcome } from './apply-pull.ts';
import { pageRefusal } from './page-check.ts';
import { planPatch, warnInvalid, type PatchPlan } from './patch-plan.ts';
import { committed } from './idb-tx.ts';
import type { MetaValues } from './local-meta.ts';

/** `pending`: a mutation is pending or a refusal is to be recorded; applyPull must rebase. */
export type PageOutcome = ApplyOutcome | { applied: false; reason: 'pending' };

/** Dexie's own limit: a bulk write of this many rows or more marks its whole table changed. */
const EXACT_KEYS_BELOW = 50;

/**
 * Creates the page's transaction before it first awaits, so pages written one after another without
 * waiting land in that order. Call on an open database.
 */
export async function writePage(
	db: LocalDb,
	clientID: string,
	requestCookie: Cookie | null,
	response: PullResponse,
	now: number
): Promise<PageOutcome> {
	if (response.rejections.some((r) => r.clientID === clientID)) return { applied: false, reason: 'pending' };
	const plan = planPatch(response.patch);
	const trans = db.backendDB().transaction([...ENTITY_STORES, 'outbox', 'meta'], 'readwrite');
	const done = committed(trans);
	done.catch(() => undefined);
	const meta = trans.objectStore('meta');
	const written: (keyof MetaValues)[] = ['cookie'];
	const checks = Promise.all([
		answer(meta.get('cookie')),
		answer(meta.get('lastMutationID')),
		answer(trans.objectStore('outbox').getAllKeys(null, 1))
	]);
	try {
		if (plan.clear) for (const store of ENTITY_STORES) trans.objectStore(store).clear();
		for (const [table, ids] of plan.deletes) for (const id of ids) trans.objectStore(table).delete(id);
		for (const [table, rows] of plan.puts) for (const row of rows) trans.objectStore(table).put(row);
		meta.put({ key: 'cookie', value: response.cookie });
		if (!response.more) {
			meta.put({ key: 'lastSyncedAt', value: now });
			written.push('lastSyncedAt');
		}
	} catch (error) {
		abort(trans);
		checks.catch(() => undefined);
		throw error;
	}
	const [stored, previous, firstPending] = await checks.catch((error: unknown) => {
		abort(trans);
		throw error;
	});
	const refusal = pageRefusal(entryValue(stored, null), requestCookie, response);
	if (refusal || firstPending.length > 0) {
		abort(trans);
		await done.catch(() => undefined);
		return { applied: false, reason: refusal ?? 'pending' };
	}
	const acknowledgedUpTo = response.lastMutationIDChanges[clientID];
	if (acknowledgedUpTo !== undefined && acknowledgedUpTo > entryValue(previous, 0)) {
		meta.put({ key: 'lastMutationID', value: acknowledgedUpTo });
		written.push('lastMutationID');
	}
	trans.commit();
	await done;
	warnInvalid(plan);
	// Written under Dexie's feet: its live queries, in this tab and the others, learn of it here.
	Dexie.on('storagemutated').fire(pageChanges(db, plan, written));
	return { applied: true, acknowledged: 0, rejected: response.rejections.length };
}

function entryValue<T>(entry: unknown, fallback: T): T {
	return entry === undefined ? fallback : ((entry as { value: T }).value ?? fallback);
}

/** What the page wrote, as Dexie's observability middleware would have recorded it. */
function pageChanges(db: LocalDb, plan: PatchPlan, meta: string[]): ObservabilitySet {
	const changes: Record<string, RangeSet> = {};
	const part = (table: string, index: string) => (changes[`idb://${db.name}/${table}/${index}`] ??= new RangeSet());
	const indexes = (table: string) => db.table(table).schema.indexes.map((index) => index.keyPath as string);
	const tables = new Set<TableName>(plan.clear ? ENTITY_STORES : [...plan.puts.keys(), ...plan.deletes.keys()]);
	for (const table of tables) {
		const rows = plan.puts.get(table) ?? [];
		const ids = [...rows.map((row) => row.id), ...(plan.deletes.get(table) ?? [])];
		if (plan.clear || ids.length >= EXACT_KEYS_BELOW) {
			for (const index of ['', ':dels', ...indexes(table)])
				part(table, index).add(new RangeSet(Dexie.minKey, Dexie.maxKey));
			continue;
		}
		part(table, '').addKeys(ids);
		part(table, ':dels').addKeys(ids);
		for (const field of indexes(table)) {
			const values = rows.map((row) => (row as Record<string, unknown>)[field]).filter((value) => value != null);
			if (values.length > 0) part(table, field).addKeys(values as string[]);
		}
	}
	part('meta', '').addKeys(meta);
	return changes;
}

function answer<T>(request: IDBRequest<T>): Promise<T> {
	return new Promise((resolve, reject) => {
		request.onsuccess = () => resolve(request.result);
		request.onerror = () => reject(request.error);
	});
}

function abort(trans: IDBTransaction) {
	try {
		trans.abort();
	} catch {
		// It had already ended (a failed request aborts it).
	}
}
