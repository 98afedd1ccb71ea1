// Sandbox mode's PSA tenants hold what a purchase order looks up (issue 13): a placed Ingram Micro or
// TD SYNNEX order becomes a purchase order in each simulated PSA, with that distributor as its vendor
// or supplier, and leaves no issue. Run on the sandbox wiring itself (connectors/sandbox.ts).

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROVIDERS } from '../../shared/psa/providers.ts';
import { startPsaSandbox, type PsaSandbox } from '../connectors/sandbox.ts';
import { buildCatalogItem } from '../connectors/connectwise/simulator/seed-builders.ts';
import { CATEGORY_TABLE } from '../demo/demo-product-families.ts';
import type { DistributorOrderForPsa } from '../jobs/psa-purchase-order.ts';
import { loaderOf } from '../jobs/psa-purchase-order-test-kit.ts';
import { PSA_PROVIDERS } from '../psa/all-providers.ts';
import { fakeClock, ORG, startJobsHarness } from '../psa/test/jobs-harness.ts';
import { STORE_KINDS } from '../test/stores.ts';

const order = (orderId: string, distributorName: string): DistributorOrderForPsa => ({
	orderId,
	distributorName,
	customerPoNumber: `OP-${orderId.toUpperCase()}`,
	companyId: null,
	shipTo: { name: 'Outpost MSP', address1: '1 Main Street', city: 'Springfield', state: 'IL', postalCode: '62701' },
	lines: [
		{ lineId: `${orderId}-1`, productId: null, name: 'Access point', sku: 'MR46-HW', quantity: 2, unitCost: 83_650 }
	]
});
const ORDERS = [order('po-ingram', 'Ingram Micro'), order('po-td', 'TD SYNNEX')];

describe.each(STORE_KINDS)('the sandbox PSA tenants take a placed order’s purchase order on $name', (kind) => {
	let sandbox: PsaSandbox;
	beforeAll(async () => {
		sandbox = await startPsaSandbox(Date.now());
		// ConnectWise orders catalog items only: a quote's sync makes the product's; here it is seeded as it would be.
		sandbox.connectwise.seed('catalog', [buildCatalogItem({ identifier: 'MR46-HW', description: 'Access point' })]);
	});
	afterAll(() => sandbox.close());

	it.each(PROVIDERS)('%s: one purchase order per distributor, no issue', async (provider) => {
		const tenant = sandbox.tenants[provider];
		const jobs = await startJobsHarness(kind, {
			provider,
			spec: PSA_PROVIDERS[provider]!,
			credentials: tenant.credentials,
			// Autotask's purchase orders need the billing code an admin picks at Admin › Integrations.
			settings: { ...tenant.settings, purchaseOrderBillingCodeId: CATEGORY_TABLE[0][3] },
			time: fakeClock()
		});
		try {
			jobs.runner = jobs.newRunner({ loadPurchaseOrderInput: loaderOf(ORG, ORDERS) });
			for (const { orderId } of ORDERS) await jobs.enqueue('createPsaPurchaseOrder', orderId);
			await jobs.drain();
			for (const { orderId } of ORDERS) {
				expect(await jobs.issue('createPsaPurchaseOrder', orderId), `${provider} ${orderId}`).toBeUndefined();
			}
			const done = await jobs.store.db
				.selectFrom('jobs')
				.select('status')
				.where('kind', '=', 'createPsaPurchaseOrder')
				.execute();
			expect(done.map((j) => j.status)).toEqual(['done', 'done']);
		} finally {
			await jobs.close();
		}
	});
});
