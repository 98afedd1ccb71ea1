// What the quote page says about the quote in the PSA: the opportunity it became (as the PSA last
// reported it), and, for admins who replicate issues, why its last sync failed.

import { PROVIDER_LABELS } from '../../../shared/psa/providers.ts';
import type { Issue, Opportunity } from '../../../shared/schema/psa-entities.ts';

export type QuotePsaStatus = {
	/** "Autotask opportunity 4711: Active, Proposal"; null before the quote was first sent. */
	opportunity: string | null;
	/** The PSA's own message of the newest failure of this quote's sync, if this device has it. */
	failure: { message: string; retrying: boolean } | null;
};

export function quotePsaStatus(
	quoteId: string,
	opportunities: readonly Opportunity[],
	issues: readonly Issue[]
): QuotePsaStatus {
	const newest = [...opportunities]
		.filter((o) => o.quoteId === quoteId)
		.sort((a, b) => b.lastActivityAt - a.lastActivityAt)[0];
	const failure = issues
		.filter((i) => i.entityTable === 'quotes' && i.entityId === quoteId)
		.sort((a, b) => b.lastSeenAt - a.lastSeenAt)[0];
	return {
		opportunity: newest ? describeOpportunity(newest) : null,
		failure: failure ? { message: failure.message, retrying: failure.state === 'retrying' } : null
	};
}

function describeOpportunity(opportunity: Opportunity): string {
	const name = `${PROVIDER_LABELS[opportunity.provider]} opportunity ${opportunity.externalId}`;
	const state = [opportunity.status, opportunity.stage].filter(Boolean).join(', ');
	return state ? `${name}: ${state}` : name;
}
