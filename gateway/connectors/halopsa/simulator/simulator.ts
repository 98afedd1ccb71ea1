// createHaloSimulator(opts): a HaloPSA tenant in-process, speaking the wire shapes of psa-apis.md §3
// over real HTTP. Served on its own loopback port (`listen()`), or mounted in another Hono app with
// `app.all('/prefix/*', (c) => sim.app.fetch(c.req.raw, c.env))` and `basePath: '/prefix'`.
//
// URL layout under `{origin}{basePath}`: `/auth/token` is the authorisation server, `/api/...` the
// resource server (§3.1). Paths match case-insensitively.

import { Hono } from 'hono';
import { createFaultQueue } from '../../common/simulator/fault-queue.ts';
import { lowerCasePath } from '../../common/simulator/lower-case-path.ts';
import { createLoopbackServer, inProcessFetch } from '../../common/simulator/loopback.ts';
import { tokenHandler, type SimCredentials } from './auth-api.ts';
import { createHaloControl, type HaloSimulatorControl } from './control.ts';
import { endpointOf, TOKEN_ENDPOINT } from './endpoints.ts';
import type { Fault } from './faults.ts';
import { guard } from './guard.ts';
import { onlyVerbs, resourceApi } from './resource-api.ts';
import { buildAgent } from './seed-builders.ts';
import type { SimEnv } from './sim-env.ts';
import { createSimState } from './sim-state.ts';
import { createTokenStore } from './tokens.ts';
import { createUsage } from './usage.ts';

export type { HaloSimulatorControl } from './control.ts';
export type { FaultSpec } from './faults.ts';
export type { SimCredentials } from './auth-api.ts';

/** The sandbox tenant's API application, used when no credentials are given. */
export const SANDBOX_CREDENTIALS: SimCredentials = {
	clientId: 'outpost-sandbox-client',
	clientSecret: 'outpost-sandbox-secret',
	tenant: 'outpost-sandbox'
};

export type HaloSimulatorOptions = {
	/** Where the simulator is mounted in a bigger app (`/sandbox/halopsa`); '' on its own port. */
	basePath?: string;
	credentials?: SimCredentials;
	clock?: { now(): number };
	/** How `delay` faults wait; tests may pass a fake. */
	sleep?: (ms: number) => Promise<void>;
	/** The first id each table hands out; ids then count up, so runs are reproducible. */
	firstId?: number;
	/** `expires_in` of issued tokens (§3.2: commonly 3600 [UNVERIFIED]). */
	tokenLifetimeSeconds?: number;
	/** Requests per rolling window before a 429 (§3.8 [3P]: 300 per 5 minutes). */
	rateLimit?: { requests: number; windowMs: number };
	log?: (message: string, detail?: unknown) => void;
};

export type HaloSimulator = {
	app: Hono<SimEnv>;
	control: HaloSimulatorControl;
	/** An in-process fetch (no socket): a connection-reset fault rejects with fetch's TypeError. */
	fetch(input: string | URL | Request, init?: RequestInit): Promise<Response>;
	/** Serves on loopback (port 0 picks a free one) and answers the URLs to give the client. */
	listen(options?: {
		port?: number;
		hostname?: string;
	}): Promise<{ origin: string; resourceUrl: string; authUrl: string }>;
	close(): Promise<void>;
};

export function createHaloSimulator(opts: HaloSimulatorOptions = {}): HaloSimulator {
	const basePath = (opts.basePath ?? '').replace(/\/+$/, '');
	const now = () => (opts.clock ?? Date).now();
	const credentials = opts.credentials ?? SANDBOX_CREDENTIALS;
	const state = createSimState(opts.firstId ?? 1);
	const tokens = createTokenStore({ now, lifetimeSeconds: opts.tokenLifetimeSeconds ?? 3600 });
	const limit = opts.rateLimit ?? { requests: 300, windowMs: 300_000 };
	const usage = createUsage({ now, limit: limit.requests, windowMs: limit.windowMs });
	const faults = createFaultQueue<Fault>();
	const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
	const guardDeps = { usage, faults, tokens, sleep };
	// The application's own agent, as Halo has one for every API application (§3.6).
	const apiAgentId = state.insert('Agent', buildAgent({ name: 'Outpost API', email: null, isapiagent: true })).id;
	const apiRoot = `${basePath}/api`.toLowerCase();

	const app = new Hono<SimEnv>({ getPath: lowerCasePath });
	app.post(
		`${basePath.toLowerCase()}/auth/token`,
		guard(guardDeps, { endpoint: () => TOKEN_ENDPOINT, bearer: false }),
		tokenHandler({ credentials, tokens })
	);
	app.all(`${basePath.toLowerCase()}/auth/token`, onlyVerbs(['POST']));
	app.use(
		`${apiRoot}/*`,
		guard(guardDeps, {
			endpoint: (c) => endpointOf(c.req.method, segmentsAfter(new URL(c.req.url).pathname, apiRoot)),
			bearer: true
		})
	);
	app.route(apiRoot, resourceApi({ state, apiAgentId: () => apiAgentId }));
	app.notFound((c) =>
		c.json({ Message: `No such HaloPSA resource: ${c.req.method} ${new URL(c.req.url).pathname}` }, 404)
	);
	app.onError((error, c) => {
		(opts.log ?? console.error)('HaloPSA simulator failed', error);
		return c.json(
			{ ClassName: 'System.Exception', Message: 'An unexpected error occurred in the HaloPSA simulator.' },
			500
		);
	});

	const server = createLoopbackServer('HaloPSA', app.fetch);
	const simulator: HaloSimulator = {
		app,
		control: createHaloControl({ state, usage, faults, tokens, credentials, apiAgentId }),
		fetch: inProcessFetch(app),
		async listen(options = {}) {
			const origin = await server.listen(options);
			return { origin, resourceUrl: `${origin}${basePath}/api`, authUrl: `${origin}${basePath}/auth` };
		},
		close: server.close
	};
	return simulator;
}

function segmentsAfter(pathname: string, root: string): string[] {
	const lower = pathname.toLowerCase();
	const at = lower.indexOf(`${root}/`);
	return at === -1
		? []
		: pathname
				.slice(at + root.length + 1)
				.split('/')
				.filter(Boolean);
}
