// Pulls page after page until the gateway has nothing more, each page applied in order, atomically
// with its cookie. While one page is written the next is fetched, starting from that page's cookie;
// while nothing is pending, the next page's writes are queued in IndexedDB as soon as it arrives
// (write-page.ts), so the database goes from one page to the next without waiting on this tab. A
// page queued that way lands only if the page before it did: it checks the cookie in its own
// transaction. With a mutation pending, pages go through applyPull, which rebases it.

import type { Principal } from '../../../shared/auth/permissions.ts';
import type { Cookie, PullResponse } from '../../../shared/sync/protocol.ts';
import type { LocalDb } from '../platform/local-db.ts';
import { applyPull, type ApplyOutcome } from './apply-pull.ts';
import { readMeta } from './local-meta.ts';
import { SyncError } from './sync-errors.ts';
import { writePage, type PageOutcome } from './write-page.ts';

export type PagePuller = {
	db: LocalDb;
	clientID: string;
	actor: Principal;
	now: () => number;
	pull: (cookie: Cookie | null) => Promise<PullResponse>;
};

type Fetched = { response: PullResponse; queued: Promise<PageOutcome> | null };

/** `nothingPending`: the caller has just seen the outbox empty, so pages may be written directly. */
export async function pullPages(o: PagePuller, from: Cookie | null, nothingPending: boolean): Promise<void> {
	let cookie = from;
	let direct = nothingPending;
	/** The page being applied is a direct write, queued or done: the next may queue behind it. */
	let queueAhead = false;
	const fetchPage = (at: Cookie | null): Promise<Fetched> =>
		o.pull(at).then((response) => ({ response, queued: queueAhead ? quiet(write(at, response)) : null }));
	const write = (at: Cookie | null, response: PullResponse) => writePage(o.db, o.clientID, at, response, o.now());
	const rebase = (at: Cookie | null, response: PullResponse) =>
		applyPull(o.db, o.clientID, at, response, { actor: o.actor, now: o.now() });

	async function apply(at: Cookie | null, response: PullResponse, queued: Promise<PageOutcome> | null) {
		let outcome: PageOutcome | ApplyOutcome | null = null;
		if (queued || direct) {
			const writing = queued ?? write(at, response);
			queueAhead = true;
			outcome = await writing;
			// Queued before the page ahead of it fell back to applyPull, it found that page's cookie missing.
			if (queued && !outcome.applied && outcome.reason === 'cookie-moved') outcome = null;
			if (outcome && !outcome.applied && outcome.reason === 'pending') {
				direct = false;
				outcome = null;
			}
		}
		queueAhead = false;
		return outcome ?? (direct ? write(at, response) : rebase(at, response));
	}

	let next = fetchPage(cookie);
	try {
		for (;;) {
			const { response, queued } = await next;
			const ahead = response.more ? fetchPage(response.cookie) : null;
			ahead?.catch(() => undefined);
			const outcome = await apply(cookie, response, queued);
			if (!outcome.applied && outcome.reason === 'cookie-behind') {
				throw new SyncError({ kind: 'retry', message: 'The gateway sent an older state than this device has.' });
			}
			if (outcome.applied) {
				if (!ahead) return;
				cookie = response.cookie;
				next = ahead;
			} else {
				// Another pull moved the cookie meanwhile: start again from it; the page fetched ahead is of
				// no use (queued, it finds the cookie moved and writes nothing).
				queueAhead = false;
				cookie = await readMeta(o.db, 'cookie', null);
				next = fetchPage(cookie);
			}
		}
	} finally {
		queueAhead = false;
	}
}

/** A write nobody may await when the sync stops first: its failure is not an unhandled rejection. */
function quiet<T>(promise: Promise<T>): Promise<T> {
	promise.catch(() => undefined);
	return promise;
}
