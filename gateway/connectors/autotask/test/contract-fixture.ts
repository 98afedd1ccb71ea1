// What the Autotask adapter hands the shared PSA contract suite: the adapter and a seeded simulator on
// loopback (an owner resource, an active Material Cost Code for the category), with the lookups a
// Synchronize stores, so a quote sync asks for no picklists.

import { AUTOTASK_MESSAGES } from '../client/failures.ts';
import { startSandbox } from './client-sandbox.ts';
import type { SimEntityName } from '../simulator/catalog.ts';
import { buildBillingCode, buildResource } from '../simulator/seed-builders.ts';
import { memorySyncContext } from '../../../psa/test/memory-sync-context.ts';
import type { ProviderFixture, RecordKind } from '../../../psa/test/provider-fixture.ts';
import { autotaskAdapter } from '../sync/adapter.ts';

const ENTITY_OF: Record<RecordKind, SimEntityName> = {
	companies: 'Companies',
	contacts: 'Contacts',
	opportunities: 'Opportunities',
	quotes: 'Quotes',
	quoteItems: 'QuoteItems',
	products: 'Products'
};

export const autotaskFixture: ProviderFixture = {
	provider: 'autotask',
	adapter: autotaskAdapter,
	async start() {
		const sandbox = await startSandbox();
		const { control } = sandbox;
		control.seed('Resources', [buildResource()]);
		const [billingCodeId] = control.seed('BillingCodes', [buildBillingCode()]);
		const credentials = { ...control.credentials, zoneLookupUrl: sandbox.zoneLookupUrl };
		const synchronized = await autotaskAdapter.synchronize(memorySyncContext({}, { credentials }));
		if (!synchronized.ok) throw new Error(`Synchronize failed: ${synchronized.message}`);
		return {
			credentials,
			settings: {},
			categoryId: 'cat-autotask',
			billingCodeId: String(billingCodeId),
			lookups: synchronized.value.lookups,
			calls: () => control.totalCalls(),
			count: (kind) => control.records(ENTITY_OF[kind]).length,
			failNext: (fault) => control.inject({ kind: fault }),
			close: () => sandbox.close()
		};
	},
	/**
	 * Zone lookup, company lookup by name and create, contact lookup by email and create, opportunity,
	 * quote location, quote, one SKU query for all products, then a product and a quote item per line.
	 */
	firstSyncCalls: (lines) => 8 + (lines > 0 ? 1 : 0) + 2 * lines,
	authFailureMessage: AUTOTASK_MESSAGES.authentication
};
