// createAutotaskSimulator(opts): an Autotask REST tenant in-process, speaking the wire shapes of
// psa-apis.md §1 over real HTTP. Served on its own loopback port (`listen()`), or mounted in another
// Hono app with `app.all('/prefix/*', (c) => sim.app.fetch(c.req.raw, c.env))` and `basePath: '/prefix'`.
//
// URL layout under `{origin}{basePath}`: `/ATServicesRest/V1.0/ZoneInformation` plays the global
// zone-lookup host, `/webservices3/ATServicesRest/V1.0/...` the tenant's zone (so a client that does
// not use the discovered zone URL fails). Paths match case-insensitively.

import { Hono } from 'hono';
import { createFaultQueue } from '../../common/simulator/fault-queue.ts';
import { lowerCasePath } from '../../common/simulator/lower-case-path.ts';
import { createLoopbackServer, inProcessFetch } from '../../common/simulator/loopback.ts';
import { createAutotaskControl, type AutotaskSimulatorControl } from './control.ts';
import type { Fault } from './faults.ts';
import { guard, type SimCredentials } from './guard.ts';
import { errorsBody, type SimEnv } from './sim-env.ts';
import { createSimState } from './sim-state.ts';
import { createUsage } from './usage.ts';
import { zoneApi } from './zone-api.ts';

export type { AutotaskSimulatorControl } from './control.ts';
export type { FaultSpec } from './faults.ts';

/** The sandbox tenant's API user, used when no credentials are given. */
export const SANDBOX_CREDENTIALS: SimCredentials = {
	apiIntegrationCode: 'OUTPOST-SANDBOX-TRACKING-ID',
	userName: 'outpost-api@sandbox.outpost.test',
	secret: 'outpost-sandbox-secret'
};

export type AutotaskSimulatorOptions = {
	/** Where the simulator is mounted in a bigger app (`/sandbox/autotask`); '' on its own port. */
	basePath?: string;
	credentials?: SimCredentials;
	clock?: { now(): number };
	/** How `delay` faults wait; tests may pass a fake. */
	sleep?: (ms: number) => Promise<void>;
	/** The first id the database hands out; ids then count up, so runs are reproducible. */
	firstId?: number;
	/** Requests per rolling hour before the tenant is refused (§1.8: 10,000). */
	hourlyThreshold?: number;
	/** Concurrent requests per object endpoint (§1.8: 3). */
	threadLimit?: number;
	log?: (message: string, detail?: unknown) => void;
};

export type AutotaskSimulator = {
	app: Hono<SimEnv>;
	control: AutotaskSimulatorControl;
	/** An in-process fetch (no socket): a connection-reset fault rejects with fetch's TypeError. */
	fetch(input: string | URL | Request, init?: RequestInit): Promise<Response>;
	/** Serves on loopback (port 0 picks a free one) and answers the URL to give the client. */
	listen(options?: { port?: number; hostname?: string }): Promise<{ origin: string; zoneLookupUrl: string }>;
	zoneLookupUrl(origin: string): string;
	close(): Promise<void>;
};

export function createAutotaskSimulator(opts: AutotaskSimulatorOptions = {}): AutotaskSimulator {
	const basePath = (opts.basePath ?? '').replace(/\/+$/, '');
	const now = () => (opts.clock ?? Date).now();
	const credentials = opts.credentials ?? SANDBOX_CREDENTIALS;
	const hourlyThreshold = opts.hourlyThreshold ?? 10_000;
	const state = createSimState(opts.firstId ?? 1000);
	const usage = createUsage({ now, hourlyThreshold });
	const faults = createFaultQueue<Fault>();
	const guardDeps = {
		usage,
		faults,
		credentials,
		hourlyThreshold,
		threadLimit: opts.threadLimit ?? 3,
		sleep: opts.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)))
	};
	const lookupRoot = `${basePath}/ATServicesRest/`;
	const zoneRoot = `${basePath}/webservices3/ATServicesRest/`;
	const lower = (path: string) => path.toLowerCase();

	const app = new Hono<SimEnv>({ getPath: lowerCasePath });
	app.get(`${lower(lookupRoot)}v1.0/zoneinformation`, guard(guardDeps, { meta: true }), (c) => {
		const user = c.req.query('user') ?? '';
		if (user.toLowerCase() !== credentials.userName.toLowerCase()) {
			// [3P]: the text live tenants answer for an unknown API user.
			return c.json(errorsBody(['Zone information could not be determined']), 500);
		}
		const origin = new URL(c.req.url).origin;
		return c.json({
			zoneName: 'Outpost Sandbox (Zone 3)',
			url: `${origin}${zoneRoot}`,
			webUrl: `${origin}${basePath}/`,
			ci: 1
		});
	});
	app.use(`${lower(zoneRoot)}v1.0/*`, guard(guardDeps, { meta: false }));
	app.route(
		`${lower(zoneRoot)}v1.0`,
		zoneApi({
			state,
			now,
			usage,
			hourlyThreshold,
			apiUserNames: new Set([credentials.userName.toLowerCase()]),
			zoneRoot: (c) => `${new URL(c.req.url).origin}${zoneRoot}`
		})
	);
	app.notFound((c) =>
		c.json(errorsBody([`No such Autotask resource: ${c.req.method} ${new URL(c.req.url).pathname}`]), 404)
	);
	app.onError((error, c) => {
		(opts.log ?? console.error)('Autotask simulator failed', error);
		return c.json(errorsBody(['An unexpected error occurred in the Autotask simulator.']), 500);
	});

	const server = createLoopbackServer('Autotask', app.fetch);
	const simulator: AutotaskSimulator = {
		app,
		control: createAutotaskControl({ state, usage, faults, credentials }),
		fetch: inProcessFetch(app),
		async listen(options = {}) {
			const origin = await server.listen(options);
			return { origin, zoneLookupUrl: simulator.zoneLookupUrl(origin) };
		},
		zoneLookupUrl: (origin) => `${origin}${lookupRoot}`,
		close: server.close
	};
	return simulator;
}
