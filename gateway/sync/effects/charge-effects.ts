// Quote charges become PSA work here, in the push transaction: an attach, a cancel or a re-order
// queues the quote's charge sync for the ticket's PSA; a quote withdrawn and a category whose billing
// code changed apply the seed's cancellation rules (shared/quotes/charge-rules.ts) first.

import { PROVIDERS } from '../../../shared/psa/providers.ts';
import {
	chargesAfterMappingChange,
	chargesOfWithdrawnQuote,
	isWithdrawn
} from '../../../shared/quotes/charge-rules.ts';
import type { QuoteCharge } from '../../../shared/schema/quote-charge-entities.ts';
import { enqueueJob } from '../../jobs/job-store.ts';
import type { Effect, EffectContext } from './effect-context.ts';

/**
 * Queues the charge sync of a quote whose charges have PSA work. A sync already queued finds the work
 * when it runs; one running re-reads the charges before it ends (gateway/jobs/charge-sync.ts).
 */
async function queueChargeSync(ctx: EffectContext, quoteId: string): Promise<void> {
	const charges = await ctx.tx.byIndex('quoteCharges', 'quoteId', quoteId);
	const ticketId = charges.at(-1)?.ticketId;
	const ticket = ticketId ? await ctx.tx.get('tickets', ticketId) : undefined;
	if (!ticket || !PROVIDERS.includes(ticket.provider)) return;
	if (!(await ctx.tx.get('integrations', ticket.provider))?.configured) return;
	await enqueueJob(
		ctx.trx,
		{ orgId: ctx.orgId, provider: ticket.provider, kind: 'syncQuoteCharges', entityId: quoteId, runAt: ctx.now },
		ctx.now
	);
}

async function putAll(ctx: EffectContext, rows: QuoteCharge[]): Promise<void> {
	for (const row of rows) await ctx.tx.put('quoteCharges', row);
}

export const syncChargesOfQuote: Effect<{ quoteId: string }> = (ctx, { quoteId }) => queueChargeSync(ctx, quoteId);

export const syncChargeById: Effect<{ id: string }> = async (ctx, { id }) => {
	const charge = await ctx.tx.get('quoteCharges', id);
	if (charge) await queueChargeSync(ctx, charge.quoteId);
};

/** Seed: a quote retracted or declined after its charges were created cancels them (and in the PSA). */
async function cancelIfWithdrawn(ctx: EffectContext, quoteId: string): Promise<void> {
	const quote = await ctx.tx.get('quotes', quoteId);
	if (!quote || !isWithdrawn(quote)) return;
	// A declined revision withdraws what the quote it revises was charged for, too.
	for (const charged of quote.revisionOf ? [quote.id, quote.revisionOf] : [quote.id]) {
		const cancelled = chargesOfWithdrawnQuote(await ctx.tx.byIndex('quoteCharges', 'quoteId', charged), ctx.now);
		if (cancelled.length === 0) continue;
		await putAll(ctx, cancelled);
		await queueChargeSync(ctx, charged);
	}
}

export const cancelChargesOfDeclinedQuote: Effect<{ id: string }> = (ctx, { id }) => cancelIfWithdrawn(ctx, id);

/** reviseQuote retracts the sent quote it copies (`id`). */
export const cancelChargesOfRevisedQuote: Effect<{ id: string; newId: string }> = async (ctx, { id }) =>
	cancelIfWithdrawn(ctx, id);

/** Seed: a billing code mapping that changed makes the category's charges in the PSA invalid. */
export const cancelChargesOfRemappedCategory: Effect<{ id: string }> = async (ctx, { id }) => {
	const category = await ctx.tx.get('categories', id);
	if (!category) return;
	const touched = new Set<string>();
	for (const charge of await ctx.tx.all('quoteCharges')) {
		if (charge.categoryId !== id) continue;
		const [changed] = chargesAfterMappingChange([charge], category, ctx.now);
		if (!changed) continue;
		await ctx.tx.put('quoteCharges', changed);
		touched.add(changed.quoteId);
	}
	for (const quoteId of touched) await queueChargeSync(ctx, quoteId);
};
