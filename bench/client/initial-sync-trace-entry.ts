// The profile script's view of one initial sync (profile-initial-sync.ts): the real sync client on an
// empty replica, with each pull request and each IndexedDB transaction timed from the outside
// (a wrapped fetch, a wrapped db.transaction), so the gaps between them show where the time goes.

import type { Principal } from '../../shared/auth/permissions.ts';
import { openLocalDb, type LocalDb } from '../../web/lib/platform/local-db.ts';
import { createSyncClient } from '../../web/lib/sync/sync-client.ts';

export type Span = { start: number; end: number };
export type InitialSyncTrace = {
	ms: number;
	/** From the start to the replica's database open (the first transaction waits for it). */
	open: number;
	/** Each pull: sent, first byte, last byte, body parsed (ms from the start). */
	pulls: { start: number; firstByte: number; lastByte: number; parsed: number; bytes: number }[];
	transactions: Span[];
};

export async function tracedInitialSync(
	principal: Principal,
	name: string,
	keep: (db: LocalDb) => void
): Promise<InitialSyncTrace> {
	const db = openLocalDb(name);
	keep(db);
	const clientID = crypto.randomUUID();
	const trace: InitialSyncTrace = { ms: 0, open: 0, pulls: [], transactions: [] };
	const t0 = performance.now();
	const at = () => performance.now() - t0;
	db.on('ready', () => void (trace.open = at()));
	const transaction = db.transaction.bind(db) as (...args: unknown[]) => Promise<unknown>;
	(db as unknown as { transaction: typeof transaction }).transaction = (...args) => {
		const span = { start: at(), end: 0 };
		trace.transactions.push(span);
		return transaction(...args).finally(() => void (span.end = at()));
	};
	const tracedFetch: typeof fetch = async (input, init) => {
		const start = at();
		const response = await fetch(input, init);
		const firstByte = at();
		const text = await response.text();
		const lastByte = at();
		const copy = new Response(text, { status: response.status, headers: response.headers });
		copy.json = async () => {
			const body = JSON.parse(text) as unknown;
			trace.pulls.push({ start, firstByte, lastByte, parsed: at(), bytes: text.length });
			return body;
		};
		return copy;
	};
	const sync = createSyncClient({ db, clientID, clientGroupID: clientID, actor: principal, fetch: tracedFetch });
	sync.kick();
	await sync.idle();
	const lines = await db.quoteLines.count();
	trace.ms = at();
	const state = sync.state;
	await sync.close();
	if (state !== 'connected') throw new Error(`The sync client ended ${state} after ${lines} lines.`);
	return trace;
}
