// Outpost quote → Autotask Quotes and QuoteLocations payloads (psa-apis.md §1.5: the three location
// ids are required; one location can serve all three). Pure.

import type { Quote } from '../../../../../shared/schema/entities.ts';
import type { CreateBody } from '../entity-schemas.ts';
import { dateToDateTime } from './money.ts';

export type QuoteRefs = {
	opportunityID: number;
	companyID: number;
	contactID: number | null;
	locationID: number;
	paymentTerm: number | null;
};

const DAY_MS = 86_400_000;
/** Without a "valid until" date, a quote is valid for this many days from its creation. */
export const DEFAULT_VALIDITY_DAYS = 30;

export function quotePayload(
	quote: Pick<Quote, 'title' | 'number' | 'notes' | 'validUntil' | 'createdAt'>,
	refs: QuoteRefs
): CreateBody<'Quotes'> {
	const effective = new Date(quote.createdAt).toISOString().slice(0, 10);
	const expiry =
		quote.validUntil ?? new Date(quote.createdAt + DEFAULT_VALIDITY_DAYS * DAY_MS).toISOString().slice(0, 10);
	return {
		name: (quote.number ? `${quote.number} ${quote.title}` : quote.title).trim().slice(0, 100) || 'Quote',
		opportunityID: refs.opportunityID,
		companyID: refs.companyID,
		contactID: refs.contactID,
		description: quote.notes.slice(0, 2000) || null,
		externalQuoteNumber: quote.number,
		effectiveDate: dateToDateTime(effective),
		expirationDate: dateToDateTime(expiry < effective ? effective : expiry),
		paymentTerm: refs.paymentTerm,
		billToLocationID: refs.locationID,
		shipToLocationID: refs.locationID,
		soldToLocationID: refs.locationID
	};
}

export type Address = { address1: string | null; city: string | null; postalCode: string | null };

export function quoteLocationPayload(address: Address): CreateBody<'QuoteLocations'> {
	return { address1: address.address1, city: address.city, postalCode: address.postalCode };
}
