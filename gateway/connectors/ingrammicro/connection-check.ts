// Tests Ingram Micro ordering credentials with the cheapest authenticated call (a token and an order
// search that finds nothing), through the outbound policy. The answer is what Admin > Distributors shows:
// a refused token or client secret asks to re-authenticate, a foreign customer number says so.

import type { CredentialVault } from '../../jobs/credential-vault.ts';
import { connected, failedWith, guardedCheck, type ConnectionOutcome } from '../common/distributor-connection.ts';
import { outboundFetch } from '../common/outbound-fetch.ts';
import type { OutboundPolicy } from '../common/outbound-policy.ts';
import type { FetchLike } from '../common/transport-core.ts';
import { createIngramClient } from './client/client.ts';
import type { IngramCredentials } from './client/credentials.ts';
import type { IngramFailure } from './client/failures.ts';
import { openIngramCredentials } from './ordering-credentials.ts';

export type CheckDeps = { outbound: OutboundPolicy; fetch?: FetchLike };

export async function testIngramCredentials(
	credentials: IngramCredentials,
	deps: CheckDeps
): Promise<ConnectionOutcome> {
	const client = createIngramClient({
		credentials,
		fetch: outboundFetch(deps.outbound, deps.fetch ?? ((input, init) => fetch(input, init))),
		timeoutMs: 15_000,
		// A test is one look: a closed rate window is reported, not waited for.
		maxRateWaitMs: 0
	});
	return guardedCheck('apiUrl', async () => {
		const tested = await client.testConnection();
		if (!tested.ok) return ingramOutcome(tested);
		const account = `customer ${credentials.customerNumber} (${credentials.countryCode})`;
		return connected(`Connected to Ingram Micro as ${account}.`);
	});
}

/** The saved credentials, or why there are none to test. */
export async function checkIngramConnection(
	deps: CheckDeps & { vault: CredentialVault; orgId: string }
): Promise<ConnectionOutcome> {
	const opened = await openIngramCredentials(deps.vault, deps.orgId);
	if (!opened.ok) return failedWith('failed', opened.message);
	return testIngramCredentials(opened.credentials, deps);
}

function ingramOutcome(failure: IngramFailure): ConnectionOutcome {
	if (failure.code !== 'auth_failed') return failedWith('failed', failure.message);
	return failedWith(
		failure.reason === 'customer_number' ? 'invalid_customer_number' : 'reauthenticate',
		failure.message
	);
}
