// TD SYNNEX passes the distributor ordering contract; and, with its real duplicate check on, two
// replicas submitting the same PO at once still leave one order.

import { describe, expect, it } from 'vitest';
import { distributorOrderingContract } from '../../common/test/distributor-contract.ts';
import { buildProduct } from '../simulator/seed-builders.ts';
import { startSandbox } from './client-sandbox.ts';
import { startTdSynnexHarness } from './distributor-fixture.ts';

distributorOrderingContract('TD SYNNEX', startTdSynnexHarness);

describe('TD SYNNEX: two replicas submit the same PO at once', () => {
	it('TD SYNNEX refuses the second as a duplicate; both read one order', async () => {
		const box = await startSandbox();
		const product = buildProduct({ stock: 10 });
		box.control.seedProducts([product]);
		const po = {
			poNumber: 'PO-RACE',
			shipTo: { name: 'Acme', line1: '1 Main St', city: 'Irvine', state: 'CA', zip: '92612', country: 'US' },
			lines: [{ lineNumber: 1, synnexSku: product.synnexSku, quantity: 1 }]
		};
		const [a, b] = await Promise.all([box.newClient().placeOrder(po), box.newClient().placeOrder(po)]);
		expect([a.ok && a.value.placedNow, b.ok && b.value.placedNow].sort()).toEqual([false, true]);
		expect(box.control.ordersWithPoNumber('PO-RACE')).toBe(1);
		await box.close();
	});
});
