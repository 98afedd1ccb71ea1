// The procurement queue (issue 13, seed 002), offline-capable: a Procurement editor turns an accepted
// quote into draft purchase orders (one per distributor), combines another quote's lines into a draft,
// changes a line's source or quantity, and submits, retries or cancels. Placing the order, and
// canceling a placed one at the distributor, are the gateway's jobs (server effects queue them);
// these only change rows.

import { z } from 'zod';
import { DomainError } from '../errors.ts';
import {
	CANCELABLE_AT_DISTRIBUTOR,
	CANCELS_THROUGH_API,
	distributorFor,
	draftLine,
	draftOrder,
	isEditable,
	needsProcurement,
	poNumberFor,
	RETRYABLE
} from '../procurement/purchase-order-rules.ts';
import type { Product } from '../schema/catalog-entities.ts';
import { DISTRIBUTORS, distributorName, type DistributorName } from '../schema/distributor-entities.ts';
import { id, type QuoteLine } from '../schema/entities.ts';
import type { PurchaseOrder, PurchaseOrderLine } from '../schema/purchase-order-entities.ts';
import type { Tx } from '../sync/tx.ts';
import { defineMutation } from './define.ts';
import { requireQuote } from './quote-guards.ts';

type Wanted = { line: QuoteLine; product: Product };

/** The accepted quote's lines that need buying and are on no live order yet, in the quote's order. */
async function linesToOrder(tx: Tx, quoteId: string): Promise<Wanted[]> {
	const quote = await requireQuote(tx, quoteId);
	if (quote.status !== 'accepted') throw DomainError.of('orderQuoteNotAccepted');
	const ordered = new Set(
		(await tx.all('purchaseOrderLines'))
			.filter((l) => l.quoteId === quoteId && l.status !== 'canceled')
			.map((l) => l.quoteLineId)
	);
	const lines = (await tx.byIndex('quoteLines', 'quoteId', quoteId))
		.filter((line) => !ordered.has(line.id))
		.sort((a, b) => (a.position < b.position ? -1 : a.position > b.position ? 1 : a.id < b.id ? -1 : 1));
	const wanted: Wanted[] = [];
	for (const line of lines) {
		const product = line.productId ? await tx.get('products', line.productId) : undefined;
		if (needsProcurement(line, product)) wanted.push({ line, product });
	}
	if (wanted.length === 0) throw DomainError.of('quoteNothingToProcure');
	return wanted;
}

async function distributorRows(tx: Tx) {
	return Promise.all(DISTRIBUTORS.map((name) => tx.get('distributors', name)));
}

/** A new draft order with a fresh id and a PO number no other order of the organisation has. */
async function newDraft(
	tx: Tx,
	orderId: string,
	distributor: DistributorName,
	quoteId: string,
	userId: string,
	now: number
): Promise<PurchaseOrder> {
	if (await tx.get('purchaseOrders', orderId)) throw DomainError.of('idTaken');
	const poNumber = poNumberFor(orderId);
	if ((await tx.all('purchaseOrders')).some((o) => o.poNumber === poNumber)) throw DomainError.of('poNumberTaken');
	return draftOrder(orderId, distributor, quoteId, userId, now);
}

async function appendLines(tx: Tx, order: PurchaseOrder, wanted: Wanted[], now: number): Promise<PurchaseOrder> {
	let next = order;
	for (const { line, product } of wanted) {
		await tx.put('purchaseOrderLines', draftLine(next, line, product, now));
		next = { ...next, lineCount: next.lineCount + 1 };
	}
	return next;
}

async function requireOrder(tx: Tx, orderId: string): Promise<PurchaseOrder> {
	const order = await tx.get('purchaseOrders', orderId);
	if (!order) throw DomainError.of('purchaseOrderNotFound');
	return order;
}

async function requireDraft(tx: Tx, orderId: string): Promise<PurchaseOrder> {
	const order = await requireOrder(tx, orderId);
	if (!isEditable(order)) throw DomainError.of('purchaseOrderNotDraft');
	return order;
}

const linesOf = (tx: Tx, orderId: string) => tx.byIndex('purchaseOrderLines', 'orderId', orderId);

export const orderQuote = defineMutation({
	name: 'orderQuote',
	permission: 'procurementEditor',
	stores: ['quotes', 'quoteLines', 'products', 'distributors', 'purchaseOrders', 'purchaseOrderLines'],
	/** An id for the draft order of each distributor; only those a line goes to are used. */
	args: z
		.object({
			quoteId: id,
			orderIds: z.object({ ingrammicro: id, tdsynnex: id }).strict()
		})
		.strict()
		.refine((a) => a.orderIds.ingrammicro !== a.orderIds.tdsynnex, { message: 'one id per order' }),
	async apply(tx, { quoteId, orderIds }, ctx) {
		const wanted = await linesToOrder(tx, quoteId);
		const distributors = await distributorRows(tx);
		const groups = new Map<DistributorName, Wanted[]>();
		for (const item of wanted) {
			const distributor = distributorFor(item.product, distributors);
			if (!distributor) throw DomainError.of('noDistributorOrdering');
			groups.set(distributor, [...(groups.get(distributor) ?? []), item]);
		}
		for (const [distributor, items] of groups) {
			const draft = await newDraft(tx, orderIds[distributor], distributor, quoteId, ctx.userId, ctx.now);
			await tx.put('purchaseOrders', await appendLines(tx, draft, items, ctx.now));
		}
	}
});

export const addQuoteToPurchaseOrder = defineMutation({
	name: 'addQuoteToPurchaseOrder',
	permission: 'procurementEditor',
	stores: ['purchaseOrders', 'purchaseOrderLines', 'distributors', 'quotes', 'quoteLines', 'products'],
	args: z.object({ orderId: id, quoteId: id }).strict(),
	async apply(tx, { orderId, quoteId }, ctx) {
		const order = await requireDraft(tx, orderId);
		const distributors = await distributorRows(tx);
		// A line meant for the other distributor stays to order: ordering the quote drafts it there.
		const wanted = (await linesToOrder(tx, quoteId)).filter(
			(item) => distributorFor(item.product, distributors) === order.distributor
		);
		if (wanted.length === 0) throw DomainError.of('quoteNothingForDistributor');
		const withLines = await appendLines(tx, order, wanted, ctx.now);
		const quoteIds = order.quoteIds.includes(quoteId) ? order.quoteIds : [...order.quoteIds, quoteId].slice(0, 50);
		await tx.put('purchaseOrders', { ...withLines, quoteIds, updatedAt: ctx.now });
	}
});

export const changePurchaseOrderLine = defineMutation({
	name: 'changePurchaseOrderLine',
	permission: 'procurementEditor',
	stores: ['purchaseOrderLines', 'purchaseOrders', 'products'],
	/**
	 * Any change re-opens a held line. A new distributor moves the line to a draft order of that
	 * distributor with the same quote, or to a new one with `newOrderId`; a replacement product takes
	 * the line's place.
	 */
	args: z
		.object({
			id,
			quantity: z.number().int().min(1).max(99_999).optional(),
			distributor: distributorName.optional(),
			newOrderId: id.optional(),
			productId: id.optional()
		})
		.strict(),
	async apply(tx, args, ctx) {
		const line = await tx.get('purchaseOrderLines', args.id);
		if (!line) throw DomainError.of('purchaseOrderLineNotFound');
		const order = await requireDraft(tx, line.orderId);
		let changed: PurchaseOrderLine = { ...line, status: 'open', holdReason: null, updatedAt: ctx.now };
		if (args.quantity !== undefined) changed.quantity = args.quantity;
		if (args.productId !== undefined) {
			const product = await tx.get('products', args.productId);
			if (!product || product.noProcurement) throw DomainError.of('productNotOrderable');
			changed = { ...changed, productId: product.id, description: product.name, mpn: product.mpn, sku: product.sku };
		}
		if (args.distributor === undefined || args.distributor === order.distributor) {
			await tx.put('purchaseOrderLines', changed);
			return;
		}
		const target = await targetOrder(tx, args.distributor, line.quoteId, args.newOrderId, ctx);
		await tx.put('purchaseOrderLines', { ...changed, orderId: target.id, lineNumber: target.lineCount + 1 });
		await tx.put('purchaseOrders', {
			...target,
			lineCount: target.lineCount + 1,
			quoteIds: target.quoteIds.includes(line.quoteId) ? target.quoteIds : [...target.quoteIds, line.quoteId],
			updatedAt: ctx.now
		});
		if ((await linesOf(tx, order.id)).length === 0) await tx.delete('purchaseOrders', order.id);
	}
});

async function targetOrder(
	tx: Tx,
	distributor: DistributorName,
	quoteId: string,
	newOrderId: string | undefined,
	ctx: { userId: string; now: number }
): Promise<PurchaseOrder> {
	const existing = (await tx.all('purchaseOrders'))
		.filter((o) => o.distributor === distributor && isEditable(o) && o.quoteIds.includes(quoteId))
		.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1))[0];
	if (existing) return existing;
	if (!newOrderId) throw DomainError.of('purchaseOrderNotFound');
	return newDraft(tx, newOrderId, distributor, quoteId, ctx.userId, ctx.now);
}

export const submitPurchaseOrder = defineMutation({
	name: 'submitPurchaseOrder',
	permission: 'procurementEditor',
	stores: ['purchaseOrders', 'purchaseOrderLines'],
	args: z.object({ id }).strict(),
	async apply(tx, { id: orderId }, ctx) {
		const order = await requireDraft(tx, orderId);
		const lines = (await linesOf(tx, orderId)).filter((l) => l.status === 'open' || l.status === 'held');
		if (lines.length === 0) throw DomainError.of('purchaseOrderEmpty');
		for (const line of lines) {
			await tx.put('purchaseOrderLines', { ...line, status: 'submitted', holdReason: null, updatedAt: ctx.now });
		}
		await tx.put('purchaseOrders', {
			...order,
			status: 'submitted',
			error: null,
			failure: null,
			submittedAt: ctx.now,
			updatedAt: ctx.now
		});
	}
});

export const retryPurchaseOrder = defineMutation({
	name: 'retryPurchaseOrder',
	permission: 'procurementEditor',
	stores: ['purchaseOrders'],
	/** Sends an order that was not placed again, or asks the distributor again for a placed one's status. */
	args: z.object({ id }).strict(),
	async apply(tx, { id: orderId }, ctx) {
		const order = await requireOrder(tx, orderId);
		if (!RETRYABLE.has(order.status)) throw DomainError.of('purchaseOrderNotRetryable');
		const status = order.placedAt === null ? 'submitted' : order.status === 'error' ? 'processing' : order.status;
		await tx.put('purchaseOrders', { ...order, status, error: null, failure: null, updatedAt: ctx.now });
	}
});

export const cancelPurchaseOrder = defineMutation({
	name: 'cancelPurchaseOrder',
	permission: 'procurementEditor',
	stores: ['purchaseOrders', 'purchaseOrderLines'],
	args: z.object({ id }).strict(),
	async apply(tx, { id: orderId }, ctx) {
		const order = await requireOrder(tx, orderId);
		if (!isEditable(order)) throw DomainError.of('purchaseOrderNotCancelable');
		for (const line of await linesOf(tx, orderId)) {
			await tx.put('purchaseOrderLines', { ...line, status: 'canceled', updatedAt: ctx.now });
		}
		await tx.put('purchaseOrders', { ...order, status: 'canceled', updatedAt: ctx.now });
	}
});

export const cancelPlacedPurchaseOrder = defineMutation({
	name: 'cancelPlacedPurchaseOrder',
	permission: 'procurementEditor',
	stores: ['purchaseOrders'],
	/**
	 * Asks the distributor to cancel a submitted order: the order keeps its status until the distributor
	 * answers (the gateway's job marks it Canceled, or records why the distributor refused).
	 */
	args: z.object({ id }).strict(),
	async apply(tx, { id: orderId }, ctx) {
		const order = await requireOrder(tx, orderId);
		if (!CANCELABLE_AT_DISTRIBUTOR.has(order.status)) throw DomainError.of('purchaseOrderNotCancelableAtDistributor');
		if (!CANCELS_THROUGH_API[order.distributor]) throw DomainError.of('distributorCancelsByPhone');
		if ((order.cancelRequestedAt ?? null) !== null) throw DomainError.of('purchaseOrderCancelAlreadyRequested');
		await tx.put('purchaseOrders', { ...order, cancelRequestedAt: ctx.now, cancelRefusal: null, updatedAt: ctx.now });
	}
});
