// The sync loop of the leader tab: push pending mutations, then pull until the server has nothing
// more, on every local write, poke, reconnect, visibility change and a 60 s safety interval. A sync
// starts at once; what is asked for while one runs goes in one more round after it, so a burst of
// writes makes few pushes. Failures move the connection state machine; nothing in the outbox is ever
// dropped. After a failure it rests: the next attempt waits for the backoff (capped at 60 s), or,
// while the device has no network, for the online event (with a 30 to 60 s safety net); local writes
// in between do not wake it, pokes and explicit kicks do when there is a network.

import {
	PROTOCOL_VERSION,
	PUSH_LIMITS,
	SCHEMA_VERSION,
	type Cookie,
	type PullResponse,
	type PushResponse
} from '../../../shared/sync/protocol.ts';
import type { Principal } from '../../../shared/auth/permissions.ts';
import type { LocalDb, OutboxEntry } from '../platform/local-db.ts';
import { requestJson } from '../platform/json-request.ts';
import { ALWAYS_ONLINE, type NetworkStatus } from '../platform/network-status.ts';
import { backoffDelay } from './backoff.ts';
import { pullPages } from './pull-pages.ts';
import { readMeta, writeMeta, type ConnectionState } from './local-meta.ts';
import { classifyAnswer, SyncError, type SyncFailure } from './sync-errors.ts';

export const SAFETY_PULL_MS = 60_000;
const PUSH_BATCH = Math.min(500, PUSH_LIMITS.maxMutations);
/** Under the gateway's body limit, with room for the envelope. */
const PUSH_BATCH_BYTES = PUSH_LIMITS.maxBodyBytes - 64 * 1024;
const encoder = new TextEncoder();

export type SyncClientOptions = {
	db: LocalDb;
	clientID: string;
	clientGroupID: string;
	/** The signed-in user, whose pending mutations are replayed after each pull. */
	actor: Principal;
	baseUrl?: string;
	fetch?: typeof fetch;
	now?: () => number;
	random?: () => number;
	/** The browser's online/offline signal; without it the loop only learns from failed requests. */
	network?: NetworkStatus;
	/** Reports the connection state; the leader stores it so every tab can show it. */
	onState?: (state: ConnectionState, message: string | null, reload: boolean) => void;
};

/** A poke, the tab becoming visible, a reconnection: or a local write, which never cuts a backoff short. */
export type KickCause = 'poke' | 'write';

export type SyncClient = {
	/**
	 * Asks for a sync: at once when none is running or scheduled, else after the one running. A poke
	 * cuts a backoff short; a local write waits for it. While the device has no network neither wakes
	 * a resting loop: the `online` event does.
	 */
	kick(cause?: KickCause): void;
	/** Called after the user signs in again: leaves needs-auth and drains the outbox. */
	resume(): void;
	readonly state: ConnectionState;
	/** Resolves when no sync is running or wanted (tests and benchmarks wait on it). */
	idle(): Promise<void>;
	/** Stops the loop; resolves once a sync that was under way has finished. */
	close(): Promise<void>;
};

export function createSyncClient(options: SyncClientOptions): SyncClient {
	const { db, clientID, clientGroupID } = options;
	const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
	const now = options.now ?? Date.now;
	const random = options.random ?? Math.random;
	const base = options.baseUrl ?? '';
	const network = options.network ?? ALWAYS_ONLINE;

	let state: ConnectionState = 'connecting';
	let wanted = false;
	let running: Promise<void> | null = null;
	let timer: ReturnType<typeof setTimeout> | null = null;
	let attempt = 0;
	let closed = false;
	let paused = false;
	/** A failed attempt scheduled the next one after a backoff: `timer` holds it. */
	let resting = false;
	/** The last attempt was an immediate resend after an out_of_order answer. */
	let resentOutOfOrder = false;

	let reported: { message: string | null; reload: boolean } | null = null;
	function setState(next: ConnectionState, message: string | null = null, reload = false) {
		// Every sync ends in 'connected': storing it again each time would wake every tab's status query.
		if (reported && next === state && message === reported.message && reload === reported.reload) return;
		state = next;
		reported = { message, reload };
		options.onState?.(next, message, reload);
	}

	function kick(cause: KickCause = 'poke') {
		wanted = true;
		if (closed || paused || running) return;
		if (timer !== null) {
			if (cause === 'write' || (resting && !network.isOnline())) return;
			clearTimeout(timer);
		}
		start();
	}

	function start() {
		timer = null;
		resting = false;
		running = run().finally(() => {
			running = null;
			// A failure has already scheduled the retry; kicking here would cancel its backoff.
			if (wanted && !resting && !paused && !closed) kick();
		});
	}

	const stopWatchingNetwork = network.subscribe((online) => {
		if (closed) return;
		if (!online) {
			if (state !== 'needs-auth' && state !== 'error') setState('offline');
			return;
		}
		attempt = 0;
		if (!paused) kick();
	});

	async function run() {
		while (wanted && !closed && !paused) {
			wanted = false;
			try {
				const start = await readStart();
				const pushed = await pushPending(start.confirmed, start.pending);
				// Nothing pushed: the outbox was empty when the sync read its cookie.
				await pullUntilDone(pushed ? null : start);
				attempt = 0;
				resentOutOfOrder = false;
				setState('connected');
			} catch (error) {
				if (closed) return;
				handleFailure(error instanceof SyncError ? error.failure : { kind: 'offline' });
				return;
			}
		}
	}

	function handleFailure(failure: SyncFailure) {
		switch (failure.kind) {
			case 'needs-auth':
				paused = true;
				setState('needs-auth', 'Sign in again to sync your changes. They are kept on this device.');
				return;
			case 'blocked':
				paused = true;
				setState('error', failure.message);
				return;
			case 'fatal':
				paused = true;
				setState('error', failure.message, failure.reload ?? false);
				return;
			case 'out-of-order':
				// Resending from the first pending change at once is the cure; if the gateway still
				// refuses, resending the same batch in a loop cannot help, so it rests like any failure.
				if (!resentOutOfOrder) {
					resentOutOfOrder = true;
					wanted = true;
					return;
				}
				setState('error', failure.message);
				retryLater();
				return;
			case 'offline':
			case 'retry':
				setState(failure.kind === 'offline' ? 'offline' : 'error', 'message' in failure ? failure.message : null);
				retryLater();
		}
	}

	function retryLater() {
		// With no network at all only the online event can help: the longest backoff is a safety net
		// in case that event never comes (navigator.onLine is sure only when it says false).
		const delay = backoffDelay(network.isOnline() ? attempt++ : Number.POSITIVE_INFINITY, random());
		wanted = true;
		resting = true;
		if (timer !== null) clearTimeout(timer);
		timer = setTimeout(start, delay);
	}

	async function post<T>(path: string, body: unknown): Promise<T> {
		const answer = await requestJson(`${base}/api/sync/${path}`, { body, fetch: doFetch });
		if (!answer.reached) throw new SyncError({ kind: 'offline' });
		if (!answer.ok) throw new SyncError(classifyAnswer(answer.status, answer.body));
		if (!answer.readable) throw new SyncError({ kind: 'retry', message: 'The gateway sent an unreadable answer.' });
		return answer.body as T;
	}

	/** What a sync starts from, in one read: the confirmed mutation id, the first pending mutations, the cookie. */
	function readStart() {
		return db.transaction('r', [db.meta, db.outbox], async () => {
			const [confirmed, cookie, rows] = await Promise.all([
				readMeta(db, 'lastMutationID', 0),
				readMeta(db, 'cookie', null),
				pendingAfter(0)
			]);
			// A pull drops confirmed mutations in the transaction that confirms them, so the outbox holds
			// none; should one be left all the same, the pending ones are read again after it.
			const pending = rows.every((row) => row.id > confirmed) ? rows : await pendingAfter(confirmed);
			return { confirmed, pending, cookie };
		});
	}

	const pendingAfter = (id: number) => db.outbox.where('id').above(id).limit(PUSH_BATCH).toArray();

	/** Pushes every pending mutation after `confirmed`, starting with `first`; says whether it sent any. */
	async function pushPending(confirmed: number, first: OutboxEntry[]): Promise<boolean> {
		let sentUpTo = confirmed;
		let rows = first;
		for (let round = 0; ; round++) {
			if (round > 0) rows = await pendingAfter(sentUpTo);
			const batch = fitBatch(rows);
			if (batch.length === 0) return round > 0;
			try {
				await post<PushResponse>('push', {
					protocolVersion: PROTOCOL_VERSION,
					schemaVersion: SCHEMA_VERSION,
					clientGroupID,
					clientID,
					mutations: batch.map(({ id, name, args, timestamp }) => ({ id, name, args, timestamp }))
				});
				sentUpTo = batch[batch.length - 1]!.id;
			} catch (error) {
				// The gateway stops a push part-way when it has done one transaction's worth of work. A pull
				// says how far it got; the push goes on from there for as long as that moves.
				if (!(error instanceof SyncError) || error.failure.kind !== 'out-of-order') throw error;
				await pullUntilDone(null);
				const acknowledged = await readMeta(db, 'lastMutationID', 0);
				if (acknowledged <= sentUpTo) throw error;
				sentUpTo = acknowledged;
			}
		}
	}

	/** The first of `rows` that fit in one push by bytes on the wire. */
	function fitBatch(rows: OutboxEntry[]) {
		let bytes = 0;
		const batch = [];
		for (const row of rows) {
			bytes += encoder.encode(JSON.stringify(row.args) ?? '').length + row.name.length + 64;
			if (batch.length > 0 && bytes > PUSH_BATCH_BYTES) break;
			batch.push(row);
		}
		return batch;
	}

	function pull(cookie: PullResponse['cookie'] | null): Promise<PullResponse> {
		return post<PullResponse>('pull', {
			protocolVersion: PROTOCOL_VERSION,
			schemaVersion: SCHEMA_VERSION,
			clientGroupID,
			clientID,
			cookie
		});
	}

	/** Pulls from `from.cookie` when the caller has just read it (and the outbox empty), else from the stored cookie. */
	async function pullUntilDone(from: { cookie: Cookie | null } | null) {
		const cookie = from ? from.cookie : await readMeta(db, 'cookie', null);
		await pullPages({ db, clientID, actor: options.actor, now, pull }, cookie, from !== null);
	}

	return {
		kick,
		resume() {
			paused = false;
			attempt = 0;
			setState('connecting');
			kick();
		},
		get state() {
			return state;
		},
		async idle() {
			while (running || timer !== null) {
				if (paused || closed) return;
				await (running ?? new Promise((r) => setTimeout(r, 5)));
			}
		},
		async close() {
			closed = true;
			stopWatchingNetwork();
			if (timer !== null) clearTimeout(timer);
			timer = null;
			await running;
		}
	};
}

export async function ensureClientIdentity(db: LocalDb, newId: () => string): Promise<string> {
	return db.transaction('rw', db.meta, async () => {
		const existing = await readMeta(db, 'clientID', '');
		if (existing) return existing;
		const id = newId();
		await writeMeta(db, 'clientID', id);
		return id;
	});
}
