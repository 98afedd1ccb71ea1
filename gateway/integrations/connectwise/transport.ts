// One HTTP exchange with ConnectWise: headers, timeout, the per-endpoint call counter and the
// onRequest hook, then classification. No retries and no budget: those belong to the job runner.

import { classifyResponse, type Classified } from './classify-response.ts';
import { CONNECTWISE_MESSAGES } from './failures.ts';

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export type RequestInfo = {
	method: string;
	/** `METHOD /path` with ids replaced by `{id}`, e.g. `POST /sales/opportunities/{id}/forecast`. */
	endpoint: string;
	url: string;
};

/**
 * Called before every request and awaited, so the job runner can wait for its rate budget here; a
 * returned function is called once the request has settled.
 */
export type RequestHook = (info: RequestInfo) => void | (() => void) | Promise<void | (() => void)>;

export type TransportOptions = {
	fetch: FetchLike;
	headers: Record<string, string>;
	timeoutMs: number;
	now: () => number;
	onRequest?: RequestHook;
};

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
	const counts = new Map<string, number>();
	return {
		async send(info, body, options = {}) {
			const release = await opts.onRequest?.(info);
			counts.set(info.endpoint, (counts.get(info.endpoint) ?? 0) + 1);
			const controller = new AbortController();
			const timer = setTimeout(() => controller.abort(), opts.timeoutMs);
			try {
				const headers: Record<string, string> = { Accept: 'application/json' };
				if (options.auth !== false) Object.assign(headers, opts.headers);
				Object.assign(headers, options.headers);
				if (body !== undefined) headers['Content-Type'] = 'application/json';
				const response = await opts.fetch(info.url, {
					method: info.method,
					headers,
					body: body === undefined ? undefined : JSON.stringify(body),
					signal: controller.signal
				});
				const text = await response.text();
				return classifyResponse(response.status, response.headers, text, opts.now());
			} catch (error) {
				if (controller.signal.aborted) {
					const within = opts.timeoutMs < 1000 ? `${opts.timeoutMs} ms` : `${Math.round(opts.timeoutMs / 1000)} s`;
					return { ok: false, code: 'timeout', message: `ConnectWise did not answer within ${within}.` };
				}
				if (error instanceof TypeError) {
					return {
						ok: false,
						code: 'connection_reset',
						message: CONNECTWISE_MESSAGES.connectionReset,
						cause: causeOf(error)
					};
				}
				throw error;
			} finally {
				clearTimeout(timer);
				if (typeof release === 'function') release();
			}
		},
		calls() {
			return Object.fromEntries(counts);
		}
	};
}

/** undici puts the socket error (ECONNRESET, UND_ERR_SOCKET) in `cause`. */
function causeOf(error: TypeError): string | null {
	const cause = (error as { cause?: { code?: unknown; message?: unknown } }).cause;
	if (typeof cause?.code === 'string') return cause.code;
	return typeof cause?.message === 'string' ? cause.message : null;
}
