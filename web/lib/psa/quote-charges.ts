// What the quote page says about its charges (seed: Ticket charge statuses), and which of the
// company's tickets a search finds. Pure.

import type { QuoteCharge, Ticket } from '../../../shared/schema/quote-charge-entities.ts';

export type ChargeBadge = { label: string; tone: 'neutral' | 'ok' | 'danger' | 'muted'; detail: string | null };

const REASONS: Record<NonNullable<QuoteCharge['cancelReason']>, string> = {
	quoteWithdrawn: 'the quote was retracted or declined',
	billingCodeChanged: 'the billing code mapping changed',
	admin: 'an admin cancelled it'
};

export function chargeBadge(charge: QuoteCharge): ChargeBadge {
	switch (charge.status) {
		case 'pending':
			return { label: 'Pending', tone: 'neutral', detail: 'Queued for the next sync' };
		case 'synced':
			return { label: 'Synced', tone: 'ok', detail: charge.externalId ? `PSA charge ${charge.externalId}` : null };
		case 'error':
			return { label: 'Error', tone: 'danger', detail: charge.error };
		case 'cancelled': {
			const why = charge.cancelReason ? `Cancelled because ${REASONS[charge.cancelReason]}` : 'Cancelled';
			const psa = charge.psaCancelPending
				? charge.error
					? `; not yet in the PSA: ${charge.error}`
					: '; the PSA is told at the next sync'
				: '';
			const reorder = charge.reorderedAs ? '; re-ordered' : charge.reorder ? '; to re-order' : '';
			return { label: 'Cancelled', tone: 'muted', detail: `${why}${psa}${reorder}.` };
		}
	}
}

/** Cancelled charges not re-ordered yet: what Re-order recreates. */
export function toReorder(charges: QuoteCharge[]): QuoteCharge[] {
	return charges.filter((charge) => charge.status === 'cancelled' && charge.reorderedAs === null);
}

/** The company's tickets whose number or title holds every word typed, most recent number first. */
export function findTickets(tickets: Ticket[], companyId: string, query: string, limit = 8): Ticket[] {
	const words = query.toLowerCase().split(/\s+/).filter(Boolean);
	return tickets
		.filter((ticket) => ticket.companyId === companyId)
		.filter((ticket) => {
			const text = `${ticket.number} ${ticket.title}`.toLowerCase();
			return words.every((word) => text.includes(word));
		})
		.sort((a, b) => b.number.localeCompare(a.number))
		.slice(0, limit);
}
