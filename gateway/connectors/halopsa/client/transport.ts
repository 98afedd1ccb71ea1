// One HTTP exchange with HaloPSA: the common exchange (headers, timeout, call counter) with Halo's
// classification. No retries and no budget: those belong to the job runner (its fetch waits for them).

import { createTransportCore, type FetchLike, type WireRequest } from '../../common/transport-core.ts';
import { classifyResponse, type Classified } from './classify-response.ts';
import { HALO_MESSAGES } from './failures.ts';

/** `endpoint` is `METHOD /Path` with ids as `{id}`, e.g. `GET /Client/{id}`. */
export type HaloRequest = WireRequest;

export type TransportOptions = { fetch: FetchLike; timeoutMs: number; now: () => number };

export type Transport = {
	send(request: HaloRequest): Promise<Classified>;
	/** Requests sent so far, by endpoint. */
	calls(): Record<string, number>;
};

export function createTransport(opts: TransportOptions): Transport {
	return createTransportCore({
		...opts,
		name: 'HaloPSA',
		connectionResetMessage: HALO_MESSAGES.connectionReset,
		classify: classifyResponse
	});
}
