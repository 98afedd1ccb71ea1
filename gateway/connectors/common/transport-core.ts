// One HTTP exchange with any PSA: headers, the body, a timeout and the per-endpoint call counter; the
// answer goes to the provider's own classifier. A timeout and a reset socket become values here.
// Auth headers, hooks and what an answer means belong to each provider's transport.

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export type WireRequest = {
	method: string;
	/** `METHOD /Path` with ids as `{id}`: the key calls are counted by. */
	endpoint: string;
	url: string;
	headers?: Record<string, string>;
	/** A JSON value, a form already encoded (an OAuth token request), or an XML document already built. */
	body?: { json: unknown } | { form: string } | { xml: string };
};

/**
 * Called before every request and awaited, so the job runner can wait for its rate budget here; a
 * returned function is called once the request has settled (to release a concurrency slot).
 */
export type RequestHook<I> = (info: I) => void | (() => void) | Promise<void | (() => void)>;

/** What a provider's transport is made with when its requests carry fixed headers and a hook. */
export type HookedTransportOptions<I> = {
	fetch: FetchLike;
	headers: Record<string, string>;
	timeoutMs: number;
	now: () => number;
	onRequest?: RequestHook<I>;
};

export type TransportFailure =
	| { ok: false; code: 'timeout'; message: string }
	/** The socket was reset or the request never got an answer (fetch's TypeError). */
	| { ok: false; code: 'connection_reset'; message: string; cause: string | null };

export type TransportCoreOptions<C> = {
	fetch: FetchLike;
	timeoutMs: number;
	now: () => number;
	/** How the PSA is named in the timeout message: `Autotask did not answer within 30 s.` */
	name: string;
	/** The seeds' text for a reset connection. */
	connectionResetMessage: string;
	classify(status: number, headers: Headers, bodyText: string, now: number): C;
};

export type TransportCore<C> = {
	send(request: WireRequest): Promise<C | TransportFailure>;
	/** Requests sent so far, by endpoint. */
	calls(): Record<string, number>;
};

export function createTransportCore<C>(opts: TransportCoreOptions<C>): TransportCore<C> {
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
				} else if (request.body && 'xml' in request.body) {
					headers['Content-Type'] = 'application/xml; charset=utf-8';
					body = request.body.xml;
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
				return opts.classify(response.status, response.headers, text, opts.now());
			} catch (error) {
				if (controller.signal.aborted) {
					return {
						ok: false,
						code: 'timeout',
						message: `${opts.name} did not answer within ${duration(opts.timeoutMs)}.`
					};
				}
				if (error instanceof TypeError) {
					return { ok: false, code: 'connection_reset', message: opts.connectionResetMessage, cause: causeOf(error) };
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
