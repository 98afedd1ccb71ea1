// An Outpost quote → the HaloPSA opportunity it hangs on and the quotation with its lines
// (psa-apis.md §3.5), and its lines, numbered by `sort_seq` from 1 so Halo's answer maps back. Pure.

import { quoteTotal } from '../../../../shared/pricing/quote-totals.ts';
import type { Quote, QuoteLine } from '../../../../shared/schema/entities.ts';
import type { HaloCreate } from '../client/entities.ts';
import type { HaloQuotationLine } from '../client/entity-schemas.ts';
import { opportunityMarker } from './markers.ts';
import { centsToAmount } from './payloads.ts';

export type QuoteRefs = {
	clientId: number;
	siteId: number | null;
	userId: number | null;
	agentId: number | null;
};

export type PartyNames = { company: string; contact: string | null; email: string | null };

type QuoteSource = Pick<Quote, 'id' | 'title' | 'number' | 'notes' | 'validUntil' | 'createdAt'>;

export function quoteTitle(quote: Pick<Quote, 'title' | 'number'>): string {
	return (quote.number ? `${quote.number} ${quote.title}` : quote.title).trim() || 'Quote';
}

export function opportunityPayload(
	quote: QuoteSource,
	lines: readonly QuoteLine[],
	refs: QuoteRefs & { ticketTypeId: number | null },
	names: PartyNames
): HaloCreate<'Opportunities'> {
	const details = [quote.notes.trim(), opportunityMarker(quote.id)].filter(Boolean).join('\n\n');
	return {
		summary: quoteTitle(quote),
		details,
		client_id: refs.clientId,
		...optional({
			site_id: refs.siteId,
			user_id: refs.userId,
			agent_id: refs.agentId,
			tickettype_id: refs.ticketTypeId
		}),
		oppvalue: centsToAmount(quoteTotal(lines)),
		oppcompanyname: names.company,
		...optional({ oppcontactname: names.contact, oppemailaddress: names.email })
	};
}

export function quotationPayload(
	quote: QuoteSource,
	refs: QuoteRefs & { opportunityId: number }
): HaloCreate<'Quotation'> & { ticket_id: number } {
	return {
		title: quoteTitle(quote),
		client_id: refs.clientId,
		...optional({ site_id: refs.siteId, user_id: refs.userId, agent_id: refs.agentId }),
		ticket_id: refs.opportunityId,
		date: new Date(quote.createdAt).toISOString(),
		...optional({ expiry_date: quote.validUntil ? `${quote.validUntil}T00:00:00Z` : null }),
		note: quote.notes || null
	};
}

/** One quote line; `itemId` null for a line without a product (Halo takes free-text lines). */
export function quotationLinePayload(
	line: Pick<
		QuoteLine,
		'description' | 'quantity' | 'unitPrice' | 'unitCost' | 'discountPercent' | 'optional' | 'billing'
	>,
	refs: { sortSeq: number; itemId: number | null; lineId: number | null; productCode: string | null }
): Partial<HaloQuotationLine> {
	return {
		...optional({ id: refs.lineId, item_id: refs.itemId, productcode: refs.productCode }),
		name: line.description.split('\n')[0]!.trim().slice(0, 255) || 'Item',
		description: line.description,
		quantity: line.quantity,
		baseprice: centsToAmount(line.unitPrice),
		costprice: centsToAmount(line.unitCost),
		discount_perc: line.discountPercent,
		item_recurring: line.billing !== 'one-time',
		optional: line.optional,
		sort_seq: refs.sortSeq
	};
}

/** Leaves out the fields whose value is null, so Halo keeps its defaults for them. */
function optional<T extends Record<string, unknown>>(fields: T): Partial<{ [K in keyof T]: NonNullable<T[K]> }> {
	return Object.fromEntries(
		Object.entries(fields).filter(([, value]) => value !== null && value !== undefined)
	) as Partial<{
		[K in keyof T]: NonNullable<T[K]>;
	}>;
}
