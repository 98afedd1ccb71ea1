// Tests an organisation's saved Ingram Micro ordering credentials: opens them from the vault, checks
// the API URL against the outbound policy, and makes the cheapest authenticated call (a token and an
// order search that finds nothing). The answer is what Admin > Distributors shows.

import type { Integration } from '../../../shared/schema/psa-entities.ts';
import type { CredentialVault } from '../../jobs/credential-vault.ts';
import { outboundFetch, OutboundRefused } from '../common/outbound-fetch.ts';
import type { OutboundPolicy } from '../common/outbound-policy.ts';
import type { FetchLike } from '../common/transport-core.ts';
import { createIngramClient } from './client/client.ts';
import { openIngramCredentials } from './ordering-credentials.ts';

export type Connection = Integration['connection'];

export async function checkIngramConnection(deps: {
	vault: CredentialVault;
	outbound: OutboundPolicy;
	orgId: string;
	now: () => number;
	fetch?: FetchLike;
}): Promise<Connection> {
	const failed = (message: string): Connection => ({ state: 'failed', message, checkedAt: deps.now() });
	const opened = await openIngramCredentials(deps.vault, deps.orgId);
	if (!opened.ok) return failed(opened.message);
	const { credentials } = opened;
	const client = createIngramClient({
		credentials,
		fetch: outboundFetch(deps.outbound, deps.fetch ?? ((input, init) => fetch(input, init))),
		timeoutMs: 15_000,
		// A test is one look: a closed rate window is reported, not waited for.
		maxRateWaitMs: 0
	});
	try {
		const tested = await client.testConnection();
		if (!tested.ok) return failed(tested.message);
	} catch (error) {
		if (error instanceof OutboundRefused) return failed(`apiUrl: ${error.message}`);
		throw error;
	}
	const account = `customer ${credentials.customerNumber} (${credentials.countryCode})`;
	return { state: 'ok', message: `Connected to Ingram Micro as ${account}.`, checkedAt: deps.now() };
}
