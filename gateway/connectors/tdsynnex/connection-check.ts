// Tests TD SYNNEX ordering credentials with the cheapest call that logs in: a PO status look-up of a PO
// number nobody used. The answer is what Admin > Distributors shows.

import { randomUUID } from 'node:crypto';
import {
	connected,
	failedWith,
	guardedCheck,
	INVALID_CUSTOMER_NUMBER_FIX,
	type ConnectionOutcome
} from '../common/distributor-connection.ts';
import { outboundFetch } from '../common/outbound-fetch.ts';
import type { OutboundPolicy } from '../common/outbound-policy.ts';
import type { FetchLike } from '../common/transport-core.ts';
import { createTdSynnexClient } from './client/client.ts';
import type { TdSynnexCredentials } from './client/credentials.ts';
import type { TdSynnexFailure } from './client/failures.ts';

export async function testTdSynnexCredentials(
	credentials: TdSynnexCredentials,
	deps: { outbound: OutboundPolicy; fetch?: FetchLike }
): Promise<ConnectionOutcome> {
	const client = createTdSynnexClient({
		credentials,
		fetch: outboundFetch(deps.outbound, deps.fetch ?? ((input, init) => fetch(input, init))),
		timeoutMs: 15_000
	});
	return guardedCheck('baseUrl', async () => {
		const tested = await client.orderStatus(`OUTPOST-TEST-${randomUUID().slice(0, 8)}`);
		if (!tested.ok) return tdSynnexOutcome(tested);
		return connected(`Connected to TD SYNNEX as customer ${credentials.customerNumber}.`);
	});
}

function tdSynnexOutcome(failure: TdSynnexFailure): ConnectionOutcome {
	if (failure.code !== 'auth_failed') return failedWith('failed', failure.message);
	return failure.reason === 'customer_number'
		? failedWith('invalid_customer_number', INVALID_CUSTOMER_NUMBER_FIX)
		: failedWith('credentials_refused', `${failure.message}. Enter them again at Admin > Distributors.`);
}
