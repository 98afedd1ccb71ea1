// One HTTP exchange with Ingram Micro: the common exchange (timeout, call counter, reset socket) with
// Ingram's classification, plus the X-RateLimit-* reading of every answer for the rate gate.

import { createTransportCore, type FetchLike, type WireRequest } from '../../common/transport-core.ts';
import { classifyResponse, type Classified } from './classify-response.ts';
import { INGRAM_MESSAGES } from './failures.ts';
import { readRateHeaders, type RateReading } from './rate-limit.ts';

export type TransportOptions = { fetch: FetchLike; timeoutMs: number; now: () => number };

export type Answer = { answer: Classified; rate: RateReading | null };

export type Transport = {
	send(request: WireRequest): Promise<Answer>;
	/** Requests sent so far, by endpoint. */
	calls(): Record<string, number>;
};

export function createTransport(opts: TransportOptions): Transport {
	const core = createTransportCore<Answer>({
		...opts,
		name: 'Ingram Micro',
		connectionResetMessage: INGRAM_MESSAGES.connectionReset,
		classify: (status, headers, text, now) => ({
			answer: classifyResponse(status, headers, text, now),
			rate: readRateHeaders(headers)
		})
	});
	return {
		async send(request) {
			const result = await core.send(request);
			return 'answer' in result ? result : { answer: result, rate: null };
		},
		calls: core.calls
	};
}
