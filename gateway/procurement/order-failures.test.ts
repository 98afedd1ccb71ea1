// Each failure seed 002 names, reproduced by an injected fault at the distributor simulators: the text
// the buyer sees on the order, the issue in Admin › Tools › Issues (grouped by root cause), and the fix
// path: credentials saved again at Admin › Distributors, or a retry once the distributor answers.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { INVALID_CUSTOMER_NUMBER_FIX } from '../connectors/common/distributor-connection.ts';
import { INGRAM_MESSAGES } from '../connectors/ingrammicro/client/failures.ts';
import { STORE_KINDS } from '../test/stores.ts';
import { TEMPORARILY_UNAVAILABLE } from './port-failure.ts';
import { startOrderHarness, type OrderHarness } from './test/order-jobs-harness.ts';

describe.each(STORE_KINDS)('order failures on $name', (kind) => {
	let h: OrderHarness;
	beforeEach(async () => {
		h = await startOrderHarness(kind);
	});
	afterEach(() => h.close());

	it('Ingram Micro "Invalid customer number": shown with its fix, grouped by credentials, placed after the fix and a retry', async () => {
		const registered = h.ingram.credentials.customerNumber;
		h.ingram.control.setRegisteredCustomerNumber('20-999999');
		const order = await h.submit('ingrammicro', 'po-cust');
		await h.drain();
		expect(await h.order('po-cust')).toMatchObject({
			status: 'error',
			failure: 'invalid_customer_number',
			error: INGRAM_MESSAGES.invalidCustomerNumber
		});
		expect(INGRAM_MESSAGES.invalidCustomerNumber).toMatch(/^Invalid customer number\. .*Admin > Distributors/);
		expect(await h.issue('submitPurchaseOrder', 'ingrammicro', 'po-cust')).toMatchObject({
			provider: 'ingrammicro',
			rootCause: 'credentials:ingrammicro',
			message: INGRAM_MESSAGES.invalidCustomerNumber
		});
		h.ingram.control.setRegisteredCustomerNumber(registered);
		await h.enqueue('submitPurchaseOrder', 'ingrammicro', 'po-cust');
		await h.drain();
		expect(h.placed('ingrammicro', order.poNumber)).toBe(1);
		expect(await h.issue('submitPurchaseOrder', 'ingrammicro', 'po-cust')).toBeUndefined();
	});

	it('Ingram Micro expired OAuth token: "Re-authenticate at Admin > Distributors", placed once new credentials are sealed', async () => {
		h.ingram.control.revokeCredentials();
		const order = await h.submit('ingrammicro', 'po-token');
		await h.drain();
		expect(await h.order('po-token')).toMatchObject({
			status: 'error',
			failure: 'reauthenticate',
			error: INGRAM_MESSAGES.reauthenticate
		});
		expect(INGRAM_MESSAGES.reauthenticate).toMatch(/Re-authenticate at Admin > Distributors/);
		h.ingram.control.issueNewSecret('new-secret');
		await h.saveCredentials('ingrammicro', { ...h.ingram.credentials, clientSecret: 'new-secret' });
		await h.enqueue('submitPurchaseOrder', 'ingrammicro', 'po-token');
		await h.drain();
		expect(h.placed('ingrammicro', order.poNumber)).toBe(1);
	});

	it('TD SYNNEX "Invalid customer number" names Admin > Distributors; a retry places the order', async () => {
		h.td.control.inject({ kind: 'invalid_customer_number' });
		const order = await h.submit('tdsynnex', 'po-td-cust');
		await h.drain();
		expect(await h.order('po-td-cust')).toMatchObject({
			status: 'error',
			failure: 'invalid_customer_number',
			error: INVALID_CUSTOMER_NUMBER_FIX
		});
		expect((await h.issue('submitPurchaseOrder', 'tdsynnex', 'po-td-cust'))?.rootCause).toBe('credentials:tdsynnex');
		await h.enqueue('submitPurchaseOrder', 'tdsynnex', 'po-td-cust');
		await h.drain();
		expect(h.placed('tdsynnex', order.poNumber)).toBe(1);
	});

	it('a maintenance window: retried, then "Order stuck in Processing" with the details and an issue; a retry after it places the order', async () => {
		h.ingram.control.setMaintenance(true);
		const order = await h.submit('ingrammicro', 'po-slow');
		await h.drain();
		const stuck = await h.order('po-slow');
		expect(stuck).toMatchObject({ status: 'submitted', failure: 'temporarily_unavailable' });
		expect(stuck!.error!.startsWith(`${TEMPORARILY_UNAVAILABLE} Details: `)).toBe(true);
		expect(h.ingram.control.ordersWithPo(order.poNumber)).toHaveLength(0);
		expect((await h.issue('submitPurchaseOrder', 'ingrammicro', 'po-slow'))?.message).toBe(stuck!.error);
		h.ingram.control.setMaintenance(false);
		await h.enqueue('submitPurchaseOrder', 'ingrammicro', 'po-slow');
		await h.drain();
		expect(await h.order('po-slow')).toMatchObject({ status: 'processing', error: null, failure: null });
		expect(h.placed('ingrammicro', order.poNumber)).toBe(1);
	});
});
