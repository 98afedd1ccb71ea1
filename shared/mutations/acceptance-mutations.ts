// The customer's answer to a sent quote: accept with their typed name as signature, or decline.
// It works offline like every mutation; the acceptance records the fingerprint of the content the
// customer read and is refused if the quote changed since.

import { z } from 'zod';
import { canReadQuote } from '../auth/read-scope.ts';
import { DomainError } from '../errors.ts';
import { acceptanceSchema, id, type Quote } from '../schema/entities.ts';
import { quoteContentHash } from '../quotes/content-hash.ts';
import type { Tx } from '../sync/tx.ts';
import type { MutationContext } from './define.ts';
import { defineMutation } from './define.ts';
import { requireQuote } from './quote-guards.ts';

async function requireAnswerableQuote(tx: Tx, quoteId: string, ctx: MutationContext): Promise<Quote> {
	const quote = await requireQuote(tx, quoteId);
	// Whoever may not see the quote learns nothing about it: not that it exists, nor its status.
	if (!canReadQuote(ctx.actor, quote)) throw DomainError.of('quoteNotFound');
	const customerOfQuote = ctx.actor.kind === 'customer' && ctx.actor.companyId === quote.companyId;
	if (!customerOfQuote && !ctx.actor.isAdmin) {
		throw new DomainError('not_your_quote', 'Only a contact of the quoted company can accept or decline this quote.');
	}
	if (quote.status !== 'sent') {
		throw new DomainError(
			'not_awaiting_answer',
			`This quote is ${quote.status}; only a sent quote can be accepted or declined.`
		);
	}
	return quote;
}

export const acceptQuote = defineMutation({
	name: 'acceptQuote',
	permission: null,
	stores: ['quotes', 'quoteLines'],
	args: z.object({ id, name: acceptanceSchema.shape.name, contentHash: acceptanceSchema.shape.contentHash }).strict(),
	async apply(tx, args, ctx) {
		const quote = await requireAnswerableQuote(tx, args.id, ctx);
		const lines = await tx.byIndex('quoteLines', 'quoteId', quote.id);
		if (quoteContentHash(quote, lines) !== args.contentHash) {
			throw new DomainError(
				'quote_changed',
				'This quote changed after you opened it. Review the new version before accepting.'
			);
		}
		await tx.put('quotes', {
			...quote,
			status: 'accepted',
			acceptance: { name: args.name, at: ctx.now, contentHash: args.contentHash },
			updatedAt: ctx.now
		});
	}
});

export const declineQuote = defineMutation({
	name: 'declineQuote',
	permission: null,
	stores: ['quotes'],
	args: z.object({ id, reason: z.string().trim().max(2_000) }).strict(),
	async apply(tx, args, ctx) {
		const quote = await requireAnswerableQuote(tx, args.id, ctx);
		await tx.put('quotes', { ...quote, status: 'declined', declineReason: args.reason || null, updatedAt: ctx.now });
	}
});
