// build<Entity>(overrides) factories for the PSA screens' tests (STYLE 17).

import type { Category } from '../../../shared/schema/catalog-entities.ts';
import type { Integration, Issue } from '../../../shared/schema/psa-entities.ts';

export function buildIssue(overrides: Partial<Issue> = {}): Issue {
	return {
		id: 'autotask:syncQuote:quote-1',
		provider: 'autotask',
		operation: 'syncQuote',
		entityTable: 'quotes',
		entityId: 'quote-1',
		entityLabel: 'Quote Q-1001 · Acme',
		quoteId: 'quote-1',
		severity: 'error',
		message: 'BillingCode does not exist or is invalid',
		rootCause: null,
		firstSeenAt: 1_000,
		lastSeenAt: 2_000,
		attempts: 1,
		state: 'open',
		...overrides
	};
}

export function buildIntegration(overrides: Partial<Integration> = {}): Integration {
	return {
		id: 'autotask',
		configured: true,
		settings: { purchaseOrderBillingCodeId: null, importTicketCharges: false, pollOpportunities: false },
		lookups: {},
		connection: { state: 'ok', message: '', checkedAt: 1_000 },
		lastSync: null,
		usage: { lastHour: 0, hourlyLimit: 10_000, at: 1_000 },
		pollRequestsPerHour: 0,
		...overrides
	};
}

export function buildCategory(overrides: Partial<Category> = {}): Category {
	return { id: 'category-laptops', name: 'Laptops', defaultMarkupPercent: 18, billingCodeId: null, ...overrides };
}
