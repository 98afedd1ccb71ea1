import { IDBObjectStore, IDBTransaction } from 'fake-indexeddb';
import { Dexie, type ObservabilitySet } from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildCompany, TEST_NOW, buildPrincipal } from '../../../shared/test/builders.ts';
import type { Cookie, PullResponse } from '../../../shared/sync/protocol.ts';
import type { LocalDb } from '../platform/local-db.ts';
import { destroyTestDb, openTestDb } from '../test/fake-local-db.ts';
import { readMeta } from './local-meta.ts';
import { createSyncClient } from './sync-client.ts';
import { writePage } from './write-page.ts';

const CLIENT = 'client-1';
const sales = buildPrincipal();

const cookieAfter = (page: number): Cookie => ({ v: 0, acl: 1, c: { v: 1, t: 'companies', i: `c${page}` } });
const LAST: Cookie = { v: 1, acl: 1 };

/** Page `k` of an initial sync of `count` pages: two companies each, the first page starting with a clear. */
function page(k: number, count: number, ids = [`c${k}a`, `c${k}b`]): PullResponse {
	const puts = ids.map((id) => ({ op: 'put' as const, table: 'companies', id, value: buildCompany({ id }) }));
	return {
		cookie: k === count ? LAST : cookieAfter(k),
		lastMutationIDChanges: {},
		rejections: [],
		more: k < count,
		patch: k === 1 ? [{ op: 'clear' }, ...puts] : puts
	};
}

/** A gateway answering pulls from `pages`, by the cookie each pull starts from. */
function pagingGateway(pages: PullResponse[]) {
	const asked: (Cookie | null)[] = [];
	const fetch: typeof globalThis.fetch = async (input, init) => {
		if (!String(input).endsWith('/pull')) return Response.json({});
		const { cookie } = JSON.parse(String(init!.body)) as { cookie: Cookie | null };
		asked.push(cookie);
		const k = cookie === null ? 0 : pages.findIndex((p) => JSON.stringify(p.cookie) === JSON.stringify(cookie)) + 1;
		return Response.json(pages[k]);
	};
	return { fetch, asked };
}

describe('an initial sync in pages', () => {
	let db: LocalDb;
	beforeEach(() => {
		db = openTestDb();
	});
	afterEach(async () => {
		vi.restoreAllMocks();
		await destroyTestDb(db);
	});

	/** Runs one sync; resolves with the state it ends in (a failed sync is not retried). */
	async function syncWith(fetch: typeof globalThis.fetch) {
		let ended!: (state: string) => void;
		const state = new Promise<string>((resolve) => (ended = resolve));
		const sync = createSyncClient({
			db,
			clientID: CLIENT,
			clientGroupID: CLIENT,
			actor: sales,
			fetch,
			onState: (s) => ended(s)
		});
		sync.kick();
		const result = await state;
		await sync.close();
		return result;
	}

	it('lands every page in order, each pull starting from the page before, and keeps the last cookie', async () => {
		const pages = [1, 2, 3].map((k) => page(k, 3));
		const gateway = pagingGateway(pages);
		expect(await syncWith(gateway.fetch)).toBe('connected');
		expect(gateway.asked).toEqual([null, cookieAfter(1), cookieAfter(2)]);
		expect((await db.companies.toCollection().primaryKeys()).sort()).toEqual([
			'c1a',
			'c1b',
			'c2a',
			'c2b',
			'c3a',
			'c3b'
		]);
		expect(await readMeta(db, 'cookie', null)).toEqual(LAST);
	});

	it('stops at a page that fails to be written: no later page lands and the cookie stays at the page before', async () => {
		const pages = [page(1, 4), page(2, 4, ['c2a', 'poison']), page(3, 4), page(4, 4)];
		// The page's transaction fails as it commits (as when the disk is full), after the next page was fetched.
		const failing = new Set<IDBTransaction>();
		const put = IDBObjectStore.prototype.put;
		vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, value, key) {
			if ((value as { id?: string }).id === 'poison') failing.add(this.transaction);
			return put.call(this, value, key);
		});
		const commit = IDBTransaction.prototype.commit;
		vi.spyOn(IDBTransaction.prototype, 'commit').mockImplementation(function (this: IDBTransaction) {
			return failing.has(this) ? this.abort() : commit.call(this);
		});
		expect(await syncWith(pagingGateway(pages).fetch)).toBe('offline');
		expect((await db.companies.toCollection().primaryKeys()).sort()).toEqual(['c1a', 'c1b']);
		expect(await readMeta(db, 'cookie', null)).toEqual(cookieAfter(1));
	});
});

describe('writePage', () => {
	let db: LocalDb;
	beforeEach(async () => {
		db = openTestDb();
		await db.open();
	});
	afterEach(() => destroyTestDb(db));

	it('writes a page and its cookie and tells live queries which tables changed', async () => {
		const heard: ObservabilitySet[] = [];
		const listen = (parts: ObservabilitySet) => void heard.push(parts);
		Dexie.on('storagemutated').subscribe(listen);
		try {
			const outcome = await writePage(db, CLIENT, null, page(1, 1), TEST_NOW);
			expect(outcome).toEqual({ applied: true, acknowledged: 0, rejected: 0 });
		} finally {
			Dexie.on('storagemutated').unsubscribe(listen);
		}
		expect(await db.companies.count()).toBe(2);
		expect(await readMeta(db, 'lastSyncedAt', null)).toBe(TEST_NOW);
		const parts = heard.flatMap((set) => Object.keys(set));
		expect(parts).toContain(`idb://${db.name}/companies/`);
		expect(parts).toContain(`idb://${db.name}/meta/`);
	});

	it('with a mutation pending writes nothing and says the page needs the rebase', async () => {
		await db.outbox.add({ name: 'updateQuote', args: { id: 'q1', notes: 'Pending' }, timestamp: TEST_NOW } as never);
		const outcome = await writePage(db, CLIENT, null, page(1, 1), TEST_NOW);
		expect(outcome).toEqual({ applied: false, reason: 'pending' });
		expect(await db.companies.count()).toBe(0);
		expect(await readMeta(db, 'cookie', null)).toBe(null);
	});

	it('refuses a page pulled from a cookie the replica no longer holds, writing nothing', async () => {
		const outcome = await writePage(db, CLIENT, cookieAfter(1), page(2, 2), TEST_NOW);
		expect(outcome).toEqual({ applied: false, reason: 'cookie-moved' });
		expect(await db.companies.count()).toBe(0);
	});
});
