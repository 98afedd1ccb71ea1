// One HTTP exchange with Autotask: headers, timeout, the per-endpoint call counter and the
// onRequest hook, then classification. No retries and no budget: those belong to the job runner.

import { classifyResponse, type Classified } from './classify-response.ts';
import { AUTOTASK_MESSAGES } from './failures.ts';

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export type RequestInfo = {
	method: string;
	/** `METHOD /Path` with ids replaced by `{id}`, e.g. `POST /Companies/{id}/Contacts`. */
	endpoint: string;
	/** The object endpoint the thread limit counts against (§1.8), or null for zone lookups. */
	entity: string | null;
	url: string;
};

/**
 * Called before every request and awaited, so the job runner can wait for its rate budget here; a
 * returned function is called once the request has settled (to release a concurrency slot).
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
	send(info: RequestInfo, body?: unknown, options?: { auth?: boolean }): Promise<Classified>;
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
					return {
						ok: false,
						code: 'timeout',
						message: `Autotask did not answer within ${duration(opts.timeoutMs)}.`
					};
				}
				if (error instanceof TypeError) {
					return {
						ok: false,
						code: 'connection_reset',
						message: AUTOTASK_MESSAGES.connectionReset,
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

function duration(ms: number): string {
	return ms < 1000 ? `${ms} ms` : `${Math.round(ms / 1000)} s`;
}

/** undici puts the socket error (ECONNRESET, UND_ERR_SOCKET) in `cause`. */
function causeOf(error: TypeError): string | null {
	const cause = (error as { cause?: { code?: unknown; message?: unknown } }).cause;
	if (typeof cause?.code === 'string') return cause.code;
	return typeof cause?.message === 'string' ? cause.message : null;
}
