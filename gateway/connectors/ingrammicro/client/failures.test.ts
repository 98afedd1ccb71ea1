// Each fault the simulator can inject reaches the caller as its typed failure, in the procurement seed's
// words (seed 002), and maps to the runner's kind with the fix it points at.

import { afterEach, describe, expect, it } from 'vitest';
import { toPsaFailure } from '../failure.ts';
import { buildProduct } from '../simulator/seed-builders.ts';
import { startSandbox, unwrap, type Sandbox } from '../test/client-sandbox.ts';
import { ENDPOINTS } from './client.ts';
import type { IngramFailure } from './failures.ts';
import { TOKEN_ENDPOINT } from './token-cache.ts';

let sandbox: Sandbox | null = null;
afterEach(async () => {
	await sandbox?.close();
	sandbox = null;
});

const REAUTH =
	'Expired OAuth token: for Ingram Micro ordering, OAuth tokens expire. Re-authenticate at Admin > Distributors.';
const CUSTOMER = 'Invalid customer number. The ordering credentials need to be updated at Admin > Distributors.';
const UNAVAILABLE =
	'Products unavailable at distributor: the product may be out of stock or discontinued at the distributor since the quote was created. Check current availability in the Marketplace.';
const SLOW = 'The distributor API may be slow or temporarily unavailable. Check the error details and retry.';

function failure<T>(result: { ok: true; value: T } | IngramFailure): IngramFailure {
	if (result.ok) throw new Error('Expected a failure, got success');
	return result;
}

async function withProduct(): Promise<Sandbox> {
	const s = await startSandbox();
	s.control.seedProducts(buildProduct({ ingramPartNumber: 'AP-1', vendorPartNumber: 'MR46-HW' }));
	return s;
}

const order = (po: string, ingramPartNumber = 'AP-1', quantity = 2) => ({
	customerOrderNumber: po,
	lines: [{ customerLineNumber: '1', ingramPartNumber, quantity }]
});

describe('Ingram Micro failures, injected and named', () => {
	it('revoked credentials: re-authenticate at Admin > Distributors, the credentials root cause', async () => {
		sandbox = await withProduct();
		unwrap(await sandbox.client.findOrdersByPo('PO-1'));
		sandbox.control.revokeCredentials();
		const failed = failure(await sandbox.client.findOrdersByPo('PO-1'));
		expect(failed).toMatchObject({ code: 'auth_failed', reason: 'credentials_refused', message: REAUTH });
		expect(toPsaFailure(failed)).toEqual({
			ok: false,
			kind: 'permanent',
			health: 'auth_failed',
			message: REAUTH,
			rootCause: { kind: 'credentials' }
		});
		// One try with the old token, one token request refused: no loop.
		expect(sandbox.control.calls()).toEqual({ [TOKEN_ENDPOINT]: 2, [ENDPOINTS.searchOrders]: 2 });
	});

	it('a token that stays refused after one fresh token: re-authenticate, after exactly one retry', async () => {
		sandbox = await withProduct();
		sandbox.control.inject({ kind: 'token_expired', path: '/resellers/v6/orders/search', times: 2 });
		const failed = failure(await sandbox.client.findOrdersByPo('PO-1'));
		expect(failed).toMatchObject({ code: 'auth_failed', reason: 'token_refused', message: REAUTH, status: 401 });
		expect(sandbox.control.calls()).toEqual({ [TOKEN_ENDPOINT]: 2, [ENDPOINTS.searchOrders]: 2 });
	});

	it('Invalid customer number: the seed text, fixed at Admin > Distributors, never retried', async () => {
		sandbox = await withProduct();
		sandbox.control.setRegisteredCustomerNumber('20-999999');
		const failed = failure(await sandbox.client.createOrder(order('PO-2')));
		expect(failed).toMatchObject({ code: 'auth_failed', reason: 'customer_number', message: CUSTOMER });
		expect(failed.code === 'auth_failed' && failed.detail).toMatch(
			/^Invalid customer number\. The customer number provided/
		);
		expect(toPsaFailure(failed)).toEqual({
			ok: false,
			kind: 'permanent',
			health: 'auth_failed',
			message: CUSTOMER,
			rootCause: { kind: 'credentials' }
		});
		expect(sandbox.control.callCount(ENDPOINTS.createOrder)).toBe(1);
		expect(sandbox.control.orders()).toEqual([]);
	});

	it('an injected Invalid customer number fault reads the same', async () => {
		sandbox = await withProduct();
		sandbox.control.inject({ kind: 'invalid_customer_number' });
		expect(failure(await sandbox.client.priceAndAvailability([{ ingramPartNumber: 'AP-1' }]))).toMatchObject({
			code: 'auth_failed',
			reason: 'customer_number',
			message: CUSTOMER
		});
	});

	it('429: rate_limited with the wait from X-RateLimit-Reset, and the next call is held back', async () => {
		sandbox = await withProduct();
		sandbox.control.inject({ kind: 'rate_limited', path: '/resellers/v6/orders/search', resetSeconds: 40 });
		const failed = failure(await sandbox.client.findOrdersByPo('PO-3'));
		expect(failed).toMatchObject({ code: 'rate_limited', status: 429 });
		const wait = failed.code === 'rate_limited' ? failed.retryAfterMs : null;
		expect(wait).toBeGreaterThan(38_000);
		expect(wait).toBeLessThanOrEqual(41_000);
		expect(toPsaFailure(failed)).toMatchObject({ kind: 'rate_limited', retryAfterMs: wait });
		expect(failure(await sandbox.client.findOrdersByPo('PO-3'))).toMatchObject({ code: 'rate_limited' });
		expect(sandbox.control.callCount(ENDPOINTS.searchOrders)).toBe(1);
	});

	it('a maintenance window: server_error, retried later by the runner, in the seed words', async () => {
		sandbox = await withProduct();
		sandbox.control.setMaintenance(true);
		const failed = failure(await sandbox.client.createOrder(order('PO-4')));
		expect(failed).toMatchObject({ code: 'server_error', maintenance: true, status: 503 });
		expect(failed.message.startsWith(SLOW)).toBe(true);
		expect(toPsaFailure(failed)).toEqual({ ok: false, kind: 'transient', message: failed.message });
		sandbox.control.setMaintenance(false);
		unwrap(await sandbox.client.createOrder(order('PO-4')));
	});

	it('a 500 outside maintenance is a server_error, not maintenance', async () => {
		sandbox = await withProduct();
		sandbox.control.inject({ kind: 'server_error', status: 500, faultstring: 'Backend timeout' });
		const failed = failure(await sandbox.client.orderDetails('20-SIM0001'));
		expect(failed).toMatchObject({
			code: 'server_error',
			maintenance: false,
			message: `${SLOW} Ingram Micro said: Backend timeout`
		});
	});

	it('out of stock without backorder: product_unavailable, the line named, no order placed', async () => {
		sandbox = await withProduct();
		sandbox.control.setStock('AP-1', 0, { acceptBackOrder: false });
		const failed = failure(await sandbox.client.createOrder(order('PO-5')));
		expect(failed).toMatchObject({ code: 'rejected', reason: 'product_unavailable' });
		expect(failed.message.startsWith(UNAVAILABLE)).toBe(true);
		expect(failed.code === 'rejected' && failed.reason === 'product_unavailable' && failed.products).toEqual([
			{
				ingramPartNumber: 'AP-1',
				vendorPartNumber: 'MR46-HW',
				customerLineNumber: '1',
				reason: 'out_of_stock',
				detail: 'Out of stock: backorder not accepted'
			}
		]);
		expect(toPsaFailure(failed)).toMatchObject({ kind: 'permanent', message: failed.message });
		expect(sandbox.control.orders()).toEqual([]);
	});

	it('discontinued since the quote was made: product_unavailable with reason discontinued', async () => {
		sandbox = await withProduct();
		const [before] = unwrap(await sandbox.client.priceAndAvailability([{ ingramPartNumber: 'AP-1' }]));
		expect(before!.status).toBe('available');
		sandbox.control.discontinue('AP-1');
		const failed = failure(await sandbox.client.createOrder(order('PO-6')));
		expect(failed.code === 'rejected' && failed.reason === 'product_unavailable' && failed.products[0]!.reason).toBe(
			'discontinued'
		);
	});

	it('one discontinued line of two: the order is placed and the other line is handed back as rejected', async () => {
		sandbox = await withProduct();
		sandbox.control.seedProducts(buildProduct({ ingramPartNumber: 'OLD-1' }));
		sandbox.control.discontinue('OLD-1');
		const placed = unwrap(
			await sandbox.client.createOrder({
				customerOrderNumber: 'PO-7',
				lines: [
					{ customerLineNumber: '1', ingramPartNumber: 'AP-1', quantity: 1 },
					{ customerLineNumber: '2', ingramPartNumber: 'OLD-1', quantity: 1 }
				]
			})
		);
		expect(placed.ingramOrderNumbers).toHaveLength(1);
		expect(placed.rejected).toMatchObject([{ customerLineNumber: '2', reason: 'discontinued' }]);
	});

	it('a reset connection: connection_reset, transient', async () => {
		sandbox = await withProduct();
		sandbox.control.inject({ kind: 'connection_reset', path: '/resellers/v6/orders/search' });
		const failed = failure(await sandbox.client.findOrdersByPo('PO-8'));
		expect(failed).toMatchObject({ code: 'connection_reset', message: 'The connection to Ingram Micro was reset.' });
		expect(toPsaFailure(failed)).toMatchObject({ kind: 'transient' });
	});

	it('a slow answer past the timeout: timeout, transient', async () => {
		sandbox = await withProduct();
		sandbox.control.inject({ kind: 'delay', ms: 400, path: '/resellers/v6/orders/search' });
		const client = sandbox.newClient({ timeoutMs: 150 });
		const failed = failure(await client.findOrdersByPo('PO-9'));
		expect(failed).toMatchObject({ code: 'timeout', message: 'Ingram Micro did not answer within 150 ms.' });
	});

	it('an order the client cannot send is refused before any call', async () => {
		sandbox = await withProduct();
		const failed = failure(
			await sandbox.client.createOrder({
				customerOrderNumber: 'PO-10',
				lines: [{ customerLineNumber: 'one', ingramPartNumber: 'AP-1', quantity: 1 }]
			})
		);
		expect(failed).toMatchObject({
			code: 'invalid_request',
			message: 'The order cannot be sent: lines.0.customerLineNumber a number.'
		});
		expect(sandbox.control.totalCalls()).toBe(0);
	});
});
