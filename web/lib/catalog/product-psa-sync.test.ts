import { describe, expect, it } from 'vitest';
import type { Issue } from '../../../shared/schema/psa-entities.ts';
import { productSyncIssue, productSyncView } from './product-psa-sync.ts';

const issue = (overrides: Partial<Issue>): Issue => ({
	id: 'autotask:syncProduct:p-1',
	provider: 'autotask',
	operation: 'syncProduct',
	entityTable: 'products',
	entityId: 'p-1',
	entityLabel: 'Product Dock',
	severity: 'error',
	message: 'BillingCode does not exist or is invalid',
	rootCause: 'categoryBillingCode:cat-1',
	firstSeenAt: 0,
	lastSeenAt: 0,
	attempts: 1,
	state: 'open',
	quoteId: null,
	...overrides
});

describe('the product screen’s PSA sync', () => {
	it('finds only the product’s own sync issue', () => {
		const own = issue({});
		const quote = issue({ id: 'q', operation: 'syncQuote', entityTable: 'quotes', entityId: 'p-1' });
		expect(productSyncIssue([quote, own], 'p-1')).toBe(own);
		expect(productSyncIssue([quote], 'p-1')).toBeUndefined();
	});

	it('offers Retry the product sync with the PSA’s words after a failure', () => {
		expect(productSyncView(issue({}), false)).toEqual({
			action: 'Retry the product sync',
			text: 'The last product sync failed: BillingCode does not exist or is invalid',
			failed: true
		});
	});

	it('says the sync was asked for once pressed', () => {
		expect(productSyncView(issue({}), true).failed).toBe(false);
		expect(productSyncView(undefined, true).text.startsWith('Queued:')).toBe(true);
		expect(productSyncView(undefined, false).action).toBe('Sync to PSA');
	});
});
