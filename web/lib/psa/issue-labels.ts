// The words the Issues screen uses for an issue's parts: what was being done, how bad it is, how
// many times it was tried, when, and what kind of records a group holds.

import { PROVIDER_LABELS } from '../../../shared/psa/providers.ts';
import { DISTRIBUTOR_LABELS } from '../../../shared/schema/distributor-entities.ts';
import type { Issue, JobKind } from '../../../shared/schema/psa-entities.ts';

export const OPERATION_LABELS: Record<JobKind, string> = {
	syncQuote: 'Quote sync',
	syncCompany: 'Company sync',
	synchronize: 'Synchronize',
	importTicketCharges: 'Ticket charge import',
	pollOpportunities: 'Opportunity poll',
	reindex: 'Re-index',
	syncQuoteCharges: 'Quote charges',
	submitPurchaseOrder: 'Purchase order',
	pollPurchaseOrders: 'Order status',
	cancelPlacedPurchaseOrder: 'Order cancellation',
	createPsaPurchaseOrder: 'PSA purchase order',
	updateProductBillingCodes: 'Product billing codes',
	syncProduct: 'Product sync'
};

/** The system an issue happened at: a PSA, or a distributor a purchase order failed at. */
export const SYSTEM_LABELS: Record<Issue['provider'], string> = { ...PROVIDER_LABELS, ...DISTRIBUTOR_LABELS };

export const SEVERITY_LABELS: Record<Issue['severity'], string> = { error: 'Error', warning: 'Warning' };

const count = new Intl.NumberFormat('en-US');

/** "1,234 quotes": the number with the singular or plural noun. */
export function plural(n: number, one: string, many: string): string {
	return `${count.format(n)} ${n === 1 ? one : many}`;
}

export function attemptsLabel(attempts: number): string {
	return plural(attempts, 'attempt', 'attempts');
}

const NOUNS: Record<string, [string, string]> = {
	quotes: ['quote', 'quotes'],
	quoteLines: ['quote line', 'quote lines'],
	companies: ['company', 'companies'],
	contacts: ['contact', 'contacts'],
	products: ['product', 'products'],
	categories: ['category', 'categories'],
	opportunities: ['opportunity', 'opportunities'],
	ticketCharges: ['ticket charge', 'ticket charges'],
	users: ['user', 'users'],
	integrations: ['integration', 'integrations'],
	purchaseOrders: ['purchase order', 'purchase orders'],
	distributors: ['distributor', 'distributors']
};

/**
 * "40 quotes", or "3 quotes, 1 company" when a group spans tables; the largest count first. A quote
 * sync's issue counts as its quote, whether it names the quote, its contact or a product.
 */
export function entityCountLabel(
	issues: readonly (Pick<Issue, 'entityTable'> & { quoteId?: string | null })[]
): string {
	const byTable = new Map<string, number>();
	for (const issue of issues) {
		const table = issue.quoteId ? 'quotes' : issue.entityTable;
		byTable.set(table, (byTable.get(table) ?? 0) + 1);
	}
	return [...byTable]
		.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
		.map(([table, n]) => {
			const [one, many] = NOUNS[table] ?? ['record', 'records'];
			return plural(n, one, many);
		})
		.join(', ');
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "just now", "5 minutes ago", "3 hours ago", "2 days ago": precise enough to tell old from fresh. */
export function timeAgo(at: number, now: number): string {
	const elapsed = Math.max(0, now - at);
	if (elapsed < MINUTE) return 'just now';
	if (elapsed < HOUR) return `${plural(Math.floor(elapsed / MINUTE), 'minute', 'minutes')} ago`;
	if (elapsed < DAY) return `${plural(Math.floor(elapsed / HOUR), 'hour', 'hours')} ago`;
	return `${plural(Math.floor(elapsed / DAY), 'day', 'days')} ago`;
}
