// Runs before every simulated request: counts and logs it, plays an injected fault, and applies the
// standing conditions in the order Ingram's gateway would: maintenance window, X-RateLimit window,
// bearer token, IM-* headers (§4.3-4.6). Every answer carries X-RateLimit-* and echoes the IM-* ids.

import type { Context, MiddlewareHandler } from 'hono';
import { resetConnection } from '../../common/simulator/loopback.ts';
import type { Fault, FaultQueue } from './faults.ts';
import type { SimEnv } from './sim-env.ts';
import type { TokenStore } from './tokens.ts';
import type { Usage } from './usage.ts';

/** §4.3 [V], verbatim. */
export const INVALID_CUSTOMER_NUMBER_FAULT =
	'Invalid customer number. The customer number provided on the API call does not match the registered customer number.';
export const MAINTENANCE_FAULT = 'The service is unavailable during scheduled maintenance. Please try again later.';

export type Conditions = { maintenance: boolean; customerNumber: string };

export type GuardDeps = {
	usage: Usage;
	faults: FaultQueue;
	tokens: TokenStore;
	conditions: Conditions;
	sleep: (ms: number) => Promise<void>;
	now: () => number;
	endpointOf: (c: Context<SimEnv>) => { key: string; path: string };
};

export function guard(deps: GuardDeps, options: { bearer: boolean }): MiddlewareHandler<SimEnv> {
	return async (c, next) => {
		const { key, path } = deps.endpointOf(c);
		c.set('endpoint', key);
		deps.usage.count(key);
		const body = await readBody(c);
		c.set('body', body);
		const url = new URL(c.req.url);
		const log = (status: number) =>
			deps.usage.log({
				method: c.req.method,
				endpoint: key,
				url: url.pathname + url.search,
				headers: Object.fromEntries(c.req.raw.headers),
				body,
				status
			});
		echoHeaders(c, deps, key);
		const fault = deps.faults.take(c.req.method, key.slice(key.indexOf(' ') + 1), path);
		if (fault?.kind === 'delay') await deps.sleep(fault.ms);
		else if (fault?.kind === 'connection_reset' && fault.after) {
			await next();
			log(0);
			c.res = resetConnection(c);
			return;
		} else if (fault) {
			log(fault.kind === 'connection_reset' ? 0 : statusOf(fault));
			return play(c, fault, deps);
		}
		const refused = options.bearer ? standingRefusal(c, deps, key) : null;
		if (refused) {
			log(refused.status);
			return refused;
		}
		await next();
		log(c.res.status);
	};
}

function standingRefusal(c: Context<SimEnv>, deps: GuardDeps, key: string): Response | null {
	if (deps.conditions.maintenance) return play(c, { kind: 'server_error' }, deps);
	if (!deps.usage.admit(key)) return tooMany(c, deps.usage.headers(key).resetEpochSeconds);
	const token = /^Bearer\s+(.+)$/i.exec(c.req.header('Authorization') ?? '')?.[1];
	if (!token || !deps.tokens.valid(token))
		return c.json(
			{
				fault: {
					faultstring: 'Invalid Access Token',
					detail: { errorcode: 'keymanagement.service.invalid_access_token' }
				}
			},
			401
		);
	const customer = c.req.header('IM-CustomerNumber');
	const country = c.req.header('IM-CountryCode');
	const correlation = c.req.header('IM-CorrelationID');
	const missing = [
		!customer && 'IM-CustomerNumber',
		!country && 'IM-CountryCode',
		!correlation && 'IM-CorrelationID'
	].filter(Boolean);
	if (missing.length) {
		return c.json(
			{
				traceid: 'sim',
				type: 'https://httpstatuses.com/400',
				message: 'Validation failed',
				fields: missing.map((field) => ({ field, message: 'required', value: null }))
			},
			400
		);
	}
	if ((correlation ?? '').length > 32) {
		return c.json(
			{
				traceid: 'sim',
				type: 'https://httpstatuses.com/400',
				message: 'Validation failed',
				fields: [{ field: 'IM-CorrelationID', message: 'at most 32 characters', value: correlation }]
			},
			400
		);
	}
	if (customer !== deps.conditions.customerNumber) return invalidCustomer(c);
	return null;
}

function echoHeaders(c: Context<SimEnv>, deps: GuardDeps, key: string) {
	const rate = deps.usage.headers(key);
	c.header('X-RateLimit-Limit', String(rate.limit));
	c.header('X-RateLimit-Remaining', String(Math.max(0, rate.remaining - 1)));
	c.header('X-RateLimit-Reset', String(rate.resetEpochSeconds));
	const correlation = c.req.header('IM-CorrelationID');
	if (correlation) c.header('IM-CorrelationID', correlation);
	const sender = c.req.header('IM-SenderID');
	if (sender) c.header('IM-SenderID', sender);
}

function statusOf(fault: Exclude<Fault, { kind: 'delay' }>): number {
	switch (fault.kind) {
		case 'connection_reset':
			return 0;
		case 'token_expired':
			return 401;
		case 'invalid_customer_number':
			return 500;
		case 'rate_limited':
			return 429;
		case 'server_error':
			return fault.status ?? 503;
	}
}

function play(c: Context<SimEnv>, fault: Exclude<Fault, { kind: 'delay' }>, deps: GuardDeps): Response {
	switch (fault.kind) {
		case 'connection_reset':
			return resetConnection(c);
		case 'token_expired':
			return c.json(
				{
					fault: {
						faultstring: 'Access Token expired',
						detail: { errorcode: 'keymanagement.service.access_token_expired' }
					}
				},
				401
			);
		case 'invalid_customer_number':
			return invalidCustomer(c);
		case 'rate_limited':
			return tooMany(c, Math.ceil(deps.now() / 1000) + (fault.resetSeconds ?? 30));
		case 'server_error':
			return c.json(
				{
					fault: {
						faultstring: fault.faultstring ?? MAINTENANCE_FAULT,
						detail: { errorcode: 'messaging.adaptors.http.flow.ServiceUnavailable' }
					}
				},
				(fault.status ?? 503) as 503
			);
	}
}

/** §4.3 [V] body; the status is not documented (500 chosen: `faultcode: Server`) [GUESS]. */
function invalidCustomer(c: Context<SimEnv>): Response {
	return c.json({ faultcode: 'Server', faultstring: INVALID_CUSTOMER_NUMBER_FAULT }, 500);
}

function tooMany(c: Context<SimEnv>, resetEpochSeconds: number): Response {
	c.header('X-RateLimit-Remaining', '0');
	c.header('X-RateLimit-Reset', String(resetEpochSeconds));
	return c.json({ errors: [{ field: null, message: 'too many requests' }] }, 429);
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
