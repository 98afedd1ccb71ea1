// What the product screen says of the product's own PSA sync (seeds: "Retry the product sync"): the
// failure an admin can see (issues replicate to admins only), or that the sync was asked for. Pure.

import type { Issue } from '../../../shared/schema/psa-entities.ts';

export type ProductSyncView = { action: string; text: string; failed: boolean };

/** The open or retrying issue of this product's own sync, if this device holds it. */
export function productSyncIssue(issues: readonly Issue[], productId: string): Issue | undefined {
	return issues.find((i) => i.operation === 'syncProduct' && i.entityTable === 'products' && i.entityId === productId);
}

export function productSyncView(issue: Issue | undefined, requested: boolean): ProductSyncView {
	if (requested) {
		return {
			action: 'Sync to PSA',
			text: 'Queued: Outpost sends this product to the PSA shortly, also if this device is offline now.',
			failed: false
		};
	}
	if (issue) {
		return { action: 'Retry the product sync', text: `The last product sync failed: ${issue.message}`, failed: true };
	}
	return {
		action: 'Sync to PSA',
		text: 'Sends this product to the PSA by itself, with its category’s billing code; a product already there is brought up to date.',
		failed: false
	};
}
