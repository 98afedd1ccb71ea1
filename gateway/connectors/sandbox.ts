// Sandbox mode's outside systems: the three PSA simulators and the Ingram Micro and TD SYNNEX
// simulators on loopback ports, seeded for the demo organisation, and the credentials and settings
// that point Outpost's real clients at them.

import type { Provider } from '../../shared/psa/providers.ts';
import type { IntegrationSettings } from '../../shared/schema/psa-entities.ts';
import { seedAutotaskDemo } from './autotask/simulator/demo-tenant.ts';
import { createAutotaskSimulator } from './autotask/simulator/simulator.ts';
import type { ConnectwiseSimulatorControl } from './connectwise/simulator/control.ts';
import { seedConnectwiseDemo } from './connectwise/simulator/demo-tenant.ts';
import { createConnectwiseSimulator, SANDBOX_CREDENTIALS as CONNECTWISE } from './connectwise/simulator/simulator.ts';
import { seedHaloDemo } from './halopsa/simulator/demo-tenant.ts';
import { createHaloSimulator, SANDBOX_CREDENTIALS as HALO } from './halopsa/simulator/simulator.ts';
import { createStatusPageSimulator, type StatusPageSimulator } from './common/simulator/status-page.ts';
import { startTdSynnexSandbox, type TdSynnexSandbox } from './tdsynnex/simulator/demo-tenant.ts';
import type { IngramCredentialsInput } from './ingrammicro/client/credentials.ts';
import { seedIngramDemo } from './ingrammicro/simulator/demo-tenant.ts';
import {
	createIngramSimulator,
	SANDBOX_CREDENTIALS as INGRAM,
	type WebhookTarget
} from './ingrammicro/simulator/simulator.ts';

export type SandboxTenant = { credentials: unknown; settings: Partial<IntegrationSettings> };

/**
 * The distributors' sandbox accounts: Ingram Micro's ordering credentials for the demo organisation;
 * TD SYNNEX's credentials and settings; ../distributors/connect-sandbox-distributors.ts seals both accounts.
 */
export type DistributorSandbox = {
	ingrammicro: {
		credentials: IngramCredentialsInput;
		/** Where the simulator posts its order webhooks, as Ingram's portal registers them (null: nowhere). */
		registerWebhook(target: WebhookTarget | null): void;
	};
	tdsynnex: TdSynnexSandbox['tenant'];
};

export type PsaSandbox = {
	tenants: Record<Provider, SandboxTenant>;
	distributors: DistributorSandbox;
	/** Each system's vendor status page (all operational until a test says otherwise). */
	statusPages: StatusPageSimulator;
	/** The ConnectWise tenant's records, for tests (a catalog item a quote's sync would have made). */
	connectwise: ConnectwiseSimulatorControl;
	close(): Promise<void>;
};

export async function startPsaSandbox(now: number): Promise<PsaSandbox> {
	const quiet = { log: () => {} };
	const autotask = createAutotaskSimulator(quiet);
	const { zoneLookupUrl } = await autotask.listen();
	seedAutotaskDemo(autotask.control, now);

	const connectwise = createConnectwiseSimulator(quiet);
	const { site } = await connectwise.listen();
	const members = seedConnectwiseDemo(connectwise.control);

	const halo = createHaloSimulator(quiet);
	const { resourceUrl, authUrl } = await halo.listen();
	seedHaloDemo(halo.control);

	// Orders move on by themselves after two status reads, so the procurement queue shows them ship.
	const ingram = createIngramSimulator({ ...quiet, autoShipAfterPolls: 2 });
	const { apiUrl } = await ingram.listen();
	seedIngramDemo(ingram.control);
	const tdsynnex = await startTdSynnexSandbox();
	const statusPages = createStatusPageSimulator();
	await statusPages.listen();
	const statusPageUrl = (provider: Provider) => statusPages.urlOf(provider);

	return {
		tenants: {
			autotask: {
				credentials: { ...autotask.control.credentials, zoneLookupUrl },
				settings: { statusPageUrl: statusPageUrl('autotask') }
			},
			connectwise: {
				credentials: { ...CONNECTWISE, site },
				settings: {
					defaultSalesRepId: members[0]!,
					catalogSubcategoryId: 1,
					catalogTypeId: 1,
					statusPageUrl: statusPageUrl('connectwise')
				}
			},
			halopsa: { credentials: { ...HALO, resourceUrl, authUrl }, settings: { statusPageUrl: statusPageUrl('halopsa') } }
		},
		distributors: {
			ingrammicro: {
				credentials: { ...INGRAM, apiUrl, senderId: 'Outpost sandbox' },
				registerWebhook: (target) => ingram.control.registerWebhook(target)
			},
			tdsynnex: tdsynnex.tenant
		},
		statusPages,
		connectwise: connectwise.control,
		close: async () => {
			await Promise.all([
				autotask.close(),
				connectwise.close(),
				halo.close(),
				ingram.close(),
				tdsynnex.close(),
				statusPages.close()
			]);
		}
	};
}
