// Ingram Micro's order webhooks over real HTTP (issue 13): an order placed through the real flow (push,
// job), shipped at the simulator, whose signed webhook makes it Shipped with tracking without a poll;
// and every delivery that must change nothing: wrong secret, altered event id, no signature, a wrong
// URL, a replay, too large a body, another organisation's order, a body that is not JSON.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PurchaseOrder } from '../../shared/schema/purchase-order-entities.ts';
import { createOutboundPolicy } from '../connectors/common/outbound-policy.ts';
import { saveIngramCredentials } from '../connectors/ingrammicro/ordering-credentials.ts';
import { buildProduct } from '../connectors/ingrammicro/simulator/seed-builders.ts';
import { createIngramSimulator, type IngramSimulator } from '../connectors/ingrammicro/simulator/simulator.ts';
import { orderEventBody } from '../connectors/ingrammicro/simulator/webhooks.ts';
import { ingramWebhookUrl, saveIngramWebhook } from '../connectors/ingrammicro/webhook/settings.ts';
import { signEvent } from '../connectors/ingrammicro/webhook/signature.ts';
import { DEMO_ORG } from '../demo/demo-data.ts';
import { createPsaServices, type PsaServices } from '../psa/psa-services.ts';
import { readEntities, readEntity } from '../store/entity-reader.ts';
import { createPokeHub } from '../sync/poke-hub.ts';
import { startGateway, type Gateway } from '../test/http-harness.ts';
import { orderableProduct, putOrderableQuote } from '../test/purchase-order-rows.ts';
import { STORE_KINDS, type TestStore } from '../test/stores.ts';
import { syncClient, uid } from '../test/wire-client.ts';
import { WEBHOOK_BODY_BYTES } from './webhook-routes.ts';

const ORG = DEMO_ORG.id;
const OTHER_ORG = 'org-elsewhere';
const SECRET = 'ingram-webhook-secret-key-0123456789';
const OTHER_SECRET = 'another-organisations-secret-key-42';

describe.each(STORE_KINDS)('Ingram Micro order webhooks on $name', (kind) => {
	let opened: TestStore;
	let psa: PsaServices;
	let gw: Gateway;
	let sim: IngramSimulator;
	let url: string;
	let otherUrl: string;

	beforeAll(async () => {
		opened = await kind.open();
		const pokes = createPokeHub();
		psa = await createPsaServices({
			store: opened.store,
			pokes,
			outbound: createOutboundPolicy({ allowLoopback: true }),
			log: () => {}
		});
		gw = await startGateway(kind, { store: opened.store, psa, pokes });
		sim = createIngramSimulator({ log: () => {} });
		const { apiUrl } = await sim.listen();
		sim.control.seedProducts(buildProduct({ ingramPartNumber: 'AP-1', vendorPartNumber: 'MR46-HW' }));
		await saveIngramCredentials(psa.vault, ORG, { ...sim.control.credentials, apiUrl }, Date.now());
		const hook = await saveIngramWebhook(psa.vault, ORG, SECRET, Date.now());
		url = ingramWebhookUrl(gw.baseUrl, ORG, hook.token);
		const other = await saveIngramWebhook(psa.vault, OTHER_ORG, OTHER_SECRET, Date.now());
		otherUrl = ingramWebhookUrl(gw.baseUrl, OTHER_ORG, other.token);
	});
	afterAll(async () => {
		await sim?.close();
		await gw?.close();
		await opened?.close();
	});

	/** An order placed the real way: the buyer's push, then the submission job against the simulator. */
	async function placeOrder(): Promise<PurchaseOrder> {
		const buyer = syncClient(await gw.login('buyer@demo.outpost.test'));
		const { quoteId } = await putOrderableQuote(gw, [orderableProduct()]);
		const id = uid('po');
		const pushed = await buyer.push([
			buyer.m('orderQuote', { quoteId, orderIds: { ingrammicro: id, tdsynnex: uid('po') } }),
			buyer.m('submitPurchaseOrder', { id })
		]);
		expect(pushed.body.results.map((r: { status: string }) => r.status)).toEqual(['applied', 'applied']);
		await psa.runner.runDue();
		const order = (await readEntity(gw.store.db, ORG, 'purchaseOrders', id))!;
		expect(order.status).toBe('processing');
		return order;
	}

	const rowsOf = async (orderId: string) => ({
		order: await readEntity(gw.store.db, ORG, 'purchaseOrders', orderId),
		lines: await readEntities(gw.store.db, ORG, 'purchaseOrderLines')
	});

	/** What the simulator would post for this order now, under `eventId`. */
	const eventFor = (order: PurchaseOrder, eventId: string) =>
		orderEventBody(sim.control.order(order.distributorOrderIds[0]!)!, 'im::order_shipped', eventId, Date.now());

	async function post(to: string, body: string, signature: string | null) {
		const headers: Record<string, string> = { 'content-type': 'application/json' };
		if (signature !== null) headers['x-hub-signature'] = signature;
		const response = await fetch(to, { method: 'POST', headers, body });
		return { status: response.status, body: await response.json() };
	}

	it('ships an order when Ingram says so, tracking included, without a poll', async () => {
		const order = await placeOrder();
		sim.control.registerWebhook({ url, secret: SECRET });
		sim.control.ship(order.distributorOrderIds[0]!);
		const deliveries = await sim.control.webhookDeliveries();
		sim.control.registerWebhook(null);
		expect(deliveries.map((d) => [d.eventType, d.status])).toEqual([['im::order_shipped', 200]]);
		const after = (await readEntity(gw.store.db, ORG, 'purchaseOrders', order.id))!;
		expect(after.status).toBe('shipped');
		const lines = (await readEntities(gw.store.db, ORG, 'purchaseOrderLines')).filter((l) => l.orderId === order.id);
		const shipped = sim.control.order(order.distributorOrderIds[0]!)!.lines[0]!.shipments[0]!.trackingNumber;
		expect(lines.map((l) => [l.status, l.tracking])).toEqual([['shipped', [shipped]]]);
		const polls = await gw.store.db.selectFrom('jobs').select('id').where('kind', '=', 'pollPurchaseOrders').execute();
		expect(polls).toEqual([]);
	});

	it('refuses a wrong secret, an altered event id, no signature and a wrong URL with 401, changing nothing', async () => {
		const order = await placeOrder();
		sim.control.ship(order.distributorOrderIds[0]!);
		const before = await rowsOf(order.id);
		const body = JSON.stringify(eventFor(order, 'EVT-REFUSED-1'));
		const altered = body.replace('EVT-REFUSED-1', 'EVT-REFUSED-2');
		const wrongToken = url.replace(/\/[^/]+$/, `/${'A'.repeat(32)}`);
		const unknownOrg = url.replace(`/${ORG}/`, '/org-nobody/');
		const attempts = [
			await post(url, body, await signEvent('not-the-secret-key-at-all', 'EVT-REFUSED-1')),
			await post(url, altered, await signEvent(SECRET, 'EVT-REFUSED-1')),
			await post(url, body, null),
			await post(url, body, 'garbage'),
			await post(wrongToken, body, await signEvent(SECRET, 'EVT-REFUSED-1')),
			await post(unknownOrg, body, await signEvent(SECRET, 'EVT-REFUSED-1'))
		];
		expect(attempts.map((a) => a.status)).toEqual([401, 401, 401, 401, 401, 401]);
		expect(new Set(attempts.map((a) => JSON.stringify(a.body))).size).toBe(1);
		expect(await rowsOf(order.id)).toEqual(before);
		const seen = await gw.store.db.selectFrom('webhook_events').select('event_id').execute();
		expect(seen.map((r) => r.event_id)).not.toContain('EVT-REFUSED-1');
	});

	it('applies an event once: its replay changes nothing, even when Ingram has moved on since', async () => {
		const order = await placeOrder();
		sim.control.ship(order.distributorOrderIds[0]!);
		const body = JSON.stringify(eventFor(order, 'EVT-ONCE-1'));
		const signature = await signEvent(SECRET, 'EVT-ONCE-1');
		expect((await post(url, body, signature)).status).toBe(200);
		const applied = await rowsOf(order.id);
		expect(applied.order!.status).toBe('shipped');
		sim.control.deliver(order.distributorOrderIds[0]!);
		expect(await post(url, body, signature)).toEqual({ status: 200, body: { ok: true } });
		expect(await rowsOf(order.id)).toEqual(applied);
	});

	it('answers 413 to a body over the cap, before reading anything', async () => {
		const order = await placeOrder();
		sim.control.ship(order.distributorOrderIds[0]!);
		const before = await rowsOf(order.id);
		const event = { ...eventFor(order, 'EVT-BIG-1'), padding: 'x'.repeat(WEBHOOK_BODY_BYTES) };
		const answer = await post(url, JSON.stringify(event), await signEvent(SECRET, 'EVT-BIG-1'));
		expect(answer.status).toBe(413);
		expect(await rowsOf(order.id)).toEqual(before);
	});

	it("answers another organisation's delivery naming this organisation's order as any other, changing nothing", async () => {
		const order = await placeOrder();
		sim.control.ship(order.distributorOrderIds[0]!);
		const before = await rowsOf(order.id);
		const calls = sim.control.requests().length;
		const answer = await post(
			otherUrl,
			JSON.stringify(eventFor(order, 'EVT-OTHER-1')),
			await signEvent(OTHER_SECRET, 'EVT-OTHER-1')
		);
		expect(answer).toEqual({ status: 200, body: { ok: true } });
		expect(await rowsOf(order.id)).toEqual(before);
		expect(sim.control.requests().length).toBe(calls);
	});

	it('answers 400 naming what is wrong when a signed body is not JSON or not an order event', async () => {
		const signature = await signEvent(SECRET, 'EVT-BAD-1');
		expect(await post(url, '{"eventId":"EVT-BAD-1","resource":[', signature)).toEqual({
			status: 400,
			body: { error: { code: 'invalid_input', message: 'body: not valid JSON' } }
		});
		expect(
			await post(url, '{"eventId":"EVT-BAD-1","resource":[{"eventType":"im::order_shipped"}]}', signature)
		).toEqual({
			status: 400,
			body: { error: { code: 'invalid_input', message: 'body.resource.0: an orderNumber or a customerOrderNumber' } }
		});
	});
});
