// Ordering at Ingram Micro against its simulator: create → details → search by PO → cancel, the order
// statuses the procurement queue follows, and an order placed exactly once however a submission is cut
// short (the customer PO number is the idempotency key, looked up before any re-submission).

import { afterEach, describe, expect, it } from 'vitest';
import { buildProduct } from '../simulator/seed-builders.ts';
import { startSandbox, unwrap, type Sandbox } from '../test/client-sandbox.ts';
import { ENDPOINTS } from './client.ts';
import { orderStatusOf, trackingNumbers, type OrderRequest } from './orders.ts';
import { placeOrderOnce } from './place-order.ts';
import { TOKEN_ENDPOINT } from './token-cache.ts';

let sandbox: Sandbox | null = null;
afterEach(async () => {
	await sandbox?.close();
	sandbox = null;
});

async function withCatalog(): Promise<Sandbox> {
	const s = await startSandbox();
	s.control.seedProducts(
		buildProduct({ ingramPartNumber: 'AP-1', vendorPartNumber: 'MR46-HW', customerPrice: 836.5 }),
		buildProduct({ ingramPartNumber: 'SW-1', vendorPartNumber: 'MS120-8', customerPrice: 300 })
	);
	return s;
}

const order = (po: string): OrderRequest => ({
	customerOrderNumber: po,
	notes: 'Quote Q-1042',
	lines: [
		{ customerLineNumber: '1', ingramPartNumber: 'AP-1', quantity: 2, unitPrice: 836.5 },
		{ customerLineNumber: '2', vendorPartNumber: 'MS120-8', quantity: 1 }
	]
});

describe('Ingram Micro ordering', () => {
	it('creates an order, reads its details, finds it by PO and cancels it', async () => {
		sandbox = await withCatalog();
		const placed = unwrap(await sandbox.client.createOrder(order('PO-7781')));
		expect(placed.rejected).toEqual([]);
		expect(placed.lines.map((l) => [l.customerLineNumber, l.lineStatus])).toEqual([
			['1', 'Open'],
			['2', 'Open']
		]);
		const [number] = placed.ingramOrderNumbers;
		const detail = unwrap(await sandbox.client.orderDetails(number!));
		expect(detail).toMatchObject({
			ingramOrderNumber: number,
			customerOrderNumber: 'PO-7781',
			orderStatus: 'Processing'
		});
		expect(detail!.lines!.map((l) => [l.ingramPartNumber, l.quantityOrdered, l.lineStatus])).toEqual([
			['AP-1', 2, 'In Progress'],
			['SW-1', 1, 'In Progress']
		]);
		const found = unwrap(await sandbox.client.findOrdersByPo('po-7781'));
		expect(found.map((o) => o.ingramOrderNumber)).toEqual([number]);
		unwrap(await sandbox.client.cancelOrder(number!));
		expect(sandbox.control.orderStatus(number!)).toBe('Canceled');
		expect(orderStatusOf(unwrap(await sandbox.client.orderDetails(number!))!)).toBe('Canceled');
		expect(sandbox.control.calls()).toEqual({
			[TOKEN_ENDPOINT]: 1,
			[ENDPOINTS.createOrder]: 1,
			[ENDPOINTS.orderDetails]: 2,
			[ENDPOINTS.searchOrders]: 1,
			[ENDPOINTS.cancelOrder]: 1
		});
	});

	it('answers null for an order Ingram does not have, and refuses to cancel a shipped one', async () => {
		sandbox = await withCatalog();
		expect(unwrap(await sandbox.client.orderDetails('20-NOPE'))).toBeNull();
		const [number] = unwrap(await sandbox.client.createOrder(order('PO-1'))).ingramOrderNumbers;
		sandbox.control.ship(number!);
		expect(await sandbox.client.cancelOrder(number!)).toMatchObject({
			ok: false,
			code: 'rejected',
			message: 'The order cannot be canceled once it is released to the warehouse.'
		});
	});

	it('follows Processing → Shipped with tracking → Delivered', async () => {
		sandbox = await withCatalog();
		const [number] = unwrap(await sandbox.client.createOrder(order('PO-2'))).ingramOrderNumbers;
		sandbox.control.ship(number!);
		const shipped = unwrap(await sandbox.client.orderDetails(number!))!;
		expect(orderStatusOf(shipped)).toBe('Shipped');
		expect(trackingNumbers(shipped)).toEqual(['1Z999AA10000000001', '1Z999AA10000000002']);
		sandbox.control.deliver(number!);
		expect(orderStatusOf(unwrap(await sandbox.client.orderDetails(number!))!)).toBe('Delivered');
	});

	it('a slow order stays in Processing however often it is read', async () => {
		sandbox = await startSandbox({ simulator: { autoShipAfterPolls: 2 } });
		sandbox.control.seedProducts(
			buildProduct({ ingramPartNumber: 'AP-1' }),
			buildProduct({ ingramPartNumber: 'SW-1', vendorPartNumber: 'MS120-8' })
		);
		const [slow] = unwrap(await sandbox.client.createOrder(order('PO-SLOW'))).ingramOrderNumbers;
		const [normal] = unwrap(await sandbox.client.createOrder(order('PO-NORMAL'))).ingramOrderNumbers;
		sandbox.control.stayProcessing(slow!);
		for (let i = 0; i < 3; i += 1) {
			unwrap(await sandbox.client.orderDetails(slow!));
			unwrap(await sandbox.client.orderDetails(normal!));
		}
		expect(orderStatusOf(unwrap(await sandbox.client.orderDetails(slow!))!)).toBe('Processing');
		expect(orderStatusOf(unwrap(await sandbox.client.orderDetails(normal!))!)).toBe('Shipped');
	});

	it('a partial shipment: one tracking number, the rest backordered', async () => {
		sandbox = await withCatalog();
		const [number] = unwrap(
			await sandbox.client.createOrder({
				customerOrderNumber: 'PO-3',
				lines: [{ customerLineNumber: '1', ingramPartNumber: 'AP-1', quantity: 4 }]
			})
		).ingramOrderNumbers;
		sandbox.control.ship(number!, { partial: true });
		const detail = unwrap(await sandbox.client.orderDetails(number!))!;
		expect(orderStatusOf(detail)).toBe('Backordered');
		expect(detail.lines![0]).toMatchObject({ lineStatus: 'Backordered', quantityOrdered: 4, quantityBackOrdered: 2 });
		expect(trackingNumbers(detail)).toHaveLength(1);
	});

	it('a backorder: short stock with backorder accepted places the order with the shortfall backordered', async () => {
		sandbox = await withCatalog();
		sandbox.control.setStock('AP-1', 1, { acceptBackOrder: true });
		const placed = unwrap(
			await sandbox.client.createOrder({
				customerOrderNumber: 'PO-4',
				lines: [{ customerLineNumber: '1', ingramPartNumber: 'AP-1', quantity: 3 }]
			})
		);
		expect(placed.lines).toEqual([{ customerLineNumber: '1', ingramPartNumber: 'AP-1', lineStatus: 'Backordered' }]);
		const detail = unwrap(await sandbox.client.orderDetails(placed.ingramOrderNumbers[0]!))!;
		expect(orderStatusOf(detail)).toBe('Backordered');
		expect(detail.lines![0]).toMatchObject({ quantityConfirmed: 1, quantityBackOrdered: 2 });
	});
});

describe('Ingram Micro: an order is placed exactly once', () => {
	// A submission is token → search by PO → create. Each of its requests in turn is cut: the socket is
	// reset before Ingram acts on it, or after (Ingram acted, the answer is lost). The process "dies"
	// (a new client, no cached token) and resumes the submission; the simulator counts the orders.
	const SUBMISSION = [TOKEN_ENDPOINT, ENDPOINTS.searchOrders, ENDPOINTS.createOrder];

	for (const [at, endpoint] of SUBMISSION.entries()) {
		for (const after of [false, true]) {
			it(`a reset ${after ? 'after' : 'before'} request ${at + 1} (${endpoint}) still places one order`, async () => {
				sandbox = await withCatalog();
				const path = endpoint.slice(endpoint.indexOf(' ') + 1);
				sandbox.control.inject({ kind: 'connection_reset', after, method: endpoint.split(' ')[0], path });
				const cut = await placeOrderOnce(sandbox.newClient(), order('PO-ONCE'));
				expect(cut).toMatchObject({ ok: false, code: 'connection_reset' });
				const resumed = unwrap(await placeOrderOnce(sandbox.newClient(), order('PO-ONCE')));
				expect(sandbox.control.ordersWithPo('PO-ONCE')).toHaveLength(1);
				expect(resumed.ingramOrderNumbers).toEqual([sandbox.control.ordersWithPo('PO-ONCE')[0]!.ingramOrderNumber]);
				expect(resumed.existed).toBe(after && endpoint === ENDPOINTS.createOrder);
				// A create cut before Ingram acted is sent again; every other cut leaves one create in all.
				const creates = endpoint === ENDPOINTS.createOrder && !after ? 2 : 1;
				expect(sandbox.control.callCount(ENDPOINTS.createOrder)).toBe(creates);
			});
		}
	}

	it('a retried or duplicated submission of a placed order costs one search and places nothing', async () => {
		sandbox = await withCatalog();
		const first = unwrap(await placeOrderOnce(sandbox.client, order('PO-DUP')));
		sandbox.control.resetCalls();
		const again = unwrap(await placeOrderOnce(sandbox.newClient(), order('PO-DUP')));
		expect(again).toMatchObject({ existed: true, ingramOrderNumbers: first.ingramOrderNumbers });
		expect(sandbox.control.calls()).toEqual({ [TOKEN_ENDPOINT]: 1, [ENDPOINTS.searchOrders]: 1 });
		expect(sandbox.control.ordersWithPo('PO-DUP')).toHaveLength(1);
	});

	it('a first submission costs a token, one search and one create', async () => {
		sandbox = await withCatalog();
		unwrap(await placeOrderOnce(sandbox.client, order('PO-NEW')));
		expect(sandbox.control.calls()).toEqual({
			[TOKEN_ENDPOINT]: 1,
			[ENDPOINTS.searchOrders]: 1,
			[ENDPOINTS.createOrder]: 1
		});
	});
});
