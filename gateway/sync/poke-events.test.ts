// The poke stream: a commit pokes only the streams whose user can see what changed, and a session
// holds a bounded number of streams.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEventStream, type OpenStream } from '../test/event-stream.ts';
import { DEMO_ORG } from '../demo/demo-data.ts';
import { demoUserId, roleIdOf } from '../demo/seed-demo.ts';
import { startGateway, type Gateway, type HttpClient } from '../test/http-harness.ts';
import { STORE_KINDS } from '../test/stores.ts';
import { syncClient, uid } from '../test/wire-client.ts';

const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

describe.each(STORE_KINDS)('poke streams on $name', (kind) => {
	let gw: Gateway;
	const as = new Map<string, HttpClient>();
	const streams: OpenStream[] = [];
	const open = async (email: string, session = as.get(email)!) => {
		const stream = await openEventStream(gw.baseUrl, session);
		streams.push(stream);
		await stream.until('hello');
		return stream;
	};

	beforeAll(async () => {
		gw = await startGateway(kind);
		for (const who of ['admin', 'sales', 'buyer', 'viewer', 'catalog']) {
			as.set(who, await gw.login(`${who}@demo.outpost.test`));
		}
	});
	afterAll(async () => {
		for (const stream of streams) stream.close();
		await gw?.close();
	});

	it('pokes only the users who can see what a commit changed', async () => {
		const [admin, buyer, viewer] = [await open('admin'), await open('buyer'), await open('viewer')];
		const sales = syncClient(as.get('sales')!);
		await sales.push([sales.m('updateQuote', { id: 'quote-stark-security', notes: 'scoped' })]);
		await admin.until('poke');
		await buyer.until('poke');
		await settle();
		// A Product viewer replicates no quotes: a quote changing is none of their stream's business.
		expect(viewer.events).toEqual(['hello']);

		const catalog = syncClient(as.get('catalog')!);
		await catalog.push([
			catalog.m('saveCategory', { id: uid('cat'), name: 'Docks', defaultMarkupPercent: 10, billingCodeId: null })
		]);
		await viewer.until('poke');
		await admin.until('poke', 2);
		await settle();
		expect(buyer.events).toEqual(['hello', 'poke']);
	});

	it('keeps at most six streams a session: a seventh closes the oldest', async () => {
		const session = await gw.login('sales@demo.outpost.test');
		const mine: OpenStream[] = [];
		for (let k = 0; k < 6; k++) mine.push(await open('sales', session));
		const seventh = await open('sales', session);
		await mine[0]!.ended;
		const other = syncClient(as.get('admin')!);
		await other.push([other.m('updateQuote', { id: 'quote-stark-security', notes: 'still here' })]);
		for (const stream of [...mine.slice(1), seventh]) await stream.until('poke');
		expect(mine[0]!.events).toEqual(['hello']);
	});

	it('sends one poke for a burst of commits', async () => {
		const stream = await open('buyer');
		const sales = syncClient(as.get('sales')!);
		for (let k = 0; k < 5; k++) {
			await sales.push([sales.m('updateQuote', { id: 'quote-stark-security', notes: `burst ${k}` })]);
		}
		await stream.until('poke');
		await settle();
		await settle();
		expect(stream.events.filter((e) => e === 'poke').length).toBeLessThan(5);
	});

	// Last: it changes the viewer's roles.
	it('a stream follows its user’s new roles: given Quote editor, they hear of quotes', async () => {
		const viewer = await open('viewer');
		const admin = syncClient(as.get('admin')!);
		const roleIds = [roleIdOf(DEMO_ORG.id, 'productViewer'), roleIdOf(DEMO_ORG.id, 'quoteEditor')];
		await admin.push([admin.m('updateUser', { id: demoUserId('viewer@demo.outpost.test'), roleIds })]);
		await viewer.until('poke');
		await settle();
		await admin.push([admin.m('updateQuote', { id: 'quote-stark-security', notes: 'now yours too' })]);
		await viewer.until('poke', 2);
	});
});
