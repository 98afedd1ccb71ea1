// Quote and quote-line mutations. Each is intent- and field-level, so two people editing different
// fields or lines of one quote offline both keep their work (DESIGN section 3).

import { generateKeyBetween } from 'fractional-indexing';
import { z } from 'zod';
import { tableScope } from '../auth/read-scope.ts';
import { DomainError } from '../errors.ts';
import { customerPrice, isoDay } from '../pricing/customer-price.ts';
import { id, quoteLineSchema, quoteSchema, type QuoteLine } from '../schema/entities.ts';
import { isOrderKey } from '../schema/order-key.ts';
import { canMoveQuote } from '../quotes/status-flow.ts';
import type { Tx } from '../sync/tx.ts';
import { defineMutation } from './define.ts';
import { requireEditableQuote, requireLine, requireOpenQuote, requireSendable, touchQuote } from './quote-guards.ts';

export const createQuote = defineMutation({
	name: 'createQuote',
	permission: 'quoteEditor',
	stores: ['quotes', 'companies', 'contacts'],
	args: z.object({ id, companyId: id, title: quoteSchema.shape.title, contactId: id.nullable().optional() }).strict(),
	async apply(tx, args, ctx) {
		if (await tx.get('quotes', args.id)) throw DomainError.of('idTaken');
		if (!(await tx.get('companies', args.companyId))) throw DomainError.of('companyNotFound');
		await requireContactOf(tx, args.contactId ?? null, args.companyId);
		await tx.put('quotes', {
			id: args.id,
			companyId: args.companyId,
			contactId: args.contactId ?? null,
			title: args.title,
			status: 'draft',
			number: null,
			ownerId: ctx.userId,
			notes: '',
			validUntil: null,
			paymentTerm: null,
			acceptance: null,
			declineReason: null,
			revisionOf: null,
			revision: 1,
			createdAt: ctx.now,
			updatedAt: ctx.now
		});
	}
});

export const updateQuote = defineMutation({
	name: 'updateQuote',
	permission: 'quoteEditor',
	stores: ['quotes', 'quoteLines', 'companies', 'contacts'],
	args: quoteSchema
		.pick({
			companyId: true,
			contactId: true,
			title: true,
			notes: true,
			validUntil: true,
			status: true,
			paymentTerm: true
		})
		.partial()
		.extend({ id })
		.strict(),
	async apply(tx, { id, ...fields }, ctx) {
		// Editing a field needs a draft, or a quote this same change takes back to draft.
		const edits = Object.keys(fields).some((k) => k !== 'status');
		const quote = await requireOpenQuote(tx, id);
		if (edits && quote.status !== 'draft' && fields.status !== 'draft') throw DomainError.of('quoteNotDraft');
		if (fields.status !== undefined && !canMoveQuote(quote.status, fields.status)) {
			throw new DomainError('invalid_status_change', `This ${quote.status} quote cannot be marked ${fields.status}.`);
		}
		if (fields.status === 'accepted') {
			throw new DomainError(
				'acceptance_required',
				'A quote is accepted by the customer, with their name as signature.'
			);
		}
		if (fields.status === 'sent' && quote.status !== 'sent') await requireSendable(tx, id);
		const companyId = fields.companyId ?? quote.companyId;
		if (fields.companyId !== undefined && !(await tx.get('companies', fields.companyId)))
			throw DomainError.of('companyNotFound');
		// A contact belongs to one company: moving the quote drops a contact of the old one.
		const contactId =
			fields.contactId !== undefined ? fields.contactId : companyId === quote.companyId ? quote.contactId : null;
		await requireContactOf(tx, contactId, companyId);
		await tx.put('quotes', { ...quote, ...fields, contactId, updatedAt: ctx.now });
	}
});

async function requireContactOf(tx: Tx, contactId: string | null, companyId: string): Promise<void> {
	if (contactId === null) return;
	const contact = await tx.get('contacts', contactId);
	if (!contact || contact.companyId !== companyId) {
		throw new DomainError('contact_not_of_company', 'That contact does not belong to the quote’s company.');
	}
}

const lineFields = quoteLineSchema.pick({
	description: true,
	quantity: true,
	unitPrice: true,
	unitCost: true,
	discountPercent: true,
	billing: true,
	optional: true,
	section: true
});

/**
 * Adds a line at the end (or at `position`). With a product, what is not given comes from the
 * catalog: its name, cost, billing cycle and the customer's price (pricing book, list or markup).
 */
export const addQuoteLine = defineMutation({
	name: 'addQuoteLine',
	permission: 'quoteEditor',
	stores: ['quotes', 'quoteLines', 'products', 'categories', 'pricingBooks'],
	args: lineFields
		.partial()
		.extend({ id, quoteId: id, productId: id.optional(), position: quoteLineSchema.shape.position.optional() })
		.strict()
		.refine((a) => a.productId !== undefined || (a.description !== undefined && a.unitPrice !== undefined), {
			message: 'a line without a product needs a description and a unit price',
			path: ['productId']
		}),
	async apply(tx, args, ctx) {
		const quote = await requireEditableQuote(tx, args.quoteId);
		if (await tx.get('quoteLines', args.id)) throw DomainError.of('idTaken');
		// The catalog's prices and costs are for who may read the catalog (seeds: Product viewer or any product permission).
		if (args.productId && tableScope(ctx.actor, 'products').kind === 'none')
			throw DomainError.of('productReadRequired');
		const fromCatalog = args.productId ? await catalogDefaults(tx, args.productId, quote.companyId, ctx.now) : null;
		const position = args.position ?? generateKeyBetween(await lastPosition(tx, args.quoteId), null);
		await tx.put('quoteLines', {
			id: args.id,
			quoteId: args.quoteId,
			productId: args.productId ?? null,
			categoryId: fromCatalog?.categoryId ?? null,
			description: args.description ?? fromCatalog?.description ?? '',
			quantity: args.quantity ?? 1,
			unitPrice: args.unitPrice ?? fromCatalog?.unitPrice ?? 0,
			unitCost: args.unitCost ?? fromCatalog?.unitCost ?? 0,
			discountPercent: args.discountPercent ?? 0,
			billing: args.billing ?? fromCatalog?.billing ?? 'one-time',
			optional: args.optional ?? false,
			section: args.section ?? '',
			position,
			createdAt: ctx.now
		});
		await touchQuote(tx, quote, ctx.now);
	}
});

/** The greatest well-formed key among the quote's lines: one stored before keys were validated would throw. */
async function lastPosition(tx: Tx, quoteId: string): Promise<string | null> {
	// The greatest first, without copying the lines: the usual quote validates one key rather than every line's.
	const greatest = await tx.greatestByIndex('quoteLines', 'quoteId', quoteId, 'position');
	if (greatest === null || isOrderKey(greatest)) return greatest;
	const positions = (await tx.byIndex('quoteLines', 'quoteId', quoteId)).map((line) => line.position);
	return positions.sort().reverse().find(isOrderKey) ?? null;
}

async function catalogDefaults(tx: Tx, productId: string, companyId: string, now: number): Promise<Partial<QuoteLine>> {
	const product = await tx.get('products', productId);
	if (!product) throw new DomainError('product_not_found', 'That product is not in the catalog.');
	const category = product.categoryId ? await tx.get('categories', product.categoryId) : undefined;
	const books = await tx.all('pricingBooks');
	const { price } = customerPrice(product, category, companyId, books, isoDay(now));
	return {
		categoryId: product.categoryId,
		description: product.name,
		unitPrice: price,
		unitCost: product.cost,
		billing: product.billing
	};
}

export const updateQuoteLine = defineMutation({
	name: 'updateQuoteLine',
	permission: 'quoteEditor',
	stores: ['quoteLines', 'quotes'],
	args: lineFields.extend({ position: quoteLineSchema.shape.position }).partial().extend({ id }).strict(),
	async apply(tx, { id, ...fields }, ctx) {
		const line = await requireLine(tx, id);
		const quote = await requireEditableQuote(tx, line.quoteId);
		await tx.put('quoteLines', { ...line, ...fields });
		await touchQuote(tx, quote, ctx.now);
	}
});

export const removeQuoteLine = defineMutation({
	name: 'removeQuoteLine',
	permission: 'quoteEditor',
	stores: ['quoteLines', 'quotes'],
	args: z.object({ id }).strict(),
	async apply(tx, { id }, ctx) {
		const line = await tx.get('quoteLines', id);
		if (!line) return; // already gone: removing twice is the same as removing once
		const quote = await requireEditableQuote(tx, line.quoteId);
		await tx.delete('quoteLines', id);
		await touchQuote(tx, quote, ctx.now);
	}
});
