// The outbound policy as the Node entry runs it: host names resolved by the system resolver
// (node:dns), loopback allowed only in sandbox mode, where the PSA simulators listen.

import { lookup } from 'node:dns/promises';
import { createOutboundPolicy, type OutboundPolicy } from '../connectors/common/outbound-policy.ts';

export function nodeOutboundPolicy(sandbox: boolean): OutboundPolicy {
	return createOutboundPolicy({
		allowLoopback: sandbox,
		resolve: async (host) => (await lookup(host, { all: true, verbatim: true })).map((found) => found.address)
	});
}
