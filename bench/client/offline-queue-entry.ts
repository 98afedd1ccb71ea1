// The offline queue rows of the client bench, in the page: writes beside a long outbox, and a queue
// drained through the real sync client after reconnect (entry.ts hands them its replica).

import type { Principal } from '../../shared/auth/permissions.ts';
import { PROTOCOL_VERSION, SCHEMA_VERSION } from '../../shared/sync/protocol.ts';
import { openLocalDb, type LocalDb, type OutboxEntry } from '../../web/lib/platform/local-db.ts';
import { runLocalMutation } from '../../web/lib/sync/local-mutation.ts';
import { createSyncClient } from '../../web/lib/sync/sync-client.ts';

/**
 * Local writes with a long offline queue: the same updateQuoteLine on two replicas holding the same
 * rows, one with an empty outbox and one with `pending` mutations waiting (each holding the value
 * of the line it wrote from before), interleaved one of each per round.
 */
export async function queuedWrites(
	source: LocalDb,
	user: Principal,
	keep: (db: LocalDb) => void,
	count: number,
	lineIds: string[],
	warmup: number,
	pending: number
) {
	const copy = async (label: string) => {
		const db = openLocalDb(`bench-queue-${label}-${Date.now()}-${Math.random().toString(36).slice(2)}`);
		keep(db);
		const [companies, quotes, lines] = await Promise.all([
			source.companies.toArray(),
			source.quotes.toArray(),
			source.quoteLines.toArray()
		]);
		await db.transaction('rw', [db.companies, db.quotes, db.quoteLines], async () => {
			await db.companies.bulkPut(companies);
			await db.quotes.bulkPut(quotes);
			await db.quoteLines.bulkPut(lines);
		});
		return db;
	};
	const empty = await copy('empty');
	const queued = await copy('queued');
	// The queue as offline edits leave it: one outbox entry per edit, holding the line it wrote as it was.
	const lines = await queued.quoteLines.toArray();
	const now = Date.now();
	await queued.outbox.bulkAdd(
		Array.from({ length: pending }, (_, k) => {
			const line = lines[k % lines.length]!;
			return {
				name: 'updateQuoteLine',
				args: { id: line.id, quantity: (k % 9) + 1 },
				timestamp: now + k,
				before: [{ table: 'quoteLines' as const, id: line.id, value: line }]
			};
		}) as OutboxEntry[]
	);
	const samples = { empty: [] as number[], queued: [] as number[] };
	for (let i = -warmup; i < count; i++) {
		const id = lineIds[(i + warmup) % lineIds.length]!;
		const quantity = ((i + warmup) % 50) + 1;
		for (const [db, into] of [
			[empty, samples.empty],
			[queued, samples.queued]
		] as const) {
			const t0 = performance.now();
			await runLocalMutation(db, user, 'updateQuoteLine', { id, quantity }, Date.now());
			if (i >= 0) into.push(performance.now() - t0);
		}
	}
	const queueLength = await queued.outbox.count();
	return { samples, queueLength };
}

/**
 * The offline queue drained: `count` edits made while the sync loop is stopped, then the real sync
 * client started (reconnect) and timed until the gateway has confirmed every one (outbox empty after
 * its pull). The reference posts the same push bodies to the bare handler.
 */
export async function drainAfterReconnect(
	db: LocalDb,
	clientID: string,
	user: Principal,
	count: number,
	lineIds: string[]
) {
	const sync = () => {
		const client = createSyncClient({ db, clientID, clientGroupID: clientID, actor: user });
		client.kick();
		return client.idle().then(async () => {
			const state = client.state;
			await client.close();
			if (state !== 'connected') throw new Error(`The sync client ended ${state}.`);
		});
	};
	// Whatever earlier rows left pending goes first, untimed.
	await sync();
	const before = await db.rejections.count();
	for (let k = 0; k < count; k++) {
		const id = lineIds[k % lineIds.length]!;
		await runLocalMutation(db, user, 'updateQuoteLine', { id, quantity: (k % 30) + 2 }, Date.now());
	}
	const entries = await db.outbox.orderBy('id').toArray();
	const t0 = performance.now();
	await sync();
	const ms = performance.now() - t0;
	const left = await db.outbox.count();
	const rejected = (await db.rejections.count()) - before;
	if (left > 0) throw new Error(`${left} mutations were still pending after the drain.`);
	if (rejected > 0) throw new Error(`The gateway rejected ${rejected} of the drained mutations.`);
	const body = (batch: OutboxEntry[]) =>
		JSON.stringify({
			protocolVersion: PROTOCOL_VERSION,
			schemaVersion: SCHEMA_VERSION,
			clientGroupID: clientID,
			clientID,
			mutations: batch.map(({ id, name, args, timestamp }) => ({ id, name, args, timestamp }))
		});
	const r0 = performance.now();
	for (let start = 0; start < entries.length; start += 500) {
		const response = await fetch('/bench/bare/drain', {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: body(entries.slice(start, start + 500))
		});
		await response.json();
	}
	const reference = performance.now() - r0;
	return { ms, reference, drained: entries.length };
}
