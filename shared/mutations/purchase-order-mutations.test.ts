// The procurement queue's mutations (seed 002) on an in-memory store: an accepted quote becomes one
// draft per distributor, lines that need no procurement are skipped, quotes combine into one PO, a
// line moves to the other distributor, and submit / retry / cancel follow the order's state.

import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { poNumberFor } from '../procurement/purchase-order-rules.ts';
import type { Product } from '../schema/catalog-entities.ts';
import { defaultDistributor } from '../schema/distributor-entities.ts';
import { buildQuote, buildQuoteLine } from '../test/builders.ts';
import { createMemoryTx, type MemoryTx } from '../sync/memory-tx.ts';
import type { MutationContext, MutationDef } from './define.ts';
import {
	addQuoteToPurchaseOrder,
	cancelPlacedPurchaseOrder,
	cancelPurchaseOrder,
	changePurchaseOrderLine,
	orderQuote,
	retryPurchaseOrder,
	submitPurchaseOrder
} from './purchase-order-mutations.ts';

const ctx: MutationContext = {
	userId: 'user-buyer',
	actor: { kind: 'msp', companyId: 'company-msp', isAdmin: false, permissions: ['procurementEditor'] },
	now: 1_000
};

async function run<A extends z.ZodType>(tx: MemoryTx, def: MutationDef<string, A>, args: z.input<A>) {
	await def.apply(tx, def.args.parse(args), ctx);
}

const product = (id: string, overrides: Partial<Product> = {}): Product => ({
	id,
	name: `Product ${id}`,
	sku: `SKU-${id}`,
	mpn: `MPN-${id}`,
	description: '',
	categoryId: null,
	cost: 10_000,
	price: 15_000,
	billing: 'one-time',
	distributor: 'ingram',
	noProcurement: false,
	active: true,
	...overrides
});

/** Two accepted quotes: q1 with an Ingram, a TD SYNNEX, a labour line and a free-text line; q2 with one Ingram line. */
function shop(): MemoryTx {
	return createMemoryTx({
		distributors: [
			{ ...defaultDistributor('ingrammicro'), orderingEnabled: true },
			{ ...defaultDistributor('tdsynnex'), orderingEnabled: true }
		],
		products: [product('ap'), product('sw', { distributor: 'tdsynnex' }), product('labour', { noProcurement: true })],
		quotes: [buildQuote({ id: 'q1', status: 'accepted' }), buildQuote({ id: 'q2', status: 'accepted' })],
		quoteLines: [
			buildQuoteLine({ id: 'l-ap', quoteId: 'q1', productId: 'ap', quantity: 4, unitCost: 8_000, position: 'a0' }),
			buildQuoteLine({ id: 'l-sw', quoteId: 'q1', productId: 'sw', quantity: 1, position: 'a1' }),
			buildQuoteLine({ id: 'l-labour', quoteId: 'q1', productId: 'labour', quantity: 3, position: 'a2' }),
			buildQuoteLine({ id: 'l-text', quoteId: 'q1', productId: null, position: 'a3' }),
			buildQuoteLine({ id: 'l2-ap', quoteId: 'q2', productId: 'ap', quantity: 2, position: 'a0' })
		]
	});
}

const ORDER_IDS = { ingrammicro: 'po-im', tdsynnex: 'po-td' };

describe('purchase order mutations', () => {
	it('turns an accepted quote into one draft per distributor, skipping what needs no procurement', async () => {
		const tx = shop();
		await run(tx, orderQuote, { quoteId: 'q1', orderIds: ORDER_IDS });
		expect(await tx.get('purchaseOrders', 'po-im')).toMatchObject({
			distributor: 'ingrammicro',
			status: 'draft',
			poNumber: 'OP-POIM',
			quoteIds: ['q1'],
			lineCount: 1,
			createdBy: 'user-buyer'
		});
		expect((await tx.get('purchaseOrders', 'po-td'))?.distributor).toBe('tdsynnex');
		const lines = await tx.all('purchaseOrderLines');
		expect(lines.map((l) => [l.orderId, l.quoteLineId, l.mpn, l.quantity, l.status]).sort()).toEqual([
			['po-im', 'l-ap', 'MPN-ap', 4, 'open'],
			['po-td', 'l-sw', 'MPN-sw', 1, 'open']
		]);
		expect(lines.find((l) => l.quoteLineId === 'l-ap')).toMatchObject({ id: 'OP-POIM-1', unitCost: 8_000 });
	});

	it('sends every line to the preferred distributor when the catalog one does not order', async () => {
		const tx = shop();
		await tx.put('distributors', { ...defaultDistributor('tdsynnex'), orderingEnabled: false });
		await run(tx, orderQuote, { quoteId: 'q1', orderIds: ORDER_IDS });
		expect((await tx.all('purchaseOrderLines')).map((l) => l.orderId)).toEqual(['po-im', 'po-im']);
		expect(await tx.get('purchaseOrders', 'po-td')).toBeUndefined();
	});

	it('refuses a quote that is not accepted, one already ordered, and when no distributor orders', async () => {
		const tx = shop();
		await tx.put('quotes', buildQuote({ id: 'q3', status: 'sent' }));
		await expect(run(tx, orderQuote, { quoteId: 'q3', orderIds: ORDER_IDS })).rejects.toThrow(
			'Only an accepted quote can be ordered.'
		);
		await run(tx, orderQuote, { quoteId: 'q1', orderIds: ORDER_IDS });
		await expect(
			run(tx, orderQuote, { quoteId: 'q1', orderIds: { ingrammicro: 'x1', tdsynnex: 'x2' } })
		).rejects.toThrow(/no lines left to order/);
		for (const name of ['ingrammicro', 'tdsynnex'] as const) await tx.put('distributors', defaultDistributor(name));
		await expect(
			run(tx, orderQuote, { quoteId: 'q2', orderIds: { ingrammicro: 'y1', tdsynnex: 'y2' } })
		).rejects.toThrow(/Only quotes ordered from distributors with ordering support/);
	});

	it('refuses an order id whose PO number another order has', async () => {
		const tx = shop();
		await run(tx, orderQuote, { quoteId: 'q1', orderIds: ORDER_IDS });
		expect(poNumberFor('po.im')).toBe('OP-POIM');
		await expect(
			run(tx, orderQuote, { quoteId: 'q2', orderIds: { ingrammicro: 'po.im', tdsynnex: 'z' } })
		).rejects.toThrow('Another purchase order already has this PO number.');
	});

	it('combines a second quote into a draft PO', async () => {
		const tx = shop();
		await run(tx, orderQuote, { quoteId: 'q1', orderIds: ORDER_IDS });
		await run(tx, addQuoteToPurchaseOrder, { orderId: 'po-im', quoteId: 'q2' });
		expect(await tx.get('purchaseOrders', 'po-im')).toMatchObject({ quoteIds: ['q1', 'q2'], lineCount: 2 });
		expect((await tx.get('purchaseOrderLines', 'OP-POIM-2'))?.quoteLineId).toBe('l2-ap');
	});

	it('adds only the lines of another quote that go to the draft’s distributor; the rest stay to order', async () => {
		const tx = shop();
		await run(tx, orderQuote, { quoteId: 'q2', orderIds: ORDER_IDS });
		await run(tx, addQuoteToPurchaseOrder, { orderId: 'po-im', quoteId: 'q1' });
		const lines = await tx.all('purchaseOrderLines');
		expect(lines.map((l) => [l.orderId, l.quoteLineId]).sort()).toEqual([
			['po-im', 'l-ap'],
			['po-im', 'l2-ap']
		]);
		expect(await tx.get('purchaseOrders', 'po-im')).toMatchObject({ quoteIds: ['q2', 'q1'], lineCount: 2 });
		await run(tx, orderQuote, { quoteId: 'q1', orderIds: { ingrammicro: 'po-im-2', tdsynnex: 'po-td-2' } });
		expect((await tx.all('purchaseOrderLines')).find((l) => l.quoteLineId === 'l-sw')?.orderId).toBe('po-td-2');
		expect(await tx.get('purchaseOrders', 'po-im-2')).toBeUndefined();
	});

	it('refuses to add a quote with nothing to order from the draft’s distributor', async () => {
		const tx = shop();
		await run(tx, orderQuote, { quoteId: 'q1', orderIds: ORDER_IDS });
		await expect(run(tx, addQuoteToPurchaseOrder, { orderId: 'po-td', quoteId: 'q2' })).rejects.toThrow(
			'This quote has no lines left to order from this distributor.'
		);
		expect((await tx.get('purchaseOrders', 'po-td'))?.quoteIds).toEqual(['q1']);
	});

	it('moves a held line to the other distributor’s draft of the same quote and re-opens it', async () => {
		const tx = shop();
		await run(tx, orderQuote, { quoteId: 'q1', orderIds: ORDER_IDS });
		const held = (await tx.get('purchaseOrderLines', 'OP-POIM-1'))!;
		await tx.put('purchaseOrderLines', { ...held, status: 'held', holdReason: 'Discontinued' });
		await run(tx, changePurchaseOrderLine, { id: 'OP-POIM-1', distributor: 'tdsynnex', quantity: 2 });
		expect(await tx.get('purchaseOrderLines', 'OP-POIM-1')).toMatchObject({
			orderId: 'po-td',
			lineNumber: 2,
			quantity: 2,
			status: 'open',
			holdReason: null
		});
		expect((await tx.get('purchaseOrders', 'po-td'))?.lineCount).toBe(2);
		// The Ingram draft had nothing else: it is gone.
		expect(await tx.get('purchaseOrders', 'po-im')).toBeUndefined();
	});

	it('moves a line to a new draft when the other distributor has none for its quote', async () => {
		const tx = shop();
		await run(tx, orderQuote, { quoteId: 'q2', orderIds: ORDER_IDS });
		await expect(run(tx, changePurchaseOrderLine, { id: 'OP-POIM-1', distributor: 'tdsynnex' })).rejects.toThrow(
			'The purchase order does not exist.'
		);
		await run(tx, changePurchaseOrderLine, { id: 'OP-POIM-1', distributor: 'tdsynnex', newOrderId: 'po-new' });
		expect(await tx.get('purchaseOrders', 'po-new')).toMatchObject({ distributor: 'tdsynnex', quoteIds: ['q2'] });
	});

	it('submits a draft once; a submitted one no longer changes, and cancel is for drafts', async () => {
		const tx = shop();
		await run(tx, orderQuote, { quoteId: 'q1', orderIds: ORDER_IDS });
		await run(tx, submitPurchaseOrder, { id: 'po-im' });
		expect(await tx.get('purchaseOrders', 'po-im')).toMatchObject({ status: 'submitted', submittedAt: 1_000 });
		expect((await tx.get('purchaseOrderLines', 'OP-POIM-1'))?.status).toBe('submitted');
		await expect(run(tx, submitPurchaseOrder, { id: 'po-im' })).rejects.toThrow(/can no longer change/);
		await expect(run(tx, changePurchaseOrderLine, { id: 'OP-POIM-1', quantity: 9 })).rejects.toThrow(
			/can no longer change/
		);
		await expect(run(tx, cancelPurchaseOrder, { id: 'po-im' })).rejects.toThrow(/Only a draft purchase order/);
		await run(tx, cancelPurchaseOrder, { id: 'po-td' });
		expect((await tx.get('purchaseOrderLines', 'OP-POTD-1'))?.status).toBe('canceled');
	});

	it('retries a failed order that was never placed as Submitted, and refuses a draft', async () => {
		const tx = shop();
		await run(tx, orderQuote, { quoteId: 'q1', orderIds: ORDER_IDS });
		await expect(run(tx, retryPurchaseOrder, { id: 'po-im' })).rejects.toThrow(/can be retried/);
		await run(tx, submitPurchaseOrder, { id: 'po-im' });
		const order = (await tx.get('purchaseOrders', 'po-im'))!;
		await tx.put('purchaseOrders', {
			...order,
			status: 'error',
			error: 'Invalid customer number',
			failure: 'rejected'
		});
		await run(tx, retryPurchaseOrder, { id: 'po-im' });
		expect(await tx.get('purchaseOrders', 'po-im')).toMatchObject({ status: 'submitted', error: null, failure: null });
	});

	it('asks the distributor to cancel a submitted Ingram order once, and refuses a draft or TD SYNNEX', async () => {
		const tx = shop();
		await run(tx, orderQuote, { quoteId: 'q1', orderIds: ORDER_IDS });
		await expect(run(tx, cancelPlacedPurchaseOrder, { id: 'po-im' })).rejects.toThrow(
			'Only a submitted order the distributor has not shipped can be canceled at the distributor.'
		);
		await run(tx, submitPurchaseOrder, { id: 'po-im' });
		await run(tx, submitPurchaseOrder, { id: 'po-td' });
		await run(tx, cancelPlacedPurchaseOrder, { id: 'po-im' });
		expect(await tx.get('purchaseOrders', 'po-im')).toMatchObject({
			status: 'submitted',
			cancelRequestedAt: 1_000,
			cancelRefusal: null
		});
		await expect(run(tx, cancelPlacedPurchaseOrder, { id: 'po-im' })).rejects.toThrow(/already asked for/);
		await expect(run(tx, cancelPlacedPurchaseOrder, { id: 'po-td' })).rejects.toThrow(
			'TD SYNNEX does not accept cancellations through its API; call your TD SYNNEX rep.'
		);
	});

	it('refuses hostile arguments', () => {
		expect(orderQuote.args.safeParse({ quoteId: 'q1', orderIds: { ingrammicro: 'a', tdsynnex: 'a' } }).success).toBe(
			false
		);
		expect(orderQuote.args.safeParse({ quoteId: 'q\u0000', orderIds: ORDER_IDS }).success).toBe(false);
		expect(changePurchaseOrderLine.args.safeParse({ id: 'l', quantity: 0.5 }).success).toBe(false);
		expect(changePurchaseOrderLine.args.safeParse({ id: 'l', distributor: 'dandh' }).success).toBe(false);
	});
});
