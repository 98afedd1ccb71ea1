import { describe, expect, it } from 'vitest';
import { draftOrder } from '../../../shared/procurement/purchase-order-rules.ts';
import type { PurchaseOrder, PurchaseOrderLine } from '../../../shared/schema/purchase-order-entities.ts';
import { buildQuote } from '../../../shared/test/builders.ts';
import { awaitingQuotes, draftsByDistributor, fixFor, submittedOrders } from './order-queue.ts';

const order = (id: string, overrides: Partial<PurchaseOrder> = {}): PurchaseOrder => ({
	...draftOrder(id, 'ingrammicro', 'q1', 'user-buyer', 1),
	...overrides
});

const line = (orderId: string, overrides: Partial<PurchaseOrderLine> = {}): PurchaseOrderLine => ({
	id: `${orderId}-1`,
	orderId,
	quoteId: 'q1',
	quoteLineId: 'l1',
	productId: 'p1',
	description: 'AP',
	mpn: 'MR46-HW',
	sku: 'MR46-HW',
	quantity: 1,
	unitCost: 100,
	lineNumber: 1,
	status: 'open',
	tracking: [],
	holdReason: null,
	updatedAt: 1,
	...overrides
});

describe('the ordering queue', () => {
	it('lists accepted quotes no live order line comes from, with their company', () => {
		const quotes = [
			buildQuote({ id: 'q1', status: 'accepted', updatedAt: 3 }),
			buildQuote({ id: 'q2', status: 'accepted', updatedAt: 2 }),
			buildQuote({ id: 'q3', status: 'sent' }),
			buildQuote({ id: 'q4', status: 'accepted', updatedAt: 1 })
		];
		const lines = [line('po-1'), line('po-2', { quoteId: 'q4', status: 'canceled' })];
		const awaiting = awaitingQuotes(quotes, lines, new Map([['company-acme', 'Acme']]));
		expect(awaiting.map((a) => [a.quote.id, a.companyName])).toEqual([
			['q2', 'Acme'],
			['q4', 'Acme']
		]);
	});

	it('groups drafts by distributor and leaves submitted orders out', () => {
		const groups = draftsByDistributor([
			order('b', { createdAt: 2 }),
			order('a', { createdAt: 1 }),
			order('t', { distributor: 'tdsynnex' }),
			order('s', { status: 'processing' })
		]);
		expect(groups.map((g) => [g.label, g.orders.map((o) => o.id)])).toEqual([
			['Ingram Micro', ['a', 'b']],
			['TD SYNNEX', ['t']]
		]);
	});

	it('shows a submitted order’s status, the fix its failure names, a Retry and its tracking', () => {
		const [stuck, shipped] = submittedOrders(
			[
				order('stuck', {
					status: 'submitted',
					error: 'Order stuck in Processing …',
					failure: 'temporarily_unavailable',
					updatedAt: 9
				}),
				order('shipped', { status: 'shipped', updatedAt: 5 })
			],
			[line('shipped', { tracking: ['1Z1'] }), line('shipped', { id: 'x', tracking: ['1Z1', '1Z2'] })]
		);
		expect(stuck).toMatchObject({
			statusLabel: 'Submitted',
			fix: 'Check the error details and retry.',
			canRetry: true
		});
		expect(shipped).toMatchObject({ statusLabel: 'Shipped', fix: null, canRetry: false, tracking: ['1Z1', '1Z2'] });
	});

	it('names Admin > Distributors for refused ordering credentials', () => {
		const [failed] = submittedOrders(
			[order('x', { status: 'error', error: 'Invalid customer number', failure: 'invalid_customer_number' })],
			[]
		);
		expect(failed!.fix).toBe('Update the ordering credentials at Admin > Distributors, then retry.');
		expect(failed!.canRetry).toBe(true);
	});
});

describe('the fix a failure names', () => {
	it('sends an expired token to re-authenticate and reads nothing when nothing failed', () => {
		expect(fixFor('reauthenticate')).toBe('Re-authenticate at Admin > Distributors, then retry.');
		expect(fixFor(null)).toBeNull();
	});
});
