// createConnectwiseSimulator(opts): a ConnectWise PSA tenant in-process, speaking the wire shapes of
// psa-apis.md §2 over real HTTP. Served on its own loopback port (`listen()`), or mounted in another
// Hono app with `app.all('/prefix/*', (c) => sim.app.fetch(c.req.raw, c.env))` and `basePath: '/prefix'`.
//
// URL layout under `{origin}{basePath}`: `/login/companyinfo/{companyId}` (no auth) names the codebase,
// and `/{codebase}apis/3.0/...` serves the API on that codebase and on the others cloud sites accept
// (`v4_6_release/`, any `vYYYY_N/`: see api-paths.ts).

import { Hono } from 'hono';
import { createFaultQueue } from '../../common/simulator/fault-queue.ts';
import { createLoopbackServer, inProcessFetch } from '../../common/simulator/loopback.ts';
import { absoluteLinks, apiPathOf, codebaseParam } from './api-paths.ts';
import { createConnectwiseControl, type ConnectwiseSimulatorControl } from './control.ts';
import type { Fault } from './faults.ts';
import { guard, type SimCredentials } from './guard.ts';
import { recordsApi } from './records-api.ts';
import { defaultOpportunityStatuses } from './seed-builders.ts';
import { errorBody, type SimEnv } from './sim-env.ts';
import { createSimState } from './sim-state.ts';
import { createUsage } from './usage.ts';

export type { ConnectwiseSimulatorControl } from './control.ts';
export type { FaultSpec } from './faults.ts';

/** The sandbox tenant's API member keys, used when no credentials are given. */
export const SANDBOX_CREDENTIALS: SimCredentials = {
	companyId: 'outpost_sandbox',
	publicKey: 'OutpostSandboxPublic',
	privateKey: 'outpost-sandbox-private',
	clientId: '00000000-0000-4000-8000-0000000c0de5'
};

/** Cloud codebase of the simulated release (§2.1 [V] format). */
export const SANDBOX_CODEBASE = 'v2025_1/';

export type ConnectwiseSimulatorOptions = {
	/** Where the simulator is mounted in a bigger app (`/sandbox/connectwise`); '' on its own port. */
	basePath?: string;
	credentials?: SimCredentials;
	codebase?: string;
	clock?: { now(): number };
	/** How `delay` faults wait; tests may pass a fake. */
	sleep?: (ms: number) => Promise<void>;
	/** The first id each table hands out; ids then count up, so runs are reproducible. */
	firstId?: number;
	log?: (message: string, detail?: unknown) => void;
};

export type ConnectwiseSimulator = {
	app: Hono<SimEnv>;
	control: ConnectwiseSimulatorControl;
	/** An in-process fetch (no socket): a connection-reset fault rejects with fetch's TypeError. */
	fetch(input: string | URL | Request, init?: RequestInit): Promise<Response>;
	/** Serves on loopback (port 0 picks a free one); `site` is what the credentials' `site` should be. */
	listen(options?: { port?: number; hostname?: string }): Promise<{ origin: string; site: string }>;
	close(): Promise<void>;
};

export function createConnectwiseSimulator(opts: ConnectwiseSimulatorOptions = {}): ConnectwiseSimulator {
	const basePath = (opts.basePath ?? '').replace(/\/+$/, '');
	const now = () => (opts.clock ?? Date).now();
	const credentials = opts.credentials ?? SANDBOX_CREDENTIALS;
	const codebase = opts.codebase ?? SANDBOX_CODEBASE;
	const state = createSimState(opts.firstId ?? 100);
	defaultOpportunityStatuses().forEach((s) => state.insert('opportunityStatuses', s));
	const usage = createUsage();
	const faults = createFaultQueue<Fault>();
	const guardDeps = {
		usage,
		faults,
		credentials,
		now,
		sleep: opts.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)))
	};
	const apiRoot = `${basePath}/${codebaseParam(codebase)}/apis/3.0`;

	const app = new Hono<SimEnv>();
	app.get(
		`${basePath}/login/companyinfo/:companyId`,
		guard(guardDeps, { meta: true, pathOf: (p) => p.slice(basePath.length) }),
		(c) => {
			if (c.req.param('companyId').toLowerCase() !== credentials.companyId.toLowerCase()) {
				// [UNVERIFIED]: what a wrong company id answers; the client reads any non-JSON-shaped answer as a failure.
				return c.json(errorBody('NotFound', `Company ${c.req.param('companyId')} was not found.`), 404);
			}
			const origin = new URL(c.req.url).origin;
			return c.json({
				CompanyName: 'Outpost Sandbox MSP',
				Codebase: codebase,
				VersionCode: 'v2025.1',
				VersionNumber: 'v4.6.98765',
				CompanyID: credentials.companyId,
				IsCloud: 'True',
				SiteUrl: `${origin}${basePath}`
			});
		}
	);
	app.use(`${apiRoot}/*`, guard(guardDeps, { meta: false, pathOf: apiPathOf }), absoluteLinks());
	app.route(apiRoot, recordsApi({ state, now, apiMember: credentials.publicKey }));
	app.notFound((c) =>
		c.json(errorBody('NotFound', `No such ConnectWise resource: ${c.req.method} ${new URL(c.req.url).pathname}`), 404)
	);
	app.onError((error, c) => {
		(opts.log ?? console.error)('ConnectWise simulator failed', error);
		return c.json(
			errorBody('UnexpectedServerError', 'An unexpected error occurred in the ConnectWise simulator.'),
			500
		);
	});

	const server = createLoopbackServer('ConnectWise', app.fetch);
	return {
		app,
		control: createConnectwiseControl({ state, usage, faults, credentials, now }),
		fetch: inProcessFetch(app),
		async listen(options = {}) {
			const origin = await server.listen(options);
			return { origin, site: `${origin}${basePath}` };
		},
		close: server.close
	};
}
