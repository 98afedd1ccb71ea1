// Outpost quote → the Autotask Opportunity it lives under (psa-apis.md §1.3: every quote belongs to
// one), and opportunity changes polled back. Status and stage ids are the tenant's, passed in. Pure.

import type { Quote } from '../../../../../shared/schema/entities.ts';
import type { AutotaskOpportunity, CreateBody } from '../entity-schemas.ts';
import type { PicklistValue } from '../wire-schemas.ts';
import { labelOf } from '../picklist.ts';
import { amountToCents, centsToAmount, dateTimeToMillis, dateToDateTime } from './money.ts';

export type OpportunityRefs = {
	companyID: number;
	contactID: number | null;
	ownerResourceID: number;
	status: number;
	stage: number;
	probability: number;
};

export type QuoteTotals = { amountCents: number; costCents: number };

/** `today` is `YYYY-MM-DD`; the projected close is the quote's expiry, or today without one. */
export function opportunityPayload(
	quote: Pick<Quote, 'title' | 'validUntil'>,
	refs: OpportunityRefs,
	totals: QuoteTotals,
	today: string
): CreateBody<'Opportunities'> {
	return {
		title: quote.title.trim().slice(0, 128) || 'Quote',
		companyID: refs.companyID,
		contactID: refs.contactID,
		ownerResourceID: refs.ownerResourceID,
		status: refs.status,
		stage: refs.stage,
		probability: refs.probability,
		amount: centsToAmount(totals.amountCents),
		cost: centsToAmount(totals.costCents),
		projectedCloseDate: dateToDateTime(quote.validUntil ?? today),
		startDate: dateToDateTime(today),
		// The quote's items drive the opportunity's amounts, so the two never disagree.
		useQuoteTotals: true
	};
}

export type PolledOpportunity = {
	externalId: number;
	title: string;
	status: string | null;
	stage: string | null;
	amountCents: number;
	lastActivityAt: number | null;
};

export function opportunityFromAutotask(
	record: AutotaskOpportunity,
	picklists: { status: PicklistValue[]; stage: PicklistValue[] }
): PolledOpportunity {
	return {
		externalId: record.id,
		title: record.title ?? '',
		status: labelOf(picklists.status, record.status),
		stage: labelOf(picklists.stage, record.stage),
		amountCents: amountToCents(record.amount),
		lastActivityAt: dateTimeToMillis(record.lastActivity)
	};
}
