// One HTTP exchange with Autotask: its auth headers and the onRequest hook around the common exchange
// (timeout, call counter), then Autotask's classification.
// No retries and no budget: those belong to the job runner.

import {
	createTransportCore,
	type HookedTransportOptions,
	type RequestHook as CoreRequestHook
} from '../../common/transport-core.ts';
import { classifyResponse, type Classified } from './classify-response.ts';
import { AUTOTASK_MESSAGES } from './failures.ts';

export type RequestInfo = {
	method: string;
	/** `METHOD /Path` with ids replaced by `{id}`, e.g. `POST /Companies/{id}/Contacts`. */
	endpoint: string;
	/** The object endpoint the thread limit counts against (§1.8), or null for zone lookups. */
	entity: string | null;
	url: string;
};

export type RequestHook = CoreRequestHook<RequestInfo>;
export type TransportOptions = HookedTransportOptions<RequestInfo>;

export type Transport = {
	send(info: RequestInfo, body?: unknown, options?: { auth?: boolean }): Promise<Classified>;
	/** Requests sent so far, by endpoint. */
	calls(): Record<string, number>;
};

export function createTransport(opts: TransportOptions): Transport {
	const core = createTransportCore({
		...opts,
		name: 'Autotask',
		connectionResetMessage: AUTOTASK_MESSAGES.connectionReset,
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
					headers: options.auth === false ? undefined : opts.headers,
					body: body === undefined ? undefined : { json: body }
				});
			} finally {
				if (typeof release === 'function') release();
			}
		},
		calls: core.calls
	};
}
