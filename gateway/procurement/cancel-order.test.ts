// Canceling a placed purchase order at Ingram Micro through the job runner, against its simulator, on
// SQLite and PostgreSQL (issue 13): Canceled once however the job is pushed again or cut short and
// restarted (the simulator counts the cancels it carried out); refused with Ingram's words once shipped;
// a canceled order whose PSA purchase order exists leaves a warning to close it.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ERRORS } from '../../shared/errors.ts';
import { replicatedWriter } from '../jobs/replicated-write.ts';
import { linksOn } from '../jobs/store-sync-context.ts';
import { FINISHED_LINK } from '../jobs/psa-purchase-order.ts';
import { STORE_KINDS } from '../test/stores.ts';
import { ENDPOINTS } from '../connectors/ingrammicro/client/client.ts';
import { psaPurchaseOrderOf } from './psa-purchase-order-source.ts';
import { ORG, startOrderHarness, type OrderHarness } from './test/order-jobs-harness.ts';

describe.each(STORE_KINDS)('cancelPlacedPurchaseOrder on $name', (kind) => {
	let h: OrderHarness;
	beforeEach(async () => {
		h = await startOrderHarness(kind);
	});
	afterEach(() => h.close());

	/** A placed Ingram order: submitted, run, Processing with its Ingram order number. */
	async function placed(id: string): Promise<string> {
		await h.submit('ingrammicro', id);
		await h.drain();
		const order = await h.order(id);
		expect(order?.status).toBe('processing');
		return order!.distributorOrderIds[0]!;
	}

	/** What the buyer's mutation writes and its server effect queues. */
	async function requestCancel(id: string, distributor: 'ingrammicro' | 'tdsynnex' = 'ingrammicro') {
		await replicatedWriter(
			h.store,
			{ poke: () => {} },
			h.clock
		)(ORG, async (tx) => {
			const order = (await tx.get('purchaseOrders', id))!;
			await tx.put('purchaseOrders', { ...order, cancelRequestedAt: h.clock.now(), cancelRefusal: null });
		});
		await h.enqueue('cancelPlacedPurchaseOrder', distributor, id);
	}

	it('cancels a processing order once: Canceled with its lines, one cancel carried out, no issue', async () => {
		const number = await placed('po-cancel');
		await requestCancel('po-cancel');
		await h.drain();
		expect(await h.order('po-cancel')).toMatchObject({
			status: 'canceled',
			cancelRequestedAt: null,
			cancelRefusal: null
		});
		expect((await h.lines('po-cancel')).map((l) => l.status)).toEqual(['canceled', 'canceled']);
		expect(h.ingram.control.cancelsOf(number)).toBe(1);
		expect(h.ingram.control.callCount(ENDPOINTS.cancelOrder)).toBe(1);
		expect(await h.issue('cancelPlacedPurchaseOrder', 'ingrammicro', 'po-cancel')).toBeUndefined();
	});

	it('a shipped order keeps its real status and the buyer reads Ingram’s reason', async () => {
		const number = await placed('po-shipped');
		h.ingram.control.ship(number);
		await requestCancel('po-shipped');
		await h.drain();
		expect(await h.order('po-shipped')).toMatchObject({
			status: 'shipped',
			cancelRequestedAt: null,
			cancelRefusal:
				'Ingram Micro did not cancel the order: The order cannot be canceled once it is released to the warehouse.'
		});
		expect(h.ingram.control.cancelsOf(number)).toBe(0);
		expect(h.ingram.control.callCount(ENDPOINTS.cancelOrder)).toBe(1);
		expect(await h.issue('cancelPlacedPurchaseOrder', 'ingrammicro', 'po-shipped')).toBeUndefined();
	});

	it('a duplicated push, a second run later and two runners at once send one cancel', async () => {
		const number = await placed('po-dup');
		await requestCancel('po-dup');
		await h.enqueue('cancelPlacedPurchaseOrder', 'ingrammicro', 'po-dup');
		const second = h.newRunner();
		await Promise.all([h.runner.runDue(), second.runDue()]);
		await h.drain(second);
		await requestCancel('po-dup');
		await h.drain();
		expect((await h.order('po-dup'))?.status).toBe('canceled');
		expect(h.ingram.control.cancelsOf(number)).toBe(1);
		expect(h.ingram.control.callCount(ENDPOINTS.cancelOrder)).toBe(1);
		expect(await h.issue('cancelPlacedPurchaseOrder', 'ingrammicro', 'po-dup')).toBeUndefined();
	});

	it('a cut at every request of the cancel, before or after it is carried out, then a restarted runner: one cancel', async () => {
		const counted = { n: 0 };
		const counting: typeof fetch = (input, init) => {
			counted.n += 1;
			return fetch(input, init);
		};
		await placed('po-clean');
		await requestCancel('po-clean');
		await h.drain(h.newRunner({ fetch: counting }));
		const requests = counted.n;
		expect(requests).toBe(5);
		for (let at = 1; at <= requests; at++) {
			for (const after of [false, true]) {
				const id = `po-cut-${at}-${after}`;
				const number = await placed(id);
				await requestCancel(id);
				let seen = 0;
				const cutting: typeof fetch = async (input, init) => {
					seen += 1;
					if (seen !== at) return fetch(input, init);
					if (after) await fetch(input, init);
					throw new TypeError('fetch failed');
				};
				await h.newRunner({ fetch: cutting }).runDue();
				expect((await h.order(id))?.status, `${at} ${after}`).toBe('processing');
				await h.drain(h.newRunner());
				expect((await h.order(id))?.status, `${at} ${after}`).toBe('canceled');
				expect(h.ingram.control.cancelsOf(number), `${at} ${after}`).toBe(1);
			}
		}
	});

	it('an order never sent is canceled here: nothing is placed and nothing is asked of Ingram', async () => {
		const order = await h.submit('ingrammicro', 'po-unsent');
		await requestCancel('po-unsent');
		await h.drain();
		expect((await h.order('po-unsent'))?.status).toBe('canceled');
		expect(h.placed('ingrammicro', order.poNumber)).toBe(0);
		expect(h.ingram.control.callCount(ENDPOINTS.cancelOrder)).toBe(0);
	});

	it('TD SYNNEX cannot cancel through its API: the buyer is told to call the rep, and nothing is sent', async () => {
		await h.submit('tdsynnex', 'po-td');
		await h.drain();
		h.td.control.resetCalls();
		await requestCancel('po-td', 'tdsynnex');
		await h.drain();
		expect(await h.order('po-td')).toMatchObject({
			status: 'processing',
			cancelRequestedAt: null,
			cancelRefusal: ERRORS.distributorCancelsByPhone.message
		});
		expect(h.td.control.totalCalls()).toBe(0);
		expect(await h.issue('cancelPlacedPurchaseOrder', 'tdsynnex', 'po-td')).toBeUndefined();
	});

	it('an order whose PSA purchase order exists is canceled with a warning to close that purchase order', async () => {
		await placed('po-psa');
		await linksOn(h.store.db, ORG, 'autotask').set(FINISHED_LINK, 'po-psa', '4711');
		await requestCancel('po-psa');
		await h.drain(h.newRunner({ psaPurchaseOrderOf: psaPurchaseOrderOf(h.store) }));
		const poNumber = (await h.order('po-psa'))!.poNumber;
		expect((await h.order('po-psa'))?.status).toBe('canceled');
		expect(await h.issue('cancelPlacedPurchaseOrder', 'ingrammicro', 'po-psa')).toMatchObject({
			severity: 'warning',
			message: `Order ${poNumber} was canceled at Ingram Micro, but purchase order 4711 in Autotask still lists it as open: close it there.`
		});
	});
});
