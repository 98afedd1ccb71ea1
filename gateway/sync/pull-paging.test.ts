// Pull paging over HTTP: a pull in bounded pages adds up to one big pull, whatever changes between
// pages, on every store.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Quote } from '../../shared/schema/entities.ts';
import { compareCookies } from '../../shared/sync/protocol.ts';
import { demoUserId } from '../demo/seed-demo.ts';
import { startGateway, type Gateway, type HttpClient } from '../test/http-harness.ts';
import { STORE_KINDS } from '../test/stores.ts';
import { replay, syncClient, uid } from '../test/wire-client.ts';

const ADMIN = 'admin@demo.outpost.test';
const SALES = 'sales@demo.outpost.test';

describe.each(STORE_KINDS)('pull paging over HTTP on $name', (kind) => {
	let gw: Gateway;
	let admin: HttpClient;
	let sales: HttpClient;
	// Small against the demo's few thousand rows: many pages, and still under the client's 100.
	const PAGE = 50;
	let paged: Gateway;
	beforeAll(async () => {
		gw = await startGateway(kind);
		admin = await gw.login(ADMIN);
		sales = await gw.login(SALES);
		paged = await startGateway(kind, { store: gw.store, pullPageSize: PAGE });
	});
	afterAll(async () => {
		await paged?.close();
		await gw?.close();
	});

	it('sends a big pull in bounded pages that add up to one big pull', async () => {
		const writer = syncClient(sales);
		await writer.push([writer.m('updateQuote', { id: 'quote-acme-firewall', notes: 'paged' })]);
		const clientID = writer.clientID;
		// The same client group pulls through both gateways: once in pages, once in one go.
		const onPaged = syncClient(await paged.login(SALES), writer.clientGroupID, clientID);
		const onWhole = syncClient(sales, writer.clientGroupID, clientID);

		const pages = await onPaged.pullAll(null);
		const [whole, ...none] = await onWhole.pullAll(null);
		expect(none).toEqual([]);
		expect(pages.length).toBeGreaterThanOrEqual(3);
		for (const page of pages.slice(0, -1)) {
			expect(page.more).toBe(true);
			expect(page.patch.filter((op) => op.op !== 'clear')).toHaveLength(PAGE);
			expect(page.lastMutationIDChanges).toEqual({});
			expect(page.rejections).toEqual([]);
		}
		const last = pages.at(-1)!;
		expect(last.more).toBe(false);
		expect(last.patch.length).toBeLessThanOrEqual(PAGE);
		expect(last.lastMutationIDChanges).toEqual({ [clientID]: 1 });
		expect(last.cookie).toEqual(whole!.cookie);
		expect(pages.flatMap((p) => p.patch)).toEqual(whole!.patch);
		expect(pages[0]!.patch[0]).toEqual({ op: 'clear' });
		expect(pages.slice(1).some((p) => p.patch.some((op) => op.op === 'clear'))).toBe(false);

		const cookies = pages.map((p) => p.cookie);
		for (let k = 1; k < cookies.length; k++) {
			expect(compareCookies(cookies[k]!, cookies[k - 1]!), JSON.stringify(cookies.slice(k - 1, k + 1))).toBeGreaterThan(
				0
			);
		}
	});

	it('loses nothing that is written between pages', async () => {
		const reader = syncClient(await paged.login(ADMIN));
		const first = await reader.pull(null);
		expect(first.body.more).toBe(true);
		const s = syncClient(sales);
		const newQuote = uid('q');
		await s.push([
			s.m('updateQuote', { id: 'quote-acme-firewall', title: 'Changed mid-pull' }),
			s.m('createQuote', { id: newQuote, companyId: 'company-wayne', title: 'Born mid-pull' })
		]);
		const rest = await reader.pullAll(first.body.cookie);
		const state = replay([first.body, ...rest]);
		const fresh = replay(await syncClient(admin).pullAll(null));
		expect(state).toEqual(fresh);
		expect((state.get('quotes/quote-acme-firewall') as Quote).title).toBe('Changed mid-pull');
		expect(state.has(`quotes/${newQuote}`)).toBe(true);
	});

	it('starts over from the first row with a clear when the ACL version changes between pages', async () => {
		const reader = syncClient(await paged.login(SALES));
		const first = await reader.pull(null);
		expect(first.body.cookie.c).toBeDefined();
		await gw.store.db
			.updateTable('users')
			.set((eb) => ({ acl_version: eb('acl_version', '+', 1) }))
			.where('id', '=', demoUserId(SALES))
			.execute();
		const rest = await reader.pullAll(first.body.cookie);
		expect(rest[0]!.patch[0]).toEqual({ op: 'clear' });
		expect(rest.at(-1)!.cookie.acl).toBe(first.body.cookie.acl + 1);
		expect(replay(rest)).toEqual(replay(await syncClient(sales).pullAll(null)));
	});
});
