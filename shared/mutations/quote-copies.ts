// Duplicating and revising a quote. The client chooses every new id (the copy's and each line's), so
// the optimistic copy and the gateway's are the same rows.

import { z } from 'zod';
import { DomainError } from '../errors.ts';
import { id, type Quote } from '../schema/entities.ts';
import type { Tx } from '../sync/tx.ts';
import { defineMutation } from './define.ts';
import { requireQuote } from './quote-guards.ts';

const copyArgs = z
	.object({
		id,
		newId: id,
		/** One new id per line of the source, in the order of their positions. */
		lineIds: z.array(id).max(2_000)
	})
	.strict();

async function copyQuote(
	tx: Tx,
	source: Quote,
	args: z.infer<typeof copyArgs>,
	fields: Partial<Quote>,
	now: number,
	ownerId: string
) {
	if (await tx.get('quotes', args.newId)) throw DomainError.of('idTaken');
	const lines = (await tx.byIndex('quoteLines', 'quoteId', source.id)).sort((a, b) =>
		a.position < b.position ? -1 : a.position > b.position ? 1 : 0
	);
	if (lines.length !== args.lineIds.length || new Set(args.lineIds).size !== lines.length) {
		throw new DomainError('lines_changed', 'The quote’s lines changed while it was being copied. Try again.');
	}
	for (const lineId of args.lineIds) if (await tx.get('quoteLines', lineId)) throw DomainError.of('idTaken');
	await tx.put('quotes', {
		...source,
		id: args.newId,
		status: 'draft',
		number: null,
		ownerId,
		acceptance: null,
		declineReason: null,
		createdAt: now,
		updatedAt: now,
		...fields
	});
	for (const [k, line] of lines.entries()) {
		await tx.put('quoteLines', { ...line, id: args.lineIds[k]!, quoteId: args.newId, createdAt: now });
	}
}

export const duplicateQuote = defineMutation({
	name: 'duplicateQuote',
	permission: 'quoteEditor',
	stores: ['quotes', 'quoteLines'],
	args: copyArgs,
	async apply(tx, args, ctx) {
		const source = await requireQuote(tx, args.id);
		await copyQuote(
			tx,
			source,
			args,
			{ title: `Copy of ${source.title}`.slice(0, 200), revisionOf: null, revision: 1 },
			ctx.now,
			ctx.userId
		);
	}
});

/** A new draft revision of a sent, declined, retracted or accepted quote; a sent one is retracted. */
export const reviseQuote = defineMutation({
	name: 'reviseQuote',
	permission: 'quoteEditor',
	stores: ['quotes', 'quoteLines'],
	args: copyArgs,
	async apply(tx, args, ctx) {
		const source = await requireQuote(tx, args.id);
		if (source.status === 'draft')
			throw new DomainError('still_draft', 'A draft can be edited directly; revise a quote once it has been sent.');
		await copyQuote(
			tx,
			source,
			args,
			{ revisionOf: source.revisionOf ?? source.id, revision: source.revision + 1 },
			ctx.now,
			ctx.userId
		);
		if (source.status === 'sent') await tx.put('quotes', { ...source, status: 'retracted', updatedAt: ctx.now });
	}
});
