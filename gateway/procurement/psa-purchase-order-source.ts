// What joins a placed distributor order to the PSA's purchase order: the hook that queues the PSA job
// once the distributor has the order, the reader that gives that job the order as it needs it, and
// the PSA purchase order a canceled order leaves behind.

import { PROVIDER_LABELS, PROVIDERS, type Provider } from '../../shared/psa/providers.ts';
import { DISTRIBUTOR_LABELS } from '../../shared/schema/distributor-entities.ts';
import { ORG_PROFILE_ID } from '../../shared/schema/org-profile-entities.ts';
import { enqueueJob } from '../jobs/job-store.ts';
import { FINISHED_LINK, type LoadPurchaseOrderInput } from '../jobs/psa-purchase-order.ts';
import { storeLinks, storeReader } from '../jobs/store-sync-context.ts';
import type { Store } from '../store/store.ts';
import type { OrderSubmittedHook } from './after-submit.ts';
import { shipToOf } from './ship-to.ts';

async function configuredPsa(store: Store, orgId: string): Promise<Provider | null> {
	const data = storeReader(store, orgId);
	for (const provider of PROVIDERS) if ((await data.get('integrations', provider))?.configured) return provider;
	return null;
}

/**
 * Queues the PSA purchase order of a placed order, once; an organisation without a PSA gets none.
 * Called on every run that finds the order placed, so an order that has had its job already is left
 * alone (a failed one is retried from its issue, like every PSA job).
 */
export function queuePsaPurchaseOrder(store: Store, clock: { now(): number }): OrderSubmittedHook {
	return async (orgId, order) => {
		const provider = await configuredPsa(store, orgId);
		if (!provider) return;
		const earlier = await store.db
			.selectFrom('jobs')
			.select('id')
			.where('org_id', '=', orgId)
			.where('kind', '=', 'createPsaPurchaseOrder')
			.where('entity_id', '=', order.id)
			.executeTakeFirst();
		if (earlier) return;
		const now = clock.now();
		await enqueueJob(
			store.db,
			{ orgId, provider, kind: 'createPsaPurchaseOrder', entityId: order.id, runAt: now },
			now
		);
	};
}

export function purchaseOrderReader(store: Store): LoadPurchaseOrderInput {
	return async (orgId, orderId) => {
		const data = storeReader(store, orgId);
		const order = await data.get('purchaseOrders', orderId);
		if (!order || order.placedAt === null) return null;
		const [lines, profile, account, quotes] = await Promise.all([
			data.byIndex('purchaseOrderLines', 'orderId', orderId),
			data.get('orgProfile', ORG_PROFILE_ID),
			data.get('distributors', order.distributor),
			Promise.all(order.quoteIds.map((id) => data.get('quotes', id)))
		]);
		const companies = new Set(quotes.map((q) => q?.companyId ?? null));
		const shipTo = shipToOf(profile, order.distributor, account?.country ?? undefined);
		return {
			orderId,
			distributorName: DISTRIBUTOR_LABELS[order.distributor],
			customerPoNumber: order.poNumber,
			companyId: companies.size === 1 ? [...companies][0]! : null,
			shipTo: {
				name: shipTo.name,
				address1: shipTo.line1,
				city: shipTo.city,
				state: shipTo.state,
				postalCode: shipTo.zip
			},
			lines: lines
				.filter((line) => line.status !== 'held' && line.status !== 'canceled')
				.sort((a, b) => a.lineNumber - b.lineNumber)
				.map((line) => ({
					lineId: line.id,
					productId: line.productId,
					name: line.description || line.sku,
					sku: line.sku || line.mpn,
					quantity: line.quantity,
					unitCost: line.unitCost
				}))
		};
	};
}

/** "purchase order 1234 in Autotask" for an order whose PSA purchase order was created; null when none was. */
export function psaPurchaseOrderOf(store: Store): (orgId: string, orderId: string) => Promise<string | null> {
	return async (orgId, orderId) => {
		for (const provider of PROVIDERS) {
			const external = await storeLinks(store, orgId, provider).get(FINISHED_LINK, orderId);
			if (external) return `purchase order ${external} in ${PROVIDER_LABELS[provider]}`;
		}
		return null;
	};
}
