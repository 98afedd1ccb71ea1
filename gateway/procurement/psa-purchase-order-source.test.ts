// A placed distributor order queues the PSA's purchase order (issue 13, PSA side) and reads as that
// job needs it, on SQLite and PostgreSQL; an organisation without a PSA gets none.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultIntegration } from '../../shared/schema/psa-entities.ts';
import { replicatedWriter } from '../jobs/replicated-write.ts';
import { STORE_KINDS } from '../test/stores.ts';
import { purchaseOrderReader, queuePsaPurchaseOrder } from './psa-purchase-order-source.ts';
import { ORG, PART, startOrderHarness, type OrderHarness } from './test/order-jobs-harness.ts';

describe.each(STORE_KINDS)('the PSA purchase order of a placed order on $name', (kind) => {
	let h: OrderHarness;
	const psaJobs = () =>
		h.store.db
			.selectFrom('jobs')
			.select(['provider', 'entity_id'])
			.where('kind', '=', 'createPsaPurchaseOrder')
			.execute();
	const placeWith = async (distributor: 'ingrammicro' | 'tdsynnex', id: string, secondMpn?: string) => {
		const runner = h.newRunner({ onOrderSubmitted: queuePsaPurchaseOrder(h.store, h.clock) });
		await h.submit(distributor, id, secondMpn);
		await runner.runDue();
	};

	beforeEach(async () => {
		h = await startOrderHarness(kind);
	});
	afterEach(() => h.close());

	it('queues nothing while no PSA is configured', async () => {
		await placeWith('ingrammicro', 'po-no-psa');
		expect((await h.order('po-no-psa'))?.status).toBe('processing');
		expect(await psaJobs()).toEqual([]);
	});

	it('queues one job at the configured PSA, however often the placed order is found (a failed one is retried from its issue)', async () => {
		await replicatedWriter(h.store, { poke: () => {} })(ORG, (tx) =>
			tx.put('integrations', { ...defaultIntegration('autotask'), configured: true })
		);
		await placeWith('tdsynnex', 'po-psa');
		await queuePsaPurchaseOrder(h.store, h.clock)(ORG, (await h.order('po-psa'))!, []);
		expect(await psaJobs()).toEqual([{ provider: 'autotask', entity_id: 'po-psa' }]);
	});

	it('reads a placed order with its vendor, PO number and lines in order, and no order before it is placed', async () => {
		const read = purchaseOrderReader(h.store);
		const draft = await h.submit('ingrammicro', 'po-read');
		expect(await read(ORG, 'po-read')).toBeNull();
		await h.runner.runDue();
		expect(await read(ORG, 'po-read')).toEqual({
			orderId: 'po-read',
			distributorName: 'Ingram Micro',
			customerPoNumber: draft.poNumber,
			companyId: null,
			shipTo: { name: 'Outpost', address1: '-', city: '-', state: '-', postalCode: '-' },
			lines: [
				{
					lineId: `${draft.poNumber}-1`,
					productId: 'product-1',
					name: PART.mpn,
					sku: PART.mpn,
					quantity: 2,
					unitCost: 83_650
				},
				{
					lineId: `${draft.poNumber}-2`,
					productId: 'product-2',
					name: PART.mpn,
					sku: PART.mpn,
					quantity: 1,
					unitCost: 83_650
				}
			]
		});
		expect(await read('org-other', 'po-read')).toBeNull();
	});
});
