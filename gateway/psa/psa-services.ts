// What the HTTP side needs of PSA sync: the providers, the credential vault, the job runner (for a
// connection test on demand) and versioned writes to the integrations rows.

import type { Provider } from '../../shared/psa/providers.ts';
import { defaultIntegration, type Integration } from '../../shared/schema/psa-entities.ts';
import { createOutboundPolicy, type OutboundPolicy } from '../connectors/common/outbound-policy.ts';
import { createCredentialVault, type CredentialVault } from '../jobs/credential-vault.ts';
import { createHealthMonitor, type HealthMonitor } from '../incidents/health-monitor.ts';
import { createJobRunner, type JobRunner } from '../jobs/job-runner.ts';
import { replicatedWriter, type ReplicatedWriter } from '../jobs/replicated-write.ts';
import type { Store } from '../store/store.ts';
import type { PokeHub } from '../sync/poke-hub.ts';
import {
	psaPurchaseOrderOf,
	purchaseOrderReader,
	queuePsaPurchaseOrder
} from '../procurement/psa-purchase-order-source.ts';
import { PSA_PROVIDERS } from './all-providers.ts';
import type { ProviderRegistry } from './registry.ts';

export type PsaServices = {
	providers: ProviderRegistry;
	vault: CredentialVault;
	runner: JobRunner;
	write: ReplicatedWriter;
	outbound: OutboundPolicy;
	/** What the jobs measured of each system, and the platform incidents it opens and closes. */
	health: HealthMonitor;
};

/** Changes an organisation's integrations row, creating it first when nobody configured that PSA yet. */
export function updateIntegration(
	services: Pick<PsaServices, 'write'>,
	orgId: string,
	provider: Provider,
	change: (row: Integration) => Integration
): Promise<Integration> {
	return services.write(orgId, async (tx) => {
		const next = change((await tx.get('integrations', provider)) ?? defaultIntegration(provider));
		await tx.put('integrations', next);
		return next;
	});
}

export type PsaServicesOptions = {
	store: Store;
	pokes: Pick<PokeHub, 'poke'>;
	/** 32 bytes that seal the credentials; a fresh random key when left out (tests). */
	credentialsKey?: Uint8Array;
	clock?: { now(): number };
	providers?: ProviderRegistry;
	log?: (message: string, detail?: unknown) => void;
	/**
	 * Which URLs PSA requests may go to. Left out: strict, judging IP literals and `localhost` only;
	 * the Node entry passes one that resolves names too, and allows loopback in sandbox mode.
	 */
	outbound?: OutboundPolicy;
};

export async function createPsaServices(options: PsaServicesOptions): Promise<PsaServices> {
	const vault = await createCredentialVault(
		options.store,
		options.credentialsKey ?? crypto.getRandomValues(new Uint8Array(32))
	);
	const providers = options.providers ?? PSA_PROVIDERS;
	const outbound = options.outbound ?? createOutboundPolicy({ allowLoopback: false });
	const write = replicatedWriter(options.store, options.pokes);
	const health = createHealthMonitor({ store: options.store, write, clock: options.clock });
	const runner = createJobRunner({
		// A placed distributor order becomes the PSA's purchase order.
		onOrderSubmitted: queuePsaPurchaseOrder(options.store, options.clock ?? { now: () => Date.now() }),
		loadPurchaseOrderInput: purchaseOrderReader(options.store),
		psaPurchaseOrderOf: psaPurchaseOrderOf(options.store),
		...options,
		providers,
		vault,
		outbound,
		health
	});
	return { providers, vault, runner, outbound, write, health };
}
