// The browser side of the client bench, bundled by esbuild (client-bench.ts) and driven from Node
// through page.evaluate(window.outpostBench.*). It runs our real client sync code (Dexie replica,
// runLocalMutation, the sync client, applyPull) beside raw IndexedDB and Replicache on the same rows.

import { Dexie } from 'dexie';
import type { MutatorDefs, PullResponseV1, WriteTransaction } from 'replicache';
import { ReplicacheImpl } from 'replicache/impl';
import { can, toPrincipal, type Principal } from '../../shared/auth/permissions.ts';
import type { UserProfile } from '../../shared/auth/user-profile.ts';
import { findMutation, MUTATIONS, type MutationName } from '../../shared/mutations/registry.ts';
import type { Quote, QuoteLine } from '../../shared/schema/entities.ts';
import { PROTOCOL_VERSION, SCHEMA_VERSION, type Cookie, type PullResponse } from '../../shared/sync/protocol.ts';
import { openLocalDb, type LocalDb } from '../../web/lib/platform/local-db.ts';
import { applyPull } from '../../web/lib/sync/apply-pull.ts';
import { readMeta } from '../../web/lib/sync/local-meta.ts';
import { runLocalMutation } from '../../web/lib/sync/local-mutation.ts';
import { createSyncClient } from '../../web/lib/sync/sync-client.ts';
import { chunkedInitialPut } from './chunked-layout-entry.ts';
import { tracedInitialSync } from './initial-sync-trace-entry.ts';
import { armWatch, watched, writeLine } from './live-check-entry.ts';
import { drainAfterReconnect, queuedWrites } from './offline-queue-entry.ts';
import { committed, rawPuts, rawReadsAndPuts, writeBlocks } from './raw-writes.ts';
import { createReplicacheTx, REPLICACHE_INDEXES, replicacheKey } from './replicache-tx.ts';

// Dexie turns its debug mode (async stack tagging on every table call) on for pages served from
// localhost or 127.0.0.1; users' pages are not, so the bench measures Dexie as they run it.
Dexie.debug = false;

type BenchRow = { table: 'quotes' | 'quoteLines'; value: Quote | QuoteLine };

let principal: Principal | null = null;
let counter = 0;
const fixtures = new Map<string, BenchRow[]>();
const created: { dexie: LocalDb[]; raw: string[]; replicache: ReplicacheImpl<MutatorDefs>[] } = {
	dexie: [],
	raw: [],
	replicache: []
};
let ours: { db: LocalDb; clientID: string } | null = null;
let raw: IDBDatabase | null = null;
let rep: ReplicacheImpl<MutatorDefs> | null = null;

const me = () => {
	if (!principal) throw new Error('Not signed in.');
	return principal;
};

async function signIn(email: string, password: string): Promise<string> {
	const response = await fetch('/api/auth/login', {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ email, password })
	});
	if (!response.ok) throw new Error(`Sign-in failed: ${response.status} ${await response.text()}`);
	principal = toPrincipal(((await response.json()) as { user: UserProfile }).user);
	return principal.userId;
}

async function loadRows(name: string): Promise<number> {
	const response = await fetch(`/bench/files/${name}`);
	fixtures.set(name, (await response.json()) as BenchRow[]);
	return fixtures.get(name)!.length;
}

/** Empty client → every row pulled through the real sync client and queryable. */
async function oursInitialSync(expectedLines: number, keep: boolean) {
	const db = openLocalDb(`bench-ours-${Date.now()}-${counter++}`);
	created.dexie.push(db);
	const clientID = crypto.randomUUID();
	const pulls = countPulls();
	const t0 = performance.now();
	const sync = createSyncClient({ db, clientID, clientGroupID: clientID, actor: me() });
	sync.kick();
	await sync.idle();
	const lines = await db.quoteLines.count();
	const ms = performance.now() - t0;
	const state = sync.state;
	await sync.close();
	if (state !== 'connected') throw new Error(`The sync client ended ${state}.`);
	if (lines < expectedLines) throw new Error(`Only ${lines} of ${expectedLines} lines arrived.`);
	if (keep) ours = { db, clientID };
	return { ms, lines, requests: pulls() };
}

function countPulls(): () => number {
	const before = performance.getEntriesByType('resource').filter((e) => e.name.endsWith('/api/sync/pull')).length;
	return () =>
		performance.getEntriesByType('resource').filter((e) => e.name.endsWith('/api/sync/pull')).length - before;
}

function openRawDb(name: string): Promise<IDBDatabase> {
	return new Promise((resolve, reject) => {
		const open = indexedDB.open(name, 1);
		open.onupgradeneeded = () => {
			// The same stores and indexes as the Dexie schema of web/lib/platform/local-db.ts.
			const db = open.result;
			db.createObjectStore('companies', { keyPath: 'id' }).createIndex('name', 'name');
			const quotes = db.createObjectStore('quotes', { keyPath: 'id' });
			for (const index of ['companyId', 'updatedAt', 'status']) quotes.createIndex(index, index);
			db.createObjectStore('quoteLines', { keyPath: 'id' }).createIndex('quoteId', 'quoteId');
			db.createObjectStore('outbox', { keyPath: 'id' });
		};
		open.onsuccess = () => resolve(open.result);
		open.onerror = () => reject(open.error);
	});
}

/** The reference: the same rows, already in memory, put into the same stores in one transaction. */
async function rawInitialPut(fixture: string, keep: boolean) {
	const rows = fixtures.get(fixture)!;
	const name = `bench-raw-${Date.now()}-${counter++}`;
	created.raw.push(name);
	const t0 = performance.now();
	const db = await openRawDb(name);
	const tx = db.transaction(['quotes', 'quoteLines'], 'readwrite');
	const stores = { quotes: tx.objectStore('quotes'), quoteLines: tx.objectStore('quoteLines') };
	for (const row of rows) stores[row.table].put(row.value);
	await committed(tx);
	const ms = performance.now() - t0;
	if (keep) raw = db;
	else db.close();
	return { ms, rows: rows.length };
}

/**
 * A second reference: Dexie itself writing the same rows with bulkPut, in transactions of 2,000 rows
 * (the gateway's page size), so the distance between our apply path and Dexie's own is visible.
 */
async function dexieBulkPut(fixture: string, pageSize: number) {
	const rows = fixtures.get(fixture)!;
	const db = openLocalDb(`bench-bulk-${Date.now()}-${counter++}`);
	created.dexie.push(db);
	const t0 = performance.now();
	for (let start = 0; start < rows.length; start += pageSize) {
		const page = rows.slice(start, start + pageSize);
		await db.transaction('rw', [db.quotes, db.quoteLines], async () => {
			await db.quotes.bulkPut(page.filter((r) => r.table === 'quotes').map((r) => r.value as Quote));
			await db.quoteLines.bulkPut(page.filter((r) => r.table === 'quoteLines').map((r) => r.value as QuoteLine));
		});
	}
	const ms = performance.now() - t0;
	db.close();
	return { ms, rows: rows.length };
}

function replicacheMutators(): MutatorDefs {
	return Object.fromEntries(
		(Object.keys(MUTATIONS) as MutationName[]).map((name) => [
			name,
			async (tx: WriteTransaction, args: unknown) => {
				const def = findMutation(name)!;
				if (!can(me(), def.permission)) throw new Error('forbidden');
				// The whole principal goes along, as the local path passes what the mutation may need of its user.
				const context = { userId: me().userId, actor: me(), now: Date.now() };
				await def.apply(createReplicacheTx(tx), def.args.parse(args), context);
			}
		])
	);
}

/** Replicache pulling the same rows from the bench server in one response, until queryable and until persisted. */
async function replicacheInitialSync(fixture: string, lastKey: string, keep: boolean) {
	const t0 = performance.now();
	const instance = new ReplicacheImpl<MutatorDefs>(
		{
			name: `bench-rep-${Date.now()}-${counter++}`,
			mutators: replicacheMutators(),
			indexes: REPLICACHE_INDEXES,
			kvStore: 'idb',
			logLevel: 'error',
			pullInterval: null,
			pushDelay: 60_000,
			puller: async () => {
				const response = await fetch(`/bench/files/${fixture}`);
				return {
					response: (await response.json()) as PullResponseV1,
					httpRequestInfo: { httpStatusCode: 200, errorMessage: '' }
				};
			},
			pusher: async () => ({ httpRequestInfo: { httpStatusCode: 200, errorMessage: '' } })
		},
		// Pull only when asked (timed below); persist only when asked, so the two are measured apart.
		{ enablePullAndPushInOpen: false, enableScheduledPersist: false, enableScheduledRefresh: false }
	);
	created.replicache.push(instance);
	await instance.pull({ now: true });
	const found = await instance.query((tx) => tx.has(lastKey));
	const queryable = performance.now() - t0;
	await instance.persist();
	const persisted = performance.now() - t0;
	if (!found) throw new Error(`Replicache does not have ${lastKey} after its pull.`);
	if (keep) rep = instance;
	return { queryable, persisted };
}

/** The loaded fixtures' lines and quotes by id. */
function fixtureRows() {
	const rows = [...fixtures.values()].flat();
	const lines = new Map(
		rows.flatMap((r) => (r.table === 'quoteLines' ? [[r.value.id, r.value as QuoteLine] as const] : []))
	);
	const quotes = new Map(rows.flatMap((r) => (r.table === 'quotes' ? [[r.value.id, r.value as Quote] as const] : [])));
	return { lines, quotes };
}

/**
 * Local writes (updateQuoteLine), interleaved one of each per round so drift hits all alike; ours
 * and raw IndexedDB take turns going first.
 * Replicache's persist() costs tens of milliseconds here, so the persisted variant runs every
 * `persistEvery` rounds, after an untimed persist() of the rounds before it.
 */
async function localWrites(count: number, lineIds: string[], warmup: number, persistEvery: number) {
	const db = ours!.db;
	const user = me();
	const { lines, quotes } = fixtureRows();
	const samples = {
		ours: [] as number[],
		oursNoHint: [] as number[],
		raw: [] as number[],
		rawReads: [] as number[],
		rawSame: [] as number[],
		replicache: [] as number[],
		replicachePersisted: [] as number[]
	};
	let outboxId = 0;
	for (let i = -warmup; i < count; i++) {
		const id = lineIds[(i + warmup) % lineIds.length]!;
		const quantity = ((i + warmup) % 50) + 1;
		const time = async (into: number[], fn: () => Promise<unknown>) => {
			const t0 = performance.now();
			await fn();
			if (i >= 0) into.push(performance.now() - t0);
		};
		const line = lines.get(id)!;
		// As the quote editor writes: it tells the write the line's quote (LocalWriteOptions.readAhead).
		const oursWrite = () =>
			runLocalMutation(db, user, 'updateQuoteLine', { id, quantity }, Date.now(), {
				readAhead: [['quotes', line.quoteId]]
			});
		const rawWrite = () => rawPuts(raw!, line, quotes.get(line.quoteId)!, quantity, ++outboxId);
		const oursUntold = () => runLocalMutation(db, user, 'updateQuoteLine', { id, quantity }, Date.now());
		// Whichever runs first pays for what the round before left behind (Replicache's persist()):
		// the three take turns.
		const turns: [number[], () => Promise<unknown>][] = [
			[samples.ours, oursWrite],
			[samples.raw, rawWrite],
			[samples.oursNoHint, oursUntold]
		];
		const first = (i + warmup) % turns.length;
		for (const [into, write] of [...turns.slice(first), ...turns.slice(0, first)]) await time(into, write);
		await time(samples.rawReads, () => rawReadsAndPuts(raw!, id, quantity, ++outboxId, { asOurs: false }));
		await time(samples.rawSame, () => rawReadsAndPuts(raw!, id, quantity, ++outboxId, { asOurs: true }));
		await time(samples.replicache, () => rep!.mutate.updateQuoteLine!({ id, quantity }));
		if ((i + warmup) % persistEvery === 0) {
			await rep!.persist();
			await time(samples.replicachePersisted, async () => {
				await rep!.mutate.updateQuoteLine!({ id, quantity: quantity + 1 });
				await rep!.persist();
			});
		}
	}
	const pending = await db.outbox.count();
	return { samples, pending };
}

/** Pull with nothing new from the browser: HTTP round trip, bare reference, and the full client cycle. */
async function pullNoop(count: number, warmup: number) {
	const { db, clientID } = ours!;
	const cookie = await readMeta(db, 'cookie', null);
	const body = JSON.stringify({
		protocolVersion: PROTOCOL_VERSION,
		schemaVersion: SCHEMA_VERSION,
		clientGroupID: clientID,
		clientID,
		cookie
	});
	const post = async (url: string) => {
		const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
		if (!response.ok) throw new Error(`${url} answered ${response.status}`);
		return response.json();
	};
	const samples = { http: [] as number[], bare: [] as number[], cycle: [] as number[] };
	for (let i = -warmup; i < count; i++) {
		const time = async (into: number[], fn: () => Promise<unknown>) => {
			const t0 = performance.now();
			await fn();
			if (i >= 0) into.push(performance.now() - t0);
		};
		await time(samples.http, () => post('/api/sync/pull'));
		await time(samples.bare, () => post('/bench/bare/browser-pull-noop'));
		await time(samples.cycle, async () => {
			const response = (await post('/api/sync/pull')) as PullResponse;
			const outcome = await applyPull(db, clientID, cookie as Cookie | null, response, {
				actor: me(),
				now: Date.now()
			});
			if (!outcome.applied) throw new Error(`applyPull refused a no-op pull: ${outcome.reason}`);
		});
	}
	return samples;
}

const keep = (db: LocalDb) => void created.dexie.push(db);

async function oursClient() {
	return { clientID: ours!.clientID, cookie: await readMeta(ours!.db, 'cookie', null) };
}

async function dropAll(): Promise<void> {
	for (const instance of created.replicache.splice(0)) {
		const name = instance.idbName;
		await instance.close();
		await new Promise((resolve) => {
			const request = indexedDB.deleteDatabase(name);
			request.onsuccess = request.onerror = request.onblocked = resolve;
		});
	}
	for (const db of created.dexie.splice(0)) await db.delete({ disableAutoOpen: true });
	raw?.close();
	for (const name of created.raw.splice(0)) {
		await new Promise((resolve) => {
			const request = indexedDB.deleteDatabase(name);
			request.onsuccess = request.onerror = request.onblocked = resolve;
		});
	}
	ours = null;
	raw = null;
	rep = null;
}

export const outpostBench = {
	signIn,
	loadRows,
	oursInitialSync,
	tracedInitialSync: () => tracedInitialSync(me(), `bench-traced-${Date.now()}-${counter++}`, keep),
	rawInitialPut,
	dexieBulkPut,
	chunkedInitialPut: (fixture: string) => {
		const name = `bench-chunked-${Date.now()}-${counter++}`;
		created.raw.push(name);
		return chunkedInitialPut(fixtures.get(fixture)!, name);
	},
	replicacheInitialSync,
	localWrites,
	writeBlocks: (lineIds: string[], n: number, rounds: number) =>
		writeBlocks(ours!.db, me(), raw!, fixtureRows(), lineIds, n, rounds),
	pullNoop,
	queuedWrites: (count: number, lineIds: string[], warmup: number, pending: number) =>
		queuedWrites(ours!.db, me(), keep, count, lineIds, warmup, pending),
	drainAfterReconnect: (count: number, lineIds: string[]) =>
		drainAfterReconnect(ours!.db, ours!.clientID, me(), count, lineIds),
	oursClient,
	armWatch: (name: string | null, id: string, quantity: number) => armWatch(() => ours!.db, keep, name, id, quantity),
	watched,
	writeLine: (id: string, quantity: number) => writeLine(ours!.db, me(), id, quantity),
	dropAll,
	replicacheKey
};
(globalThis as unknown as { outpostBench: typeof outpostBench }).outpostBench = outpostBench;
