// fetch for PSA requests under the outbound policy: every URL is checked before it is sent (zone
// answers and stored credentials included), and a redirect is handed back, never followed, so a PSA
// host cannot bounce a request to an address the policy refuses.

import type { FetchLike } from './transport-core.ts';
import type { OutboundPolicy } from './outbound-policy.ts';

/** A request the policy refused; no byte of it was sent. The job runner turns it into a failure. */
export class OutboundRefused extends Error {
	constructor(
		readonly rule: string,
		message: string
	) {
		super(message);
		this.name = 'OutboundRefused';
	}
}

export function outboundFetch(policy: OutboundPolicy, fetch: FetchLike): FetchLike {
	return async (input, init) => {
		const verdict = await policy.check(input);
		if (!verdict.ok) throw new OutboundRefused(verdict.rule, verdict.message);
		return fetch(input, { ...init, redirect: 'manual' });
	};
}
