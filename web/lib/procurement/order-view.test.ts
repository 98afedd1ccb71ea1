import { describe, expect, it } from 'vitest';
import { draftOrder } from '../../../shared/procurement/purchase-order-rules.ts';
import type { PurchaseOrder, PurchaseOrderLine } from '../../../shared/schema/purchase-order-entities.ts';
import { buildProduct } from '../catalog/test-products.ts';
import {
	catalogSource,
	existingDraftFor,
	orderActions,
	otherDistributor,
	replacementsFor,
	trackingOf
} from './order-view.ts';

const order = (id: string, overrides: Partial<PurchaseOrder> = {}): PurchaseOrder => ({
	...draftOrder(id, 'ingrammicro', 'q1', 'user-buyer', 1),
	...overrides
});

const line = (overrides: Partial<PurchaseOrderLine> = {}): PurchaseOrderLine => ({
	id: 'l1',
	orderId: 'po',
	quoteId: 'q1',
	quoteLineId: 'ql1',
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

describe('the order screen', () => {
	it('lets a draft with lines be submitted, changed and canceled, and nothing else', () => {
		expect(orderActions(order('a'), [line({ status: 'held' })])).toEqual({
			submit: true,
			cancel: true,
			retry: false,
			checkStatus: false,
			edit: true
		});
		expect(orderActions(order('a'), []).submit).toBe(false);
	});

	it('offers Retry for a failed order and a status check for a placed one still moving', () => {
		const failed = orderActions(order('a', { status: 'error', error: 'Invalid customer number' }), []);
		expect([failed.retry, failed.checkStatus, failed.cancel, failed.edit]).toEqual([true, false, false, false]);
		const moving = orderActions(order('a', { status: 'processing', placedAt: 5 }), []);
		expect([moving.retry, moving.checkStatus]).toEqual([false, true]);
		const shipped = orderActions(order('a', { status: 'shipped', placedAt: 5 }), []);
		expect([shipped.retry, shipped.checkStatus, shipped.submit]).toEqual([false, false, false]);
	});

	it('names the other distributor', () => {
		expect(otherDistributor('ingrammicro')).toBe('tdsynnex');
		expect(otherDistributor('tdsynnex')).toBe('ingrammicro');
	});

	it('offers active, orderable products of the same category as replacements, by name', () => {
		const products = [
			buildProduct({ id: 'p1', name: 'Old AP', categoryId: 'c1' }),
			buildProduct({ id: 'p2', name: 'Zeta AP', categoryId: 'c1' }),
			buildProduct({ id: 'p3', name: 'Alpha AP', categoryId: 'c1' }),
			buildProduct({ id: 'p4', name: 'Retired AP', categoryId: 'c1', active: false }),
			buildProduct({ id: 'p5', name: 'Service', categoryId: 'c1', noProcurement: true }),
			buildProduct({ id: 'p6', name: 'Switch', categoryId: 'c2' })
		];
		expect(replacementsFor(line(), products).map((p) => p.id)).toEqual(['p3', 'p2']);
	});

	it('re-sources into the oldest draft of the other distributor for the same quote', () => {
		const orders = [
			order('new', { distributor: 'tdsynnex', createdAt: 3 }),
			order('old', { distributor: 'tdsynnex', createdAt: 2 }),
			order('sent', { distributor: 'tdsynnex', createdAt: 1, status: 'submitted' }),
			order('other', { distributor: 'tdsynnex', createdAt: 0, quoteIds: ['q2'] })
		];
		expect(existingDraftFor(orders, 'tdsynnex', 'q1')?.id).toBe('old');
		expect(existingDraftFor(orders, 'ingrammicro', 'q1')).toBeNull();
	});

	it('lists each tracking number once', () => {
		expect(trackingOf([line({ tracking: ['1Z1'] }), line({ tracking: ['1Z1', '1Z2'] })])).toEqual(['1Z1', '1Z2']);
	});
});

describe('a replacement’s source', () => {
	it('is the distributor the catalog names, in the queue’s names', () => {
		expect(catalogSource(buildProduct({ distributor: 'ingram' }))).toBe('ingrammicro');
		expect(catalogSource(buildProduct({ distributor: 'tdsynnex' }))).toBe('tdsynnex');
		expect(catalogSource(buildProduct({ distributor: null }))).toBeNull();
	});
});
