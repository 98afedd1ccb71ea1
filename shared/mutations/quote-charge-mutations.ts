// Quote charges (seed: Ticket charge statuses): a Quote editor attaches an accepted quote to a PSA
// ticket of its company and its billable lines become Pending charges; an admin cancels one by hand or
// re-orders what was cancelled. The PSA work runs on the gateway as a job (server effects).

import { z } from 'zod';
import { DomainError } from '../errors.ts';
import { id } from '../schema/entities.ts';
import {
	billableLines,
	cancelCharge,
	isLive,
	newCharge,
	reorderCharges,
	type ChargeCatalog
} from '../quotes/charge-rules.ts';
import type { Tx } from '../sync/tx.ts';
import { defineMutation } from './define.ts';
import { requireQuote } from './quote-guards.ts';

/** The catalog rows a charge's billing code comes from, read as the rules need them. */
export async function chargeCatalog(tx: Tx, productIds: (string | null)[]): Promise<ChargeCatalog> {
	const products = new Map<string, { id: string; categoryId: string | null }>();
	const categories = new Map<string, { id: string; billingCodeId: string | null }>();
	for (const productId of new Set(productIds)) {
		if (!productId) continue;
		const product = await tx.get('products', productId);
		if (!product) continue;
		products.set(product.id, product);
		if (product.categoryId && !categories.has(product.categoryId)) {
			const category = await tx.get('categories', product.categoryId);
			if (category) categories.set(category.id, category);
		}
	}
	return { product: (id) => products.get(id), category: (id) => categories.get(id) };
}

export const attachQuoteToTicket = defineMutation({
	name: 'attachQuoteToTicket',
	permission: 'quoteEditor',
	stores: ['quotes', 'tickets', 'quoteCharges', 'quoteLines', 'products', 'categories'],
	args: z.object({ quoteId: id, ticketId: id }).strict(),
	async apply(tx, { quoteId, ticketId }, ctx) {
		const quote = await requireQuote(tx, quoteId);
		if (quote.status !== 'accepted') throw DomainError.of('quoteNotAccepted');
		const ticket = await tx.get('tickets', ticketId);
		if (!ticket) throw DomainError.of('ticketNotFound');
		if (ticket.companyId !== quote.companyId) throw DomainError.of('ticketOfAnotherCompany');
		const existing = await tx.byIndex('quoteCharges', 'quoteId', quoteId);
		if (existing.some(isLive)) throw DomainError.of('quoteAlreadyAttached');
		const lines = billableLines(await tx.byIndex('quoteLines', 'quoteId', quoteId));
		if (lines.length === 0) throw DomainError.of('quoteNothingBillable');
		const catalog = await chargeCatalog(
			tx,
			lines.map((line) => line.productId)
		);
		for (const line of lines) {
			const ordinal = existing.filter((charge) => charge.quoteLineId === line.id).length + 1;
			await tx.put('quoteCharges', newCharge(line, ticketId, ordinal, catalog, ctx.now));
		}
	}
});

export const cancelQuoteCharge = defineMutation({
	name: 'cancelQuoteCharge',
	permission: 'admin',
	stores: ['quoteCharges'],
	args: z.object({ id }).strict(),
	async apply(tx, args, ctx) {
		const charge = await tx.get('quoteCharges', args.id);
		if (!charge) throw DomainError.of('quoteChargeNotFound');
		await tx.put('quoteCharges', cancelCharge(charge, 'admin', ctx.now));
	}
});

export const reorderQuoteCharges = defineMutation({
	name: 'reorderQuoteCharges',
	permission: 'admin',
	stores: ['quotes', 'quoteCharges', 'quoteLines', 'products', 'categories'],
	args: z.object({ quoteId: id }).strict(),
	async apply(tx, { quoteId }, ctx) {
		await requireQuote(tx, quoteId);
		const charges = await tx.byIndex('quoteCharges', 'quoteId', quoteId);
		const lines = await tx.byIndex('quoteLines', 'quoteId', quoteId);
		const catalog = await chargeCatalog(
			tx,
			lines.map((line) => line.productId)
		);
		for (const row of reorderCharges(charges, lines, catalog, ctx.now)) await tx.put('quoteCharges', row);
	}
});
