// How a part's distributor answer reads: the compact line a quote line shows (cost, stock, source),
// each offer's status in words, and how old the answer is ("as of 2 hours ago"). Pure.

import type { Offer, OfferStatus } from '../../../shared/marketplace/availability.ts';
import { formatMoney } from '../../../shared/pricing/quote-totals.ts';
import { DISTRIBUTOR_LABELS } from '../../../shared/schema/distributor-entities.ts';
import { timeAgo } from '../psa/issue-labels.ts';
import type { CachedAvailability } from './cached-availability.ts';

export const STATUS_LABELS: Record<OfferStatus, string> = {
	available: 'In stock',
	backorder: 'On backorder',
	out_of_stock: 'Out of stock',
	discontinued: 'Discontinued',
	unknown_product: 'Not sold there'
};

export type AvailabilitySummary = { cost: string; stock: string; source: string };

export function costText(offer: Pick<Offer, 'costCents' | 'currencyCode'>): string {
	return offer.costCents === null ? 'No cost' : formatMoney(offer.costCents, offer.currencyCode ?? 'USD');
}

export function stockText(offer: Pick<Offer, 'status' | 'stock'>): string {
	return offer.status === 'available' ? `${offer.stock} in stock` : STATUS_LABELS[offer.status];
}

/** The picked source's cost and stock; with none picked, why (no distributor has it, or none answered). */
export function summarize(entry: CachedAvailability): AvailabilitySummary {
	const picked = entry.offers.find((o) => o.distributor === entry.picked);
	if (picked) {
		return { cost: costText(picked), stock: stockText(picked), source: DISTRIBUTOR_LABELS[picked.distributor] };
	}
	if (entry.offers.length === 0) return { cost: 'No cost', stock: 'Not checked', source: 'No distributor answered' };
	const gone = entry.offers.every((o) => o.discontinued);
	return { cost: 'No cost', stock: gone ? 'Discontinued' : 'No stock', source: 'No source' };
}

export function ageText(fetchedAt: number, now: number): string {
	return `as of ${timeAgo(fetchedAt, now)}`;
}

export function warehousesText(offer: Offer): string {
	const stocked = offer.warehouses.filter((w) => w.quantity > 0);
	if (stocked.length === 0) return 'No warehouse has it';
	return stocked.map((w) => `${w.location ?? w.id ?? 'Warehouse'}: ${w.quantity}`).join(', ');
}
