// Opens the ordering port of an organisation's distributor for one job run: its sealed credentials,
// one client, every request through the outbound policy and the distributor's rate budget. The
// numbers (budget, retries) are each distributor's spec's.

import type { DistributorName } from '../../shared/schema/distributor-entities.ts';
import type { FetchLike } from '../connectors/common/transport-core.ts';
import { createIngramClient } from '../connectors/ingrammicro/client/client.ts';
import { openIngramCredentials } from '../connectors/ingrammicro/ordering-credentials.ts';
import { INGRAM_LIMITS, INGRAM_RETRY, ingramSpec } from '../connectors/ingrammicro/spec.ts';
import { createTdSynnexClient } from '../connectors/tdsynnex/client/client.ts';
import { openTdSynnexCredentials } from '../connectors/tdsynnex/ordering-credentials.ts';
import { TDSYNNEX_LIMITS, TDSYNNEX_RETRY, tdSynnexEndpoint } from '../connectors/tdsynnex/spec.ts';
import type { CredentialVault } from '../jobs/credential-vault.ts';
import type { BudgetLimits, RetryPolicy } from '../psa/registry.ts';
import { ingramPort } from './ingram-port.ts';
import type { OrderPort, PortFailure } from './order-port.ts';
import { tdSynnexPort } from './tdsynnex-port.ts';

export type DistributorBudget = { limits: BudgetLimits; retry: RetryPolicy; endpointOf(url: URL): string };

/** Ingram's 60 GET calls a minute per endpoint (§4.6), kept to across all its endpoints, one at a time. */
export const DISTRIBUTOR_BUDGETS: Record<DistributorName, DistributorBudget> = {
	ingrammicro: {
		limits: { hourly: INGRAM_LIMITS.perEndpointPerMinute * 60, concurrentPerEndpoint: 1 },
		retry: INGRAM_RETRY,
		endpointOf: ingramSpec.endpointOf
	},
	tdsynnex: { limits: TDSYNNEX_LIMITS, retry: TDSYNNEX_RETRY, endpointOf: tdSynnexEndpoint }
};

export type PortDeps = {
	vault: CredentialVault;
	clock: { now(): number };
	sleep: (ms: number) => Promise<void>;
};

export async function openOrderPort(
	deps: PortDeps,
	orgId: string,
	distributor: DistributorName,
	fetch: FetchLike
): Promise<{ ok: true; port: OrderPort } | PortFailure> {
	const notConfigured = (message: string): PortFailure => ({
		ok: false,
		kind: 'permanent',
		message,
		failure: 'reauthenticate',
		rootCause: { kind: 'credentials' }
	});
	if (distributor === 'ingrammicro') {
		const opened = await openIngramCredentials(deps.vault, orgId);
		if (!opened.ok) return notConfigured(opened.message);
		const client = createIngramClient({ credentials: opened.credentials, fetch, clock: deps.clock, sleep: deps.sleep });
		return { ok: true, port: ingramPort(client) };
	}
	const opened = await openTdSynnexCredentials(deps.vault, orgId);
	if (!opened.ok) return notConfigured(opened.message);
	const client = createTdSynnexClient({ credentials: opened.credentials, fetch, clock: deps.clock });
	return { ok: true, port: tdSynnexPort(client) };
}
