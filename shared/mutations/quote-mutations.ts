// Quote and quote-line mutations. Each is intent- and field-level, so two people editing different
// fields or lines of one quote offline both keep their work (DESIGN section 3).

import { z } from 'zod';
import { DomainError } from '../errors.ts';
import { id, quoteLineSchema, quoteSchema } from '../schema/entities.ts';
import { canMoveQuote } from '../quotes/status-flow.ts';
import { defineMutation } from './define.ts';
import { requireEditableQuote, requireLine, touchQuote } from './quote-guards.ts';

export const createQuote = defineMutation({
	name: 'createQuote',
	permission: 'quoteEditor',
	args: z.object({ id, companyId: id, title: quoteSchema.shape.title }).strict(),
	async apply(tx, args, ctx) {
		if (await tx.get('quotes', args.id)) throw DomainError.of('idTaken');
		if (!(await tx.get('companies', args.companyId))) throw DomainError.of('companyNotFound');
		await tx.put('quotes', {
			id: args.id,
			companyId: args.companyId,
			title: args.title,
			status: 'draft',
			number: null,
			ownerId: ctx.userId,
			notes: '',
			validUntil: null,
			createdAt: ctx.now,
			updatedAt: ctx.now
		});
	}
});

export const updateQuote = defineMutation({
	name: 'updateQuote',
	permission: 'quoteEditor',
	args: quoteSchema
		.pick({ companyId: true, title: true, notes: true, validUntil: true, status: true })
		.partial()
		.extend({ id })
		.strict(),
	async apply(tx, { id, ...fields }, ctx) {
		const quote = await requireEditableQuote(tx, id);
		if (fields.status !== undefined && !canMoveQuote(quote.status, fields.status)) {
			throw new DomainError('invalid_status_change', `This ${quote.status} quote cannot be marked ${fields.status}.`);
		}
		if (fields.companyId !== undefined && !(await tx.get('companies', fields.companyId))) {
			throw DomainError.of('companyNotFound');
		}
		await tx.put('quotes', { ...quote, ...fields, updatedAt: ctx.now });
	}
});

export const addQuoteLine = defineMutation({
	name: 'addQuoteLine',
	permission: 'quoteEditor',
	args: quoteLineSchema
		.pick({ id: true, quoteId: true, description: true, quantity: true, unitPrice: true })
		.extend({ productId: id.optional(), position: quoteLineSchema.shape.position.optional() })
		.strict(),
	async apply(tx, args, ctx) {
		const quote = await requireEditableQuote(tx, args.quoteId);
		if (await tx.get('quoteLines', args.id)) throw DomainError.of('idTaken');
		const siblings = await tx.byIndex('quoteLines', 'quoteId', args.quoteId);
		const position = args.position ?? Math.max(0, ...siblings.map((l) => l.position)) + 1;
		await tx.put('quoteLines', {
			id: args.id,
			quoteId: args.quoteId,
			productId: args.productId ?? null,
			description: args.description,
			quantity: args.quantity,
			unitPrice: args.unitPrice,
			position,
			createdAt: ctx.now
		});
		await touchQuote(tx, quote, ctx.now);
	}
});

export const updateQuoteLine = defineMutation({
	name: 'updateQuoteLine',
	permission: 'quoteEditor',
	args: quoteLineSchema
		.pick({ description: true, quantity: true, unitPrice: true, position: true })
		.partial()
		.extend({ id })
		.strict(),
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
	args: z.object({ id }).strict(),
	async apply(tx, { id }, ctx) {
		const line = await tx.get('quoteLines', id);
		if (!line) return; // already gone: removing twice is the same as removing once
		const quote = await requireEditableQuote(tx, line.quoteId);
		await tx.delete('quoteLines', id);
		await touchQuote(tx, quote, ctx.now);
	}
});
