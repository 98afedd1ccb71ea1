// The TD SYNNEX client against its simulator over loopback: each seed failure from an injected fault,
// in the seed's words and mapped to the runner's kind; the order lifecycle; hostile answers.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { toPsaFailure } from '../failure.ts';
import { buildProduct } from '../simulator/seed-builders.ts';
import { startSandbox, unwrap, type Sandbox } from '../test/client-sandbox.ts';
import { createTdSynnexClient } from './client.ts';

const SHIP_TO = { name: 'Acme Inc', line1: '1 Main St', city: 'Irvine', state: 'CA', zip: '92612', country: 'US' };
const laptop = buildProduct({ synnexSku: '13382087', mfgPN: 'LAT5450-0001', priceCents: 98_000, stock: 9 });
const dock = buildProduct({ synnexSku: '13382094', mfgPN: 'WD22TB4', priceCents: 21_500, stock: 40 });
const order = (poNumber: string, lines = [{ lineNumber: 1, synnexSku: laptop.synnexSku, quantity: 2 }]) => ({
	poNumber,
	shipTo: SHIP_TO,
	lines
});

let box: Sandbox;
beforeEach(async () => {
	box = await startSandbox({ simulator: { clock: { now: () => Date.parse('2026-12-06T10:00:00Z') } } });
	box.control.seedProducts([laptop, dock]);
});
afterEach(() => box.close());

describe('price and availability', () => {
	it('answers cost, stock and warehouses by part number or SKU, in the order asked, in one call', async () => {
		const lines = unwrap(
			await box.client.priceAvailability([
				{ mfgPN: 'LAT5450-0001' },
				{ synnexSku: dock.synnexSku },
				{ mfgPN: 'NOPE-1' }
			])
		);
		expect(lines.map((l) => [l.lineNumber, l.synnexSku, l.status, l.unitCostCents, l.totalQuantity])).toEqual([
			[1, '13382087', 'active', 98_000, 9],
			[2, '13382094', 'active', 21_500, 40],
			[3, null, 'not_found', null, 0]
		]);
		expect(lines[0]!.warehouses).toEqual([
			{ number: '503', city: 'Swedesboro,NJ', quantity: 5 },
			{ number: '3', city: 'Fremont,CA', quantity: 4 }
		]);
		expect(box.control.calls()).toEqual({ 'POST /SynnexXML/PriceAvailability': 1 });
	});

	it('shows a product discontinued since the quote was made, and one out of stock', async () => {
		box.control.discontinue(laptop.synnexSku);
		box.control.setStock(dock.synnexSku, 0);
		const lines = unwrap(await box.client.priceAvailability([{ mfgPN: laptop.mfgPN }, { mfgPN: dock.mfgPN }]));
		expect(lines.map((l) => [l.status, l.totalQuantity])).toEqual([
			['discontinued', 9],
			['active', 0]
		]);
	});

	it('asks in batches: 120 products cost 3 calls of at most 50', async () => {
		const queries = Array.from({ length: 120 }, (_, i) => ({ mfgPN: `MPN-${i}` }));
		const lines = unwrap(await box.client.priceAvailability(queries));
		expect(lines).toHaveLength(120);
		expect(lines.at(-1)!.lineNumber).toBe(120);
		expect(box.control.callCount('POST /SynnexXML/PriceAvailability')).toBe(3);
	});
});

describe('the seed failures, each from an injected fault', () => {
	it('Invalid customer number: fix the ordering credentials at Admin › Distributors', async () => {
		box.control.inject({ kind: 'invalid_customer_number' });
		const result = await box.client.priceAvailability([{ mfgPN: laptop.mfgPN }]);
		expect(result).toMatchObject({
			ok: false,
			code: 'auth_failed',
			reason: 'customer_number',
			message: 'Invalid customer number'
		});
		expect(toPsaFailure(result as never)).toEqual({
			ok: false,
			kind: 'permanent',
			health: 'auth_failed',
			message: 'Invalid customer number',
			rootCause: { kind: 'credentials' }
		});
	});

	it('a customer number that is not the account’s is refused the same way on a PO', async () => {
		const client = box.newClient({
			credentials: { ...box.control.credentials, customerNumber: '999', baseUrl: box.baseUrl }
		});
		expect(await client.submitOrder(order('PO-CUST'))).toMatchObject({
			code: 'auth_failed',
			message: 'Invalid customer number'
		});
		expect(box.control.ordersWithPoNumber('PO-CUST')).toBe(0);
	});

	it('refused login: an authentication failure pointing at the credentials', async () => {
		box.control.inject({ kind: 'bad_credentials', path: '/SynnexXML/POStatus' });
		const result = await box.client.orderStatus('PO-1');
		expect(result).toMatchObject({
			ok: false,
			code: 'auth_failed',
			reason: 'credentials',
			message: 'TD SYNNEX authentication error: please verify your credentials'
		});
		expect(toPsaFailure(result as never)).toMatchObject({ kind: 'permanent', rootCause: { kind: 'credentials' } });
	});

	it('a 503 in a maintenance window is transient, and answers again after it', async () => {
		box.control.inject({ kind: 'maintenance', retryAfterSeconds: 600 });
		const down = await box.client.placeOrder(order('PO-MAINT'));
		expect(down).toMatchObject({ ok: false, code: 'unavailable', status: 503, retryAfterMs: 600_000 });
		expect(toPsaFailure(down as never)).toMatchObject({ kind: 'transient', retryAfterMs: 600_000 });
		expect(unwrap(await box.client.placeOrder(order('PO-MAINT')))).toMatchObject({ placedNow: true });
	});

	it('out of stock: Products unavailable at distributor, naming the line, and nothing is ordered', async () => {
		box.control.setStock(laptop.synnexSku, 1);
		const result = await box.client.placeOrder({ ...order('PO-OOS'), backorder: false });
		expect(result).toEqual({
			ok: false,
			code: 'rejected',
			status: 200,
			duplicate: false,
			message: 'Products unavailable at distributor: 13382087 is out of stock.',
			lines: [{ lineNumber: 1, sku: '13382087', reason: 'out_of_stock', detail: 'Out of stock' }]
		});
		expect(toPsaFailure(result as never)).toMatchObject({ kind: 'permanent' });
		expect(box.control.ordersWithPoNumber('PO-OOS')).toBe(0);
	});

	it('discontinued since the quote was made: the line is named, the other line is not', async () => {
		box.control.discontinue(laptop.mfgPN);
		const result = await box.client.placeOrder(
			order('PO-DISC', [
				{ lineNumber: 1, synnexSku: dock.synnexSku, quantity: 1 },
				{ lineNumber: 2, synnexSku: laptop.synnexSku, quantity: 1 }
			])
		);
		expect(result).toMatchObject({
			code: 'rejected',
			message: 'Products unavailable at distributor: 13382087 is discontinued.',
			lines: [{ lineNumber: 2, reason: 'discontinued' }]
		});
	});
});

describe('the order lifecycle', () => {
	it('PO submitted, Processing, then Shipped with tracking; the PO number is kept', async () => {
		const placed = unwrap(await box.client.placeOrder(order('PO-7781')));
		expect(placed).toEqual({ placedNow: true, poNumber: 'PO-7781', orderNumbers: ['19236858'] });
		expect(unwrap(await box.client.orderStatus('PO-7781'))).toMatchObject({ status: 'processing' });
		box.control.ship('PO-7781', { trackingNumber: '1Z999AA10123456784' });
		const shipped = unwrap(await box.client.orderStatus('PO-7781'))!;
		expect(shipped.status).toBe('shipped');
		expect(shipped.lines[0]).toMatchObject({
			status: 'shipped',
			quantity: 2,
			shippedQuantity: 2,
			tracking: [{ number: '1Z999AA10123456784', quantity: 2 }]
		});
	});

	it('a partial shipment is partially shipped until the rest ships', async () => {
		unwrap(await box.client.placeOrder(order('PO-PART')));
		box.control.ship('PO-PART', { quantity: 1, trackingNumber: 'T-1' });
		expect(unwrap(await box.client.orderStatus('PO-PART'))).toMatchObject({
			status: 'partially_shipped',
			lines: [{ shippedQuantity: 1, status: 'partially_shipped' }]
		});
		box.control.ship('PO-PART', { trackingNumber: 'T-2' });
		const done = unwrap(await box.client.orderStatus('PO-PART'))!;
		expect([done.status, done.lines[0]!.tracking.map((t) => t.number)]).toEqual(['shipped', ['T-1', 'T-2']]);
	});

	it('a backorder reads Backordered with TD SYNNEX’s ETA', async () => {
		box.control.inject({ kind: 'backorder', path: '/SynnexXML/PO' });
		unwrap(await box.client.placeOrder(order('PO-BO')));
		expect(unwrap(await box.client.orderStatus('PO-BO'))).toMatchObject({
			status: 'backordered',
			lines: [{ status: 'backordered', eta: '2026-12-20' }]
		});
	});

	it('the slow PO stays in Processing until released', async () => {
		const sim = await startSandbox({ simulator: { autoShipAfterMs: 0 } });
		sim.control.seedProducts([laptop]);
		sim.control.inject({ kind: 'stays_processing', path: '/SynnexXML/PO' });
		unwrap(await sim.client.placeOrder(order('PO-SLOW')));
		expect(unwrap(await sim.client.orderStatus('PO-SLOW'))).toMatchObject({ status: 'processing' });
		sim.control.holdInProcessing('PO-SLOW', false);
		expect(unwrap(await sim.client.orderStatus('PO-SLOW'))).toMatchObject({ status: 'shipped' });
		await sim.close();
	});

	it('a PO status that does not answer in time is a timeout, retried as transient', async () => {
		box.control.inject({ kind: 'delay', ms: 300, path: '/SynnexXML/POStatus' });
		const result = await box.newClient({ timeoutMs: 50 }).orderStatus('PO-LATE');
		expect(result).toEqual({ ok: false, code: 'timeout', message: 'TD SYNNEX did not answer within 50 ms.' });
		expect(toPsaFailure(result as never).kind).toBe('transient');
	});

	it('an unknown PO number is no order, not a failure', async () => {
		expect(await box.client.orderStatus('PO-NONE')).toEqual({ ok: true, value: null });
	});

	it('reads TD SYNNEX’s duplicate answer as the order already placed', async () => {
		unwrap(await box.client.submitOrder(order('PO-DUP')));
		expect(await box.client.submitOrder(order('PO-DUP'))).toMatchObject({ code: 'rejected', duplicate: true });
		expect(unwrap(await box.client.placeOrder(order('PO-DUP')))).toMatchObject({ placedNow: false });
		expect(box.control.ordersWithPoNumber('PO-DUP')).toBe(1);
	});
});

describe('hostile input and answers', () => {
	it('names what is wrong with an order and sends nothing', async () => {
		const result = await box.client.placeOrder({
			...order('PO-BAD'),
			lines: [{ lineNumber: 1, synnexSku: 'LAT5450-0001', quantity: 0 }]
		});
		expect(result).toEqual({
			ok: false,
			code: 'invalid_request',
			message:
				'Not sent to TD SYNNEX: lines.0.synnexSku: a TD SYNNEX SKU (digits); lines.0.quantity: Too small: expected number to be >=1'
		});
		expect(box.control.totalCalls()).toBe(0);
	});

	it('sends nothing with saved credentials that cannot be right, and points at the customer number', async () => {
		const client = createTdSynnexClient({ credentials: { ...box.control.credentials, customerNumber: 'ACME-1' } });
		expect(await client.orderStatus('PO-1')).toEqual({
			ok: false,
			code: 'auth_failed',
			message: 'Invalid customer number',
			status: 0,
			detail: 'customerNumber: digits only, as TD SYNNEX shows the account number',
			reason: 'customer_number'
		});
		expect(box.control.totalCalls()).toBe(0);
	});

	it('refuses answers with entities, of the wrong types, or far too large', async () => {
		const answering = (body: string) =>
			createTdSynnexClient({
				credentials: box.control.credentials,
				fetch: async () => new Response(body, { status: 200, headers: { 'content-type': 'application/xml' } })
			});
		const laughs = '<!DOCTYPE r [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;">]><priceResponse>&b;</priceResponse>';
		expect(await answering(laughs).priceAvailability([{ mfgPN: 'X' }])).toMatchObject({
			code: 'unexpected_response',
			message: 'TD SYNNEX answered with a document type declaration (refused: no entities are expanded).'
		});
		const wrongType =
			'<priceResponse><PriceAvailabilityList><synnexSKU>1</synnexSKU><status>Active</status><price>lots</price><lineNumber>1</lineNumber></PriceAvailabilityList></priceResponse>';
		expect(await answering(wrongType).priceAvailability([{ mfgPN: 'X' }])).toMatchObject({
			code: 'unexpected_response',
			message: expect.stringContaining('PriceAvailabilityList.0.price')
		});
		const huge = `<priceResponse>${'<x>1</x>'.repeat(300_000)}</priceResponse>`;
		expect(await answering(huge).priceAvailability([{ mfgPN: 'X' }])).toMatchObject({
			code: 'unexpected_response',
			message: expect.stringContaining('characters (at most 2000000 are read)')
		});
	});

	it('refuses an answer about another PO number', async () => {
		const other =
			'<SynnexB2B><OrderStatusResponse><PONumber>PO-OTHER</PONumber><Code>accepted</Code></OrderStatusResponse></SynnexB2B>';
		const client = createTdSynnexClient({
			credentials: box.control.credentials,
			fetch: async () => new Response(other)
		});
		expect(await client.orderStatus('PO-MINE')).toMatchObject({
			code: 'unexpected_response',
			message: 'TD SYNNEX answered about PO PO-OTHER, not PO-MINE.'
		});
	});
});
