// What HaloPSA hands the shared PSA contract suite: its adapter, and a seeded simulator on loopback with
// the counters that prove nothing was duplicated.

import { HALO_MESSAGES } from '../client/failures.ts';
import { buildAgent, buildClient, buildItem } from '../simulator/seed-builders.ts';
import { createHaloSimulator } from '../simulator/simulator.ts';
import type { ProviderFixture, RecordKind } from '../../../psa/test/provider-fixture.ts';
import { haloAdapter } from '../sync/adapter.ts';
import type { HaloPsaCredentials } from '../sync/credentials.ts';

const ENTITY_OF = {
	companies: 'Client',
	contacts: 'Users',
	opportunities: 'Opportunities',
	quotes: 'Quotation',
	products: 'Item'
} as const;

export const haloFixture: ProviderFixture = {
	provider: 'halopsa',
	adapter: haloAdapter,
	async start() {
		const sim = createHaloSimulator({ log: () => {} });
		sim.control.seed('Agent', [buildAgent()]);
		sim.control.seed('Client', [buildClient({ name: 'Existing Customer' })]);
		sim.control.seed('Item', [buildItem({ name: 'Existing Item' })]);
		const { resourceUrl, authUrl } = await sim.listen();
		const { clientId, clientSecret, tenant } = sim.control.credentials;
		const credentials: HaloPsaCredentials = { resourceUrl, authUrl, clientId, clientSecret, tenant, scope: 'all' };
		return {
			credentials,
			settings: {},
			// Halo needs no mapping per category: products of any category sync.
			categoryId: 'cat-halopsa',
			calls: () => sim.control.totalCalls(),
			count(kind: RecordKind) {
				if (kind === 'quoteItems') {
					return sim.control
						.records('Quotation')
						.reduce((n, q) => n + ((q.lines as unknown[] | undefined)?.length ?? 0), 0);
				}
				return sim.control.count(ENTITY_OF[kind]);
			},
			failNext: (fault) => sim.control.inject({ kind: fault }),
			close: () => sim.close()
		};
	},
	// A token, then one create each for client, user, opportunity and quotation (lines inside it), and
	// one POST for all new items.
	firstSyncCalls: (lines) => 5 + (lines > 0 ? 1 : 0),
	authFailureMessage: HALO_MESSAGES.authentication
};
