// Runs before every simulated request: counts and logs it, plays an injected fault, enforces the rolling
// rate limit and checks the bearer token (psa-apis.md §3.2, §3.7, §3.8).

import type { Context, MiddlewareHandler } from 'hono';
import type { Endpoint } from './endpoints.ts';
import type { Fault, FaultQueue } from './faults.ts';
import { resetConnection } from '../../common/simulator/loopback.ts';
import type { SimEnv } from './sim-env.ts';
import type { TokenStore } from './tokens.ts';
import type { Usage } from './usage.ts';

/** §3.8 [3P]: the text hosted Halo answers a 429 with. */
export const RATE_LIMIT_TEXT = 'Rate Limit Reached - 300 Requests per rolling 5 minute window';

export type GuardDeps = { usage: Usage; faults: FaultQueue; tokens: TokenStore; sleep: (ms: number) => Promise<void> };

/** `bearer: false` for the token endpoint, which takes the client's credentials instead. */
export function guard(
	deps: GuardDeps,
	options: { endpoint: (c: Context<SimEnv>) => Endpoint; bearer: boolean }
): MiddlewareHandler<SimEnv> {
	return async (c, next) => {
		const endpoint = options.endpoint(c);
		deps.usage.count(endpoint.key);
		const body = await readBody(c);
		c.set('body', body);
		const url = new URL(c.req.url);
		const log = (status: number) =>
			deps.usage.log({ method: c.req.method, endpoint: endpoint.key, url: url.pathname + url.search, body, status });
		const fault = deps.faults.take(c.req.method, endpoint.key.slice(endpoint.key.indexOf(' ') + 1), endpoint.path);
		if (fault?.kind === 'delay') await deps.sleep(fault.ms);
		else if (fault) {
			const response = play(c, fault);
			log(fault.kind === 'connection_reset' ? 0 : response.status);
			return response;
		}
		if (options.bearer) {
			if (!deps.usage.admit()) {
				c.header('Retry-After', String(Math.max(1, Math.ceil(deps.usage.retryAfterMs() / 1000))));
				log(429);
				return c.text(RATE_LIMIT_TEXT, 429);
			}
			const token = /^Bearer\s+(.+)$/i.exec(c.req.header('Authorization') ?? '')?.[1];
			if (!token || !deps.tokens.valid(token)) {
				log(401);
				return c.body(null, 401);
			}
		}
		await next();
		log(c.res.status);
	};
}

async function readBody(c: Context<SimEnv>): Promise<unknown> {
	if (c.req.method === 'GET' || c.req.method === 'DELETE') return null;
	const text = await c.req.text();
	if ((c.req.header('Content-Type') ?? '').includes('application/x-www-form-urlencoded')) {
		return Object.fromEntries(new URLSearchParams(text));
	}
	try {
		return text.trim() === '' ? null : JSON.parse(text);
	} catch {
		return text;
	}
}

function play(c: Context<SimEnv>, fault: Exclude<Fault, { kind: 'delay' }>): Response {
	switch (fault.kind) {
		case 'connection_reset':
			return resetConnection(c);
		case 'unauthorized':
			return c.body(null, 401);
		case 'rate_limited':
			if (fault.retryAfterSeconds !== null) c.header('Retry-After', String(fault.retryAfterSeconds ?? 1));
			return c.text(RATE_LIMIT_TEXT, 429);
		case 'error': {
			const status = fault.status ?? 400;
			return c.json(fault.body ?? defaultErrorBody(status), status as 400);
		}
	}
}

/** §3.7 [3P]: a 400 is a model-state dictionary; other errors carry `ClassName` and `Message`. */
function defaultErrorBody(status: number): unknown {
	if (status === 400) return { '[0].id': 'The simulator rejected this record.' };
	return { ClassName: 'System.Exception', Message: 'The simulator failed this request.' };
}
