// ConnectWise and HaloPSA have no ticket charge capability in Outpost yet: a charge sync for them is a
// clear Error with the reason, without a request to the PSA.

import { describe, expect, it } from 'vitest';
import { ERRORS } from '../../shared/errors.ts';
import { newCharge } from '../../shared/quotes/charge-rules.ts';
import { buildQuote, buildQuoteLine, TEST_NOW } from '../../shared/test/builders.ts';
import { connectwiseAdapter } from '../connectors/connectwise/sync/adapter.ts';
import { haloAdapter } from '../connectors/halopsa/sync/adapter.ts';
import { memorySyncContext } from '../psa/test/memory-sync-context.ts';
import { syncQuoteCharges } from './charge-sync.ts';

describe.each([
	['connectwise', connectwiseAdapter],
	['halopsa', haloAdapter]
] as const)('quote charges on %s', (provider, adapter) => {
	it('are an Error that says ticket charges are not supported by this PSA, and call nothing', async () => {
		const quote = buildQuote({ id: 'quote-1', status: 'accepted' });
		const line = buildQuoteLine({ id: 'line-1', quoteId: quote.id });
		const ticket = {
			id: `${provider}-ticket-7`,
			provider,
			externalId: '7',
			number: '7',
			title: 'Onboarding',
			companyId: quote.companyId,
			status: 'New'
		};
		const charge = newCharge(line, ticket.id, 1, { product: () => undefined, category: () => undefined }, TEST_NOW);
		const ctx = memorySyncContext(
			{ quotes: [quote], quoteLines: [line], tickets: [ticket], quoteCharges: [charge] },
			{ credentials: {} }
		);

		const result = await syncQuoteCharges(adapter, ctx, provider, quote.id);

		expect(result).toEqual({ ok: false, kind: 'permanent', message: ERRORS.ticketChargesNotSupported.message });
		expect(await ctx.tx.get('quoteCharges', charge.id)).toMatchObject({
			status: 'error',
			error: 'Ticket charges are not supported by this PSA.',
			issueId: `${provider}:syncQuoteCharges:${quote.id}`
		});
		expect(ctx.requests).toEqual([]);
	});
});
