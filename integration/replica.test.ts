// The replica as a tab runs it (leadership, the tabs' channel, the page lifecycle, the network
// signal, eviction), under Node: its browser is injected (fake-indexeddb, in-memory locks and
// channel) and it syncs with the real gateway over loopback HTTP.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startGateway, type Gateway } from '../gateway/test/http-harness.ts';
import { STORE_KINDS } from '../gateway/test/stores.ts';
import { toPrincipal, type Principal } from '../shared/auth/permissions.ts';
import { createFakeBrowser, type FakeBrowser, type FakeTab } from '../web/lib/test/fake-browser.ts';
import { Replica } from '../web/lib/sync/replica.svelte.ts';

const SALES = 'sales@demo.outpost.test';

/** Waits for `condition`, checking every few milliseconds; fails after `limitMs` (not a timing assertion). */
async function until(condition: () => boolean | Promise<boolean>, what: string, limitMs = 10_000) {
	const give = Date.now() + limitMs;
	while (!(await condition())) {
		if (Date.now() > give) throw new Error(`Still waiting for ${what}.`);
		await new Promise((resolve) => setTimeout(resolve, 5));
	}
}

describe('Replica under Node', () => {
	let gateway: Gateway;
	let principal: Principal;
	let cookie = '';
	const replicas: Replica[] = [];

	/** A tab whose requests carry the session; `requests` lists the paths it asked for. */
	function openTab(browser: FakeBrowser) {
		const requests: string[] = [];
		let reachable = true;
		const tab: FakeTab = browser.tab({
			baseUrl: gateway.baseUrl,
			fetch: async (input, init = {}) => {
				requests.push(new URL(String(input)).pathname);
				if (!reachable) throw new TypeError('Failed to fetch');
				return fetch(input, { ...init, headers: { ...(init.headers as Record<string, string>), cookie } });
			}
		});
		const replica = new Replica(principal, tab);
		replicas.push(replica);

		return {
			replica,
			tab,
			requests,
			/** The browser's offline event, and requests failing as they do without a network. */
			goOffline() {
				reachable = false;
				tab.network.set(false);
			},
			goOnline() {
				reachable = true;
				tab.network.set(true);
			}
		};
	}

	const synced = (replica: Replica) =>
		until(() => replica.status.connection === 'connected' && replica.status.pending === 0, 'the replica to sync');

	beforeEach(async () => {
		gateway = await startGateway(STORE_KINDS[0]!);
		const session = await gateway.login(SALES);
		cookie = [...session.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
		principal = toPrincipal((await session.get('/api/auth/me')).body.user);
	});

	afterEach(async () => {
		for (const replica of replicas.splice(0)) await replica.close();
		await gateway.close();
	});

	it('keeps a write on the device at once and confirms it with the gateway', async () => {
		const { replica } = openTab(createFakeBrowser());
		await synced(replica);
		const result = await replica.mutate('createQuote', { id: 'q-node', companyId: 'company-acme', title: 'Node' });
		expect(result).toEqual({ ok: true });
		expect((await replica.db.quotes.get('q-node'))?.number).toBeNull();
		await until(async () => (await replica.db.quotes.get('q-node'))?.number != null, 'the numbered quote');
		expect((await replica.db.quotes.get('q-node'))?.number).toMatch(/^Q-\d{5}$/);
		await synced(replica);
	});

	it('answers a write that does not apply on the device with the reason, and queues nothing', async () => {
		const { replica } = openTab(createFakeBrowser());
		await synced(replica);
		const result = await replica.mutate('createQuote', { id: 'q-bad', companyId: 'company-nowhere', title: 'Lost' });
		expect(result).toMatchObject({ ok: false, code: 'company_not_found' });
		expect(await replica.db.outbox.count()).toBe(0);
		expect(await replica.db.quotes.get('q-bad')).toBeUndefined();
	});

	it('lets one tab of a browser lead; a write in another tab is pushed by the leader', async () => {
		const browser = createFakeBrowser();
		const first = openTab(browser);
		await until(() => first.replica.status.isLeader, 'the first tab to lead');
		const second = openTab(browser);
		await synced(first.replica);
		expect(second.replica.status.isLeader).toBe(false);

		await second.replica.mutate('createQuote', { id: 'q-tab', companyId: 'company-acme', title: 'From tab 2' });
		await until(async () => (await second.replica.db.quotes.get('q-tab'))?.number != null, 'the leader to push');
		expect(second.requests).toEqual([]);
		expect(first.requests).toContain('/api/sync/push');
	});

	it('hands the sync to another tab while the leading tab is frozen, and asks the leader from a follower', async () => {
		const browser = createFakeBrowser();
		const first = openTab(browser);
		await until(() => first.replica.status.isLeader, 'the first tab to lead');
		const second = openTab(browser);
		await synced(first.replica);

		first.tab.page.emit('freeze');
		const firstAsked = first.requests.length;
		await until(() => second.replica.status.isLeader, 'the second tab to lead');
		expect(first.replica.status.isLeader).toBe(false);
		first.tab.page.emit('resume');
		await synced(second.replica);

		// The first tab now waits for the lock; shown again, it asks the leader to sync.
		const before = second.requests.length;
		first.tab.page.emit('visible');
		await until(() => second.requests.length > before, 'the leader to sync on the follower’s request');
		expect(second.requests.slice(before)).toContain('/api/sync/pull');
		expect(first.requests.length).toBe(firstAsked);
	});

	it('says it is offline, keeps writes pending, and sends them when the network returns', async () => {
		const { replica, goOffline, goOnline } = openTab(createFakeBrowser());
		await synced(replica);
		goOffline();
		await until(() => replica.status.connection === 'offline', 'the offline state');
		await replica.mutate('createQuote', { id: 'q-off', companyId: 'company-acme', title: 'Offline' });
		await replica.mutate('createQuote', { id: 'q-off-2', companyId: 'company-acme', title: 'Offline too' });
		await until(() => replica.status.pending === 2, 'two pending writes');
		goOnline();
		await synced(replica);
		expect((await replica.db.quotes.get('q-off-2'))?.number).toMatch(/^Q-\d{5}$/);
	});

	it('notices that the browser evicted the database it had before', async () => {
		const browser = createFakeBrowser();
		const first = openTab(browser).replica;
		await synced(first);
		expect(first.evicted).toBe(false);
		await first.close();
		await first.db.delete({ disableAutoOpen: true });

		const again = openTab(browser).replica;
		await until(() => again.evicted, 'the eviction notice');
		await synced(again);
		expect(await again.db.quotes.count()).toBeGreaterThan(0);
	});

	it('rebuilds its copy of one table from the gateway, keeping a change still waiting to be sent', async () => {
		const { replica, goOffline, goOnline } = openTab(createFakeBrowser());
		await synced(replica);
		const quotes = await replica.db.quotes.count();
		const companies = await replica.db.companies.count();
		const [quote] = await replica.db.quotes.limit(1).toArray();
		goOffline();
		await until(() => replica.status.connection === 'offline', 'the offline state');
		await replica.mutate('updateQuote', { id: quote!.id, title: 'Renamed while offline' });
		await replica.mutate('createQuote', { id: 'q-pending', companyId: 'company-acme', title: 'Not sent yet' });

		await replica.rebuildTable('quotes');
		// Offline: the table holds only what the pending changes make; the other tables are untouched.
		expect((await replica.db.quotes.toArray()).map((q) => q.id)).toEqual(['q-pending']);
		expect(await replica.db.companies.count()).toBe(companies);
		expect(await replica.db.outbox.count()).toBe(2);

		goOnline();
		await synced(replica);
		expect(await replica.db.quotes.count()).toBe(quotes + 1);
		expect((await replica.db.quotes.get(quote!.id))?.title).toBe('Renamed while offline');
		expect((await replica.db.quotes.get('q-pending'))?.number).toMatch(/^Q-\d{5}$/);
		expect(await replica.db.companies.count()).toBe(companies);
	});
});
