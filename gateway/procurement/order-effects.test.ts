// A buyer's offline work reaching the gateway (issue 13): an accepted quote turned into orders and one
// submitted, pushed on reconnect, queues exactly one submission job for that order, even when the
// same push arrives twice; open orders get one status poll per distributor.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ORG } from '../demo/demo-data.ts';
import { startGateway, type Gateway } from '../test/http-harness.ts';
import { putOrderableQuote } from '../test/purchase-order-rows.ts';
import { STORE_KINDS } from '../test/stores.ts';
import { replicatedWriter } from '../jobs/replicated-write.ts';
import { syncClient, uid } from '../test/wire-client.ts';
import { enqueueDueOrderPolls, POLL_EVERY_MS } from './order-polls.ts';

describe.each(STORE_KINDS)('purchase order effects on $name', (kind) => {
	let gw: Gateway;
	beforeAll(async () => {
		gw = await startGateway(kind);
	});
	afterAll(() => gw?.close());

	const jobsOf = (entityId: string) =>
		gw.store.db.selectFrom('jobs').select(['kind', 'provider', 'status']).where('entity_id', '=', entityId).execute();

	it('queues one submission per order, whatever the number of pushes', async () => {
		const buyer = syncClient(await gw.login('buyer@demo.outpost.test'));
		const { quoteId } = await putOrderableQuote(gw);
		const orderIds = { ingrammicro: uid('po'), tdsynnex: uid('po') };
		const batch = [
			buyer.m('orderQuote', { quoteId, orderIds }),
			buyer.m('submitPurchaseOrder', { id: orderIds.ingrammicro })
		];
		const first = await buyer.push(batch);
		expect(first.body.results.map((r) => r.status)).toEqual(['applied', 'applied']);
		await buyer.push(batch);
		expect(await jobsOf(orderIds.ingrammicro)).toEqual([
			{ kind: 'submitPurchaseOrder', provider: 'ingrammicro', status: 'queued' }
		]);
		expect(await jobsOf(orderIds.tdsynnex)).toEqual([]);
	});

	it('polls each distributor with open orders once per period', async () => {
		const { quoteId } = await putOrderableQuote(gw);
		const buyer = syncClient(await gw.login('buyer@demo.outpost.test'));
		const orderIds = { ingrammicro: uid('po'), tdsynnex: uid('po') };
		await buyer.push([buyer.m('orderQuote', { quoteId, orderIds })]);
		await replicatedWriter(gw.store, { poke: () => {} })(DEMO_ORG.id, async (tx) => {
			const order = (await tx.get('purchaseOrders', orderIds.tdsynnex))!;
			await tx.put('purchaseOrders', { ...order, status: 'processing', placedAt: 1 });
		});
		const now = Date.now();
		expect(await enqueueDueOrderPolls(gw.store, now)).toBe(1);
		expect(await jobsOf('tdsynnex')).toEqual([{ kind: 'pollPurchaseOrders', provider: 'tdsynnex', status: 'queued' }]);
		expect(await enqueueDueOrderPolls(gw.store, now + POLL_EVERY_MS)).toBe(0);
	});
});
