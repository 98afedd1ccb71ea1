// Placing a purchase order through the job runner against both distributor simulators, on SQLite and
// PostgreSQL (issue 13): exactly once however the submission is cut short, retried, pushed again or run
// by two runners at once (the simulator counts the orders); then followed to Shipped with tracking.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DistributorName } from '../../shared/schema/distributor-entities.ts';
import { STORE_KINDS } from '../test/stores.ts';
import { TOKEN_ENDPOINT } from '../connectors/ingrammicro/client/token-cache.ts';
import { ENDPOINTS } from '../connectors/ingrammicro/client/client.ts';
import { startOrderHarness, type OrderHarness } from './test/order-jobs-harness.ts';

const DISTRIBUTORS: DistributorName[] = ['ingrammicro', 'tdsynnex'];

describe.each(STORE_KINDS)('submitPurchaseOrder on $name', (kind) => {
	let h: OrderHarness;
	beforeEach(async () => {
		h = await startOrderHarness(kind);
	});
	afterEach(() => h.close());

	describe.each(DISTRIBUTORS)('at %s', (distributor) => {
		it('places the order once, marks it Processing with the distributor’s order number, and calls the PSA hook once', async () => {
			const order = await h.submit(distributor, 'po-first');
			await h.drain();
			expect(h.placed(distributor, order.poNumber)).toBe(1);
			const placed = await h.order('po-first');
			expect(placed).toMatchObject({ status: 'processing', error: null, placing: true });
			expect(placed!.distributorOrderIds.length).toBeGreaterThan(0);
			expect((await h.lines('po-first')).map((l) => l.status)).toEqual(['processing', 'processing']);
			expect(h.submitted.map((s) => s.order.id)).toEqual(['po-first']);
			expect(await h.issue('submitPurchaseOrder', distributor, 'po-first')).toBeUndefined();
		});

		it('a retry, a duplicated push and two runners at once leave one order', async () => {
			const order = await h.submit(distributor, 'po-dup');
			const second = h.newRunner();
			await Promise.all([h.runner.runDue(), second.runDue()]);
			await h.enqueue('submitPurchaseOrder', distributor, 'po-dup');
			await h.drain(second);
			await h.enqueue('submitPurchaseOrder', distributor, 'po-dup');
			await h.drain();
			expect(h.placed(distributor, order.poNumber)).toBe(1);
			expect((await h.order('po-dup'))?.status).toBe('processing');
		});

		it('follows the order to Shipped with its tracking number', async () => {
			const order = await h.submit(distributor, 'po-ship');
			await h.drain();
			if (distributor === 'ingrammicro') h.ingram.control.ship((await h.order('po-ship'))!.distributorOrderIds[0]!);
			else h.td.control.ship(order.poNumber, { trackingNumber: '1ZTD0001' });
			await h.enqueue('pollPurchaseOrders', distributor, distributor);
			await h.drain();
			const shipped = await h.order('po-ship');
			expect(shipped?.status).toBe('shipped');
			const lines = await h.lines('po-ship');
			expect(lines.map((l) => l.status)).toEqual(['shipped', 'shipped']);
			if (distributor === 'tdsynnex') expect(lines[0]!.tracking).toEqual(['1ZTD0001']);
			else expect(lines.map((l) => l.tracking)).toEqual([['1Z999AA10000000001'], ['1Z999AA10000000002']]);
		});

		it('a discontinued line is held with the reason and the order goes back to the buyer; nothing is placed', async () => {
			const order = await h.submit(distributor, 'po-held', 'MR33-HW');
			await h.drain();
			expect(h.placed(distributor, order.poNumber)).toBe(0);
			expect(await h.order('po-held')).toMatchObject({
				status: 'draft',
				failure: 'product_unavailable',
				placing: false,
				error: expect.stringMatching(/^Products unavailable at distributor/)
			});
			const [kept, held] = await h.lines('po-held');
			expect(kept).toMatchObject({ status: 'open', holdReason: null });
			expect(held).toMatchObject({ status: 'held', holdReason: expect.stringMatching(/^Discontinued/) });
			expect((await h.issue('submitPurchaseOrder', distributor, 'po-held'))?.message).toMatch(
				/^Products unavailable at distributor/
			);
		});
	});

	it('a Retry of an order stuck in Processing asks the distributor again and places nothing new', async () => {
		const order = await h.submit('ingrammicro', 'po-stuck');
		await h.drain();
		const [number] = (await h.order('po-stuck'))!.distributorOrderIds;
		h.ingram.control.stayProcessing(number!);
		h.ingram.control.resetCalls();
		await h.enqueue('submitPurchaseOrder', 'ingrammicro', 'po-stuck');
		await h.drain();
		expect(await h.order('po-stuck')).toMatchObject({ status: 'processing', checkedAt: h.clock.now() });
		expect(h.ingram.control.callCount(ENDPOINTS.createOrder)).toBe(0);
		h.ingram.control.ship(number!);
		await h.enqueue('submitPurchaseOrder', 'ingrammicro', 'po-stuck');
		await h.drain();
		expect((await h.order('po-stuck'))?.status).toBe('shipped');
		expect(h.placed('ingrammicro', order.poNumber)).toBe(1);
		expect(h.submitted.map((s) => s.order.id)).toEqual(['po-stuck']);
	});

	it('Ingram Micro: a cut at every request of the submission, then a restarted runner, places one order', async () => {
		const submission = [TOKEN_ENDPOINT, ENDPOINTS.priceAndAvailability, ENDPOINTS.searchOrders, ENDPOINTS.createOrder];
		for (const [at, endpoint] of submission.entries()) {
			for (const after of [false, true]) {
				const id = `po-cut-${at}-${after}`;
				const order = await h.submit('ingrammicro', id);
				const [method, path] = endpoint.split(' ');
				h.ingram.control.inject({ kind: 'connection_reset', after, method, path });
				await h.runner.runDue();
				expect((await h.order(id))?.failure, endpoint).toBe('temporarily_unavailable');
				await h.drain(h.newRunner());
				expect(h.placed('ingrammicro', order.poNumber), `${endpoint} ${after}`).toBe(1);
				expect((await h.order(id))?.status).toBe('processing');
			}
		}
	});

	it('TD SYNNEX: a cut at every request of the submission, then a restarted runner, places one order', async () => {
		h.td.control.resetCalls();
		await h.submit('tdsynnex', 'po-clean');
		await h.drain();
		const requests = h.td.control.totalCalls();
		expect(requests).toBe(3);
		for (let n = 1; n <= requests; n++) {
			for (const cut of ['connection_reset', 'reset_after'] as const) {
				const id = `po-cut-${n}-${cut}`;
				const order = await h.submit('tdsynnex', id);
				h.td.control.faultAtRequest(n, cut);
				await h.runner.runDue();
				expect((await h.order(id))?.failure, `${n} ${cut}`).toBe('temporarily_unavailable');
				await h.drain(h.newRunner());
				expect(h.placed('tdsynnex', order.poNumber), `${n} ${cut}`).toBe(1);
				expect((await h.order(id))?.status).toBe('processing');
			}
		}
	});
});
