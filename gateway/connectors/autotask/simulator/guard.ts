// Runs before every simulated request: counts it, plays an injected fault, enforces the hourly
// threshold, checks header auth and the per-endpoint thread limit (psa-apis.md §1.2, §1.8, §1.10).

import type { Context, MiddlewareHandler } from 'hono';
import { endpointOf, type Endpoint } from './endpoints.ts';
import type { Fault, FaultQueue } from './faults.ts';
import { resetConnection } from '../../common/simulator/loopback.ts';
import { errorsBody, type SimEnv } from './sim-env.ts';
import type { Usage } from './usage.ts';

export type SimCredentials = { apiIntegrationCode: string; userName: string; secret: string };

export type GuardDeps = {
	usage: Usage;
	faults: FaultQueue;
	sleep: (ms: number) => Promise<void>;
	credentials: SimCredentials;
	hourlyThreshold: number;
	threadLimit: number;
};

/** `meta` requests (zone lookups) skip auth, the threshold and the thread limit (§1.1, §1.8 [V]). */
export function guard(deps: GuardDeps, options: { meta: boolean }): MiddlewareHandler<SimEnv> {
	return async (c, next) => {
		const endpoint = endpointOf(c.req.method, segmentsAfterVersion(new URL(c.req.url).pathname));
		deps.usage.count(endpoint.key);
		const fault = deps.faults.take(c.req.method, endpoint.key.slice(endpoint.key.indexOf(' ') + 1), endpoint.path);
		if (fault?.kind === 'delay') await deps.sleep(fault.ms);
		else if (fault) return play(c, fault, deps);
		if (options.meta) return next();
		if (!deps.usage.admit()) return thresholdExceeded(c, deps);
		const denied = checkAuth(c, deps.credentials);
		if (denied) return denied;
		return withinThreadLimit(c, endpoint, deps, next);
	};
}

export function segmentsAfterVersion(pathname: string): string[] {
	const at = pathname.toLowerCase().indexOf('/v1.0/');
	return at === -1
		? []
		: pathname
				.slice(at + '/v1.0/'.length)
				.split('/')
				.filter(Boolean);
}

/** 401 for a wrong secret; 500 for a wrong user name or integration code (§1.2 [3P], §1.10). */
function checkAuth(c: Context<SimEnv>, expected: SimCredentials): Response | null {
	const code = c.req.header('ApiIntegrationCode');
	const user = c.req.header('UserName');
	if (code !== expected.apiIntegrationCode) return c.json(errorsBody(['IntegrationCode is invalid']), 500);
	if (user?.toLowerCase() !== expected.userName.toLowerCase()) return c.json(errorsBody(['UserName is invalid']), 500);
	if (c.req.header('Secret') !== expected.secret) return c.body(null, 401);
	return null;
}

async function withinThreadLimit(c: Context<SimEnv>, endpoint: Endpoint, deps: GuardDeps, next: () => Promise<void>) {
	const key = endpoint.entity ?? endpoint.key;
	try {
		if (deps.usage.enter(key) > deps.threadLimit) {
			// §1.8: the thread-limit answer is [UNVERIFIED]; a 429 is what clients are told to expect.
			c.header('Retry-After', '1');
			return c.json(
				errorsBody([`The thread limit of ${deps.threadLimit} concurrent requests on ${key} was exceeded.`]),
				429
			);
		}
		await next();
	} finally {
		deps.usage.leave(key);
	}
}

function thresholdExceeded(c: Context<SimEnv>, deps: GuardDeps) {
	// §1.8 [UNVERIFIED] body; 5xx with "threshold" text is what clients are told to expect.
	c.header('Retry-After', String(Math.max(1, Math.ceil(deps.usage.retryAfterMs() / 1000))));
	return c.json(
		errorsBody([`The request threshold of ${deps.hourlyThreshold} requests per 60 minutes was exceeded.`]),
		500
	);
}

function play(c: Context<SimEnv>, fault: Exclude<Fault, { kind: 'delay' }>, deps: GuardDeps): Response {
	switch (fault.kind) {
		case 'connection_reset':
			return resetConnection(c);
		case 'unauthorized':
			return c.body(null, 401);
		case 'rate_limited':
			c.header('Retry-After', String(fault.retryAfterSeconds ?? 1));
			return c.json(errorsBody(['Rate limit exceeded.']), 429);
		case 'errors':
			return c.json(errorsBody(fault.messages), (fault.status ?? 500) as 500);
		case 'threshold_exceeded':
			return thresholdExceeded(c, deps);
	}
}
