// Runs before every simulated request: logs and counts it, plays an injected fault, then checks
// Basic auth (`company+publicKey:privateKey`) and the clientId header (psa-apis.md §2.2, §2.10).

import type { Context, MiddlewareHandler } from 'hono';
import type { Fault, FaultQueue } from './faults.ts';
import { RESET_HEADER, resetConnection } from '../../common/simulator/loopback.ts';
import { errorBody, type SimEnv } from './sim-env.ts';
import type { Usage } from './usage.ts';

export type SimCredentials = { companyId: string; publicKey: string; privateKey: string; clientId: string };

export type GuardDeps = {
	usage: Usage;
	faults: FaultQueue;
	credentials: SimCredentials;
	now: () => number;
	sleep: (ms: number) => Promise<void>;
};

/**
 * `meta` requests (company info) skip auth (§2.1 [V]: discovery is unauthenticated). `pathOf` names the
 * part of the path calls are counted and faults matched by (`/system/info`, `/login/companyinfo/x`).
 */
export function guard(
	deps: GuardDeps,
	options: { meta: boolean; pathOf: (pathname: string) => string }
): MiddlewareHandler<SimEnv> {
	return async (c, next) => {
		const path = options.pathOf(new URL(c.req.url).pathname);
		const endpointPath = path.replace(/\/\d+(?=\/|$)/g, '/{id}');
		const templated = options.meta ? endpointPath.replace(/[^/]+$/, '{id}') : endpointPath;
		const logged = deps.usage.record({
			at: deps.now(),
			method: c.req.method,
			endpoint: `${c.req.method} ${templated}`,
			path
		});
		const answer = await (async () => {
			const fault = deps.faults.take(c.req.method, templated, path);
			if (fault?.kind === 'delay') await deps.sleep(fault.ms);
			else if (fault) return play(c, fault);
			if (!options.meta) {
				const denied = checkAuth(c, deps.credentials);
				if (denied) return denied;
			}
			await next();
			return c.res;
		})();
		logged.status = answer.headers.get(RESET_HEADER) || c.env?.incoming?.socket?.destroyed ? null : answer.status;
		return answer;
	};
}

function checkAuth(c: Context<SimEnv>, expected: SimCredentials): Response | null {
	const header = c.req.header('Authorization') ?? '';
	const match = /^Basic\s+(.+)$/i.exec(header);
	const decoded = match ? decodeBasic(match[1]!) : null;
	const wanted = `${expected.companyId.toLowerCase()}+${expected.publicKey}:${expected.privateKey}`;
	const given = decoded ? decoded.replace(/^[^+]*/, (company) => company.toLowerCase()) : null;
	if (given !== wanted) return c.json(errorBody('Unauthorized', 'Invalid credentials.'), 401);
	// §2.2 [V]: every call carries the integration's clientId; what ConnectWise answers without it is [UNVERIFIED].
	if (!c.req.header('clientId')) return c.json(errorBody('Unauthorized', 'A clientId header is required.'), 401);
	return null;
}

function decodeBasic(encoded: string): string | null {
	try {
		const bytes = Uint8Array.from(atob(encoded), (ch) => ch.charCodeAt(0));
		return new TextDecoder().decode(bytes);
	} catch {
		return null;
	}
}

function play(c: Context<SimEnv>, fault: Exclude<Fault, { kind: 'delay' }>): Response {
	switch (fault.kind) {
		case 'connection_reset':
			return resetConnection(c);
		case 'unauthorized':
			return c.json(errorBody('Unauthorized', 'Invalid credentials.'), 401);
		case 'rate_limited': {
			const seconds = fault.retryAfterSeconds === undefined ? 30 : fault.retryAfterSeconds;
			if (seconds !== null) c.header('Retry-After', String(seconds));
			// §2.8 [V]: the documented body, which is not the ErrorResponseMessage shape.
			return c.json(
				{ error: 'ConnectWiseAPI', message: `Too many requests. Please try again in ${seconds ?? 30} seconds.` },
				429
			);
		}
		case 'error':
			return c.json(
				errorBody(fault.code ?? 'InvalidObject', fault.message, fault.errors ?? null),
				(fault.status ?? 400) as 400
			);
	}
}
