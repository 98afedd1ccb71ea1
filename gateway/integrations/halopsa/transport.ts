// One HTTP exchange with HaloPSA: headers, timeout and the per-endpoint call counter, then
// classification. No retries and no budget: those belong to the job runner (its fetch waits for them).

import { classifyResponse, type Classified } from './classify-response.ts';
import { HALO_MESSAGES } from './failures.ts';

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export type HaloRequest = {
	method: string;
	/** `METHOD /Path` with ids as `{id}`, e.g. `GET /Client/{id}`: the key calls are counted by. */
	endpoint: string;
	url: string;
	headers?: Record<string, string>;
	/** A JSON value, or a form already encoded (the token request). */
	body?: { json: unknown } | { form: string };
};

export type TransportOptions = { fetch: FetchLike; timeoutMs: number; now: () => number };

export type Transport = {
	send(request: HaloRequest): Promise<Classified>;
	/** Requests sent so far, by endpoint. */
	calls(): Record<string, number>;
};

export function createTransport(opts: TransportOptions): Transport {
	const counts = new Map<string, number>();
	return {
		async send(request) {
			counts.set(request.endpoint, (counts.get(request.endpoint) ?? 0) + 1);
			const controller = new AbortController();
			const timer = setTimeout(() => controller.abort(), opts.timeoutMs);
			try {
				const headers: Record<string, string> = { Accept: 'application/json', ...request.headers };
				let body: string | undefined;
				if (request.body && 'json' in request.body) {
					headers['Content-Type'] = 'application/json';
					body = JSON.stringify(request.body.json);
				} else if (request.body) {
					headers['Content-Type'] = 'application/x-www-form-urlencoded';
					body = request.body.form;
				}
				const response = await opts.fetch(request.url, {
					method: request.method,
					headers,
					body,
					signal: controller.signal
				});
				const text = await response.text();
				return classifyResponse(response.status, response.headers, text, opts.now());
			} catch (error) {
				if (controller.signal.aborted) {
					return { ok: false, code: 'timeout', message: `HaloPSA did not answer within ${duration(opts.timeoutMs)}.` };
				}
				if (error instanceof TypeError) {
					return {
						ok: false,
						code: 'connection_reset',
						message: HALO_MESSAGES.connectionReset,
						cause: causeOf(error)
					};
				}
				throw error;
			} finally {
				clearTimeout(timer);
			}
		},
		calls() {
			return Object.fromEntries(counts);
		}
	};
}

function duration(ms: number): string {
	return ms < 1000 ? `${ms} ms` : `${Math.round(ms / 1000)} s`;
}

/** undici puts the socket error (ECONNRESET, UND_ERR_SOCKET) in `cause`. */
function causeOf(error: TypeError): string | null {
	const cause = (error as { cause?: { code?: unknown; message?: unknown } }).cause;
	if (typeof cause?.code === 'string') return cause.code;
	return typeof cause?.message === 'string' ? cause.message : null;
}
