// The ordering scenarios every distributor client must pass against its simulator (issue 13): fewest
// calls, P&A in batches, Processing → Shipped with tracking, and an order placed exactly once however
// a submission is cut short: a reset before or after any one of its requests, then a restarted client
// resuming it, then the push arriving again. Each distributor gives a harness over its own client and
// simulator (tdsynnex/test/distributor-fixture.ts); the scenarios are the same for all.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

type Failure = { ok: false; code: string; message: string };
type Result<T> = { ok: true; value: T } | Failure;

export type ContractOrder = { poNumber: string; lines: { sku: string; quantity: number }[] };

/** A distributor client reduced to what the scenarios need, in Outpost's words. */
export type ContractClient = {
	priceAvailability(skus: string[]): Promise<Result<unknown[]>>;
	/** Looks the customer PO number up and submits only when the distributor has none. */
	placeOrder(order: ContractOrder): Promise<Result<{ placedNow: boolean }>>;
	/** `processing`, `shipped`, … (client/order-status.ts names), with every tracking number; null: no such PO. */
	orderStatus(poNumber: string): Promise<Result<{ status: string; tracking: string[] } | null>>;
};

export type ContractSimulator = {
	/** Orders the distributor holds with this customer PO number. */
	ordersWithPoNumber(poNumber: string): number;
	totalCalls(): number;
	resetCalls(): void;
	/** The `n`th request from now is reset before it is read, or carried out and its answer lost. */
	faultAtRequest(n: number, kind: 'connection_reset' | 'reset_after'): void;
	/** Ships every line of the PO with this tracking number. */
	ship(poNumber: string, trackingNumber: string): void;
};

export type DistributorHarness = {
	/** A product the simulator sells with plenty of stock. */
	sku: string;
	/** Products per P&A request. */
	paBatchSize: number;
	sim: ContractSimulator;
	/** A fresh client on the same simulator: a restarted gateway or another replica. */
	newClient(): ContractClient;
	close(): Promise<void>;
};

export function distributorOrderingContract(name: string, start: () => Promise<DistributorHarness>): void {
	describe(`${name}: the distributor ordering contract`, () => {
		let h: DistributorHarness;
		const order = (poNumber: string): ContractOrder => ({ poNumber, lines: [{ sku: h.sku, quantity: 1 }] });
		beforeEach(async () => {
			h = await start();
		});
		afterEach(() => h.close());

		it('places an order with a look-up and a submission; placing it again costs one look-up and places nothing', async () => {
			const client = h.newClient();
			h.sim.resetCalls();
			expect(await client.placeOrder(order('PO-FEW'))).toEqual({
				ok: true,
				value: expect.objectContaining({ placedNow: true })
			});
			expect(h.sim.totalCalls()).toBe(2);
			expect(await client.placeOrder(order('PO-FEW'))).toEqual({
				ok: true,
				value: expect.objectContaining({ placedNow: false })
			});
			expect(h.sim.totalCalls()).toBe(3);
			expect(h.sim.ordersWithPoNumber('PO-FEW')).toBe(1);
		});

		it('asks price and availability in batches: two full batches and one more cost three calls', async () => {
			h.sim.resetCalls();
			const skus = Array.from({ length: h.paBatchSize * 2 + 1 }, (_, i) => (i === 0 ? h.sku : `NO-SUCH-${i}`));
			const answer = await h.newClient().priceAvailability(skus);
			expect(answer.ok && answer.value.length).toBe(skus.length);
			expect(h.sim.totalCalls()).toBe(3);
		});

		it('follows an order from Processing to Shipped with its tracking number', async () => {
			const client = h.newClient();
			expect((await client.placeOrder(order('PO-SHIP'))).ok).toBe(true);
			expect(await client.orderStatus('PO-SHIP')).toEqual({ ok: true, value: { status: 'processing', tracking: [] } });
			h.sim.ship('PO-SHIP', 'TRACK-0001');
			expect(await client.orderStatus('PO-SHIP')).toEqual({
				ok: true,
				value: { status: 'shipped', tracking: ['TRACK-0001'] }
			});
		});

		for (const kind of ['reset_after', 'connection_reset'] as const) {
			it(`never places a second order when any request of a submission is cut short (${kind}), resumed and pushed again`, async () => {
				h.sim.resetCalls();
				expect((await h.newClient().placeOrder(order(`PO-CLEAN-${kind}`))).ok).toBe(true);
				const requests = h.sim.totalCalls();
				expect(requests).toBeGreaterThan(0);
				for (let n = 1; n <= requests; n++) {
					const poNumber = `PO-CUT-${kind}-${n}`;
					h.sim.faultAtRequest(n, kind);
					const cut = await h.newClient().placeOrder(order(poNumber));
					expect(cut.ok ? 'placed' : cut.code).toBe('connection_reset');
					const resumed = await h.newClient().placeOrder(order(poNumber));
					expect(resumed.ok).toBe(true);
					const pushedAgain = await h.newClient().placeOrder(order(poNumber));
					expect(pushedAgain).toEqual({ ok: true, value: expect.objectContaining({ placedNow: false }) });
					expect(h.sim.ordersWithPoNumber(poNumber)).toBe(1);
				}
			});
		}
	});
}
