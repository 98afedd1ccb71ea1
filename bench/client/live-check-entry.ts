// The client bench's browser check that a local write reaches live queries: one following a line in
// the page that writes, or on a connection of its own in another page (entry.ts hands it the page's replica).

import { liveQuery } from 'dexie';
import type { Principal } from '../../shared/auth/permissions.ts';
import { openLocalDb, type LocalDb } from '../../web/lib/platform/local-db.ts';
import { runLocalMutation } from '../../web/lib/sync/local-mutation.ts';

let watching: Promise<number> | null = null;

/**
 * Follows one quote line with liveQuery, as a screen does: on our replica's own database in the page
 * that writes, or on a connection of its own (by name) in another page. Resolves once it follows.
 */
export async function armWatch(
	own: () => LocalDb,
	keep: (db: LocalDb) => void,
	name: string | null,
	id: string,
	quantity: number
): Promise<string> {
	const db = name === null ? own() : openLocalDb(name);
	if (name !== null) keep(db);
	let ready!: () => void;
	const following = new Promise<void>((resolve) => (ready = resolve));
	watching = new Promise<number>((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`No live query saw quantity ${quantity} in 5 s.`)), 5_000);
		const subscription = liveQuery(() => db.quoteLines.get(id)).subscribe({
			next(row) {
				ready();
				if (row?.quantity !== quantity) return;
				clearTimeout(timer);
				subscription.unsubscribe();
				resolve(performance.timeOrigin + performance.now());
			},
			error: reject
		});
	});
	await following;
	return db.name;
}

export function watched(): Promise<number> {
	return watching!;
}

/** One local write; resolves with the wall-clock time it started (comparable across pages). */
export async function writeLine(db: LocalDb, user: Principal, id: string, quantity: number): Promise<number> {
	const started = performance.timeOrigin + performance.now();
	await runLocalMutation(db, user, 'updateQuoteLine', { id, quantity }, Date.now());
	return started;
}
