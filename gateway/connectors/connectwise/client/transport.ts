// One HTTP exchange with ConnectWise: its auth and per-call headers and the onRequest hook around the
// common exchange (timeout, call counter), then ConnectWise's classification.
// No retries and no budget: those belong to the job runner.

import {
	createTransportCore,
	type HookedTransportOptions,
	type RequestHook as CoreRequestHook
} from '../../common/transport-core.ts';
import { classifyResponse, type Classified } from './classify-response.ts';
import { CONNECTWISE_MESSAGES } from './failures.ts';

export type RequestInfo = {
	method: string;
	/** `METHOD /path` with ids replaced by `{id}`, e.g. `POST /sales/opportunities/{id}/forecast`. */
	endpoint: string;
	url: string;
};

export type RequestHook = CoreRequestHook<RequestInfo>;
export type TransportOptions = HookedTransportOptions<RequestInfo>;

export type Transport = {
	send(
		info: RequestInfo,
		body?: unknown,
		options?: { auth?: boolean; headers?: Record<string, string> }
	): Promise<Classified>;
	/** Requests sent so far, by endpoint. */
	calls(): Record<string, number>;
};

export function createTransport(opts: TransportOptions): Transport {
	const core = createTransportCore({
		...opts,
		name: 'ConnectWise',
		connectionResetMessage: CONNECTWISE_MESSAGES.connectionReset,
		classify: classifyResponse
	});
	return {
		async send(info, body, options = {}) {
			const release = await opts.onRequest?.(info);
			try {
				return await core.send({
					method: info.method,
					endpoint: info.endpoint,
					url: info.url,
					headers: { ...(options.auth === false ? {} : opts.headers), ...options.headers },
					body: body === undefined ? undefined : { json: body }
				});
			} finally {
				if (typeof release === 'function') release();
			}
		},
		calls: core.calls
	};
}
