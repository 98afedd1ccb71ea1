// What the ConnectWise adapter hands the shared PSA contract suite: the adapter and a seeded simulator
// on loopback (a sales rep, the default opportunity statuses), counted the way the suite counts.

import { CONNECTWISE_MESSAGES } from '../client/failures.ts';
import type { SimResourceName } from '../simulator/resources.ts';
import { buildMember } from '../simulator/seed-builders.ts';
import { createConnectwiseSimulator } from '../simulator/simulator.ts';
import type { ProviderFixture, RecordKind } from '../../../psa/test/provider-fixture.ts';
import { connectwiseAdapter } from '../sync/adapter.ts';

/** ConnectWise has no quote entity (§2.3): a quote is its opportunity, its items the forecast items. */
const RESOURCE_OF: Record<RecordKind, SimResourceName> = {
	companies: 'companies',
	contacts: 'contacts',
	opportunities: 'opportunities',
	quotes: 'opportunities',
	quoteItems: 'forecastItems',
	products: 'catalog'
};

export const connectwiseFixture: ProviderFixture = {
	provider: 'connectwise',
	adapter: connectwiseAdapter,
	async start() {
		const sim = createConnectwiseSimulator({ log: () => {} });
		const { site } = await sim.listen();
		const [salesRepId] = sim.control.seed('members', [buildMember()]);
		return {
			credentials: { ...sim.control.credentials, site },
			settings: { defaultSalesRepId: salesRepId, catalogSubcategoryId: 1, catalogTypeId: 1 },
			categoryId: 'category-hardware',
			calls: () => sim.control.totalCalls(),
			count: (kind) => sim.control.records(RESOURCE_OF[kind]).length,
			failNext: (fault) => sim.control.inject({ kind: fault }),
			close: () => sim.close()
		};
	},
	/**
	 * Codebase discovery, company, contact, opportunity, one catalog lookup (by identifier, for all
	 * products), then a catalog item and a forecast item per line.
	 */
	firstSyncCalls: (lines) => 4 + (lines > 0 ? 1 : 0) + 2 * lines,
	authFailureMessage: CONNECTWISE_MESSAGES.authentication
};
