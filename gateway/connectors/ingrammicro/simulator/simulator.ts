// createIngramSimulator(opts): the Ingram Micro Reseller API v6 in-process, speaking the wire shapes of
// psa-apis.md §4 over real HTTP on its own loopback port (`listen()`). The OAuth server is at
// `/oauth/oauth20/token`, the reseller calls at `/resellers/...`, both under `{origin}{basePath}`.

import { Hono } from 'hono';
import { createFaultQueue } from '../../common/simulator/fault-queue.ts';
import { createLoopbackServer, inProcessFetch } from '../../common/simulator/loopback.ts';
import { createCatalog } from './catalog.ts';
import { createIngramControl, type IngramSimulatorControl } from './control.ts';
import { endpointOf } from './endpoints.ts';
import type { Fault } from './faults.ts';
import { guard } from './guard.ts';
import { createOrderBook } from './orders.ts';
import { resellerApi, tokenHandler, type SimCredentials } from './routes.ts';
import type { SimEnv } from './sim-env.ts';
import { createTokenStore } from './tokens.ts';
import { createUsage } from './usage.ts';
import { createWebhookSender } from './webhooks.ts';

export type { IngramSimulatorControl } from './control.ts';
export type { FaultSpec } from './faults.ts';
export type { SimCredentials } from './routes.ts';
export type { WebhookDelivery, WebhookTarget } from './webhooks.ts';

/** The sandbox's API app and reseller account, used when no credentials are given. */
export const SANDBOX_CREDENTIALS: SimCredentials = {
	clientId: 'outpost-sandbox-ingram',
	clientSecret: 'outpost-sandbox-ingram-secret',
	customerNumber: '20-222222',
	countryCode: 'US'
};

export type IngramSimulatorOptions = {
	basePath?: string;
	credentials?: SimCredentials;
	clock?: { now(): number };
	/** How `delay` faults wait; tests may pass a fake. */
	sleep?: (ms: number) => Promise<void>;
	/** `expires_in` of issued tokens (§4.2: 24 hours, the sample says 30 days). */
	tokenLifetimeSeconds?: number;
	/** Calls per minute per endpoint before a 429 (§4.6: 60 for GETs). */
	perMinute?: number;
	/** Orders ship by themselves after this many detail reads (sandbox: statuses move); null: never. */
	autoShipAfterPolls?: number | null;
	log?: (message: string, detail?: unknown) => void;
};

export type IngramSimulator = {
	app: Hono<SimEnv>;
	control: IngramSimulatorControl;
	fetch(input: string | URL | Request, init?: RequestInit): Promise<Response>;
	/** Serves on loopback (port 0 picks a free one); `apiUrl` is what the client's credentials name. */
	listen(options?: { port?: number; hostname?: string }): Promise<{ origin: string; apiUrl: string }>;
	close(): Promise<void>;
};

export function createIngramSimulator(opts: IngramSimulatorOptions = {}): IngramSimulator {
	const basePath = (opts.basePath ?? '').replace(/\/+$/, '');
	const now = () => (opts.clock ?? Date).now();
	const credentials = opts.credentials ?? SANDBOX_CREDENTIALS;
	const tokens = createTokenStore({ now, lifetimeSeconds: opts.tokenLifetimeSeconds ?? 86_400 });
	const usage = createUsage({ now, perMinute: opts.perMinute ?? 60 });
	const faults = createFaultQueue<Fault>();
	const catalog = createCatalog();
	const webhooks = createWebhookSender({ now, log: opts.log ?? console.error });
	const orders = createOrderBook({
		catalog,
		now,
		autoShipAfterPolls: opts.autoShipAfterPolls ?? null,
		onMoved: (order, eventType) => webhooks.notify(order, eventType)
	});
	const conditions = {
		maintenance: false,
		customerNumber: credentials.customerNumber,
		revoked: false,
		clientSecret: credentials.clientSecret
	};
	const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
	const guardDeps = {
		usage,
		faults,
		tokens,
		conditions,
		sleep,
		now,
		endpointOf: (c: { req: { method: string; url: string } }) => {
			const path = new URL(c.req.url).pathname.slice(basePath.length);
			return { key: endpointOf(c.req.method, path), path };
		}
	};

	const app = new Hono<SimEnv>();
	const token = tokenHandler({
		credentials: () => (conditions.revoked ? null : { ...credentials, clientSecret: conditions.clientSecret }),
		tokens
	});
	app.on(['POST', 'GET'], `${basePath}/oauth/oauth20/token`, guard(guardDeps, { bearer: false }), token);
	app.use(`${basePath}/resellers/*`, guard(guardDeps, { bearer: true }));
	app.route(`${basePath}/resellers`, resellerApi({ catalog, orders }));
	app.notFound((c) =>
		c.json(
			{
				id: 'sim',
				type: 'about:blank',
				message: `No such Ingram Micro resource: ${c.req.method} ${new URL(c.req.url).pathname}`
			},
			404
		)
	);
	app.onError((error, c) => {
		(opts.log ?? console.error)('Ingram Micro simulator failed', error);
		return c.json(
			{
				fault: {
					faultstring: 'An unexpected error occurred in the Ingram Micro simulator.',
					detail: { errorcode: 'sim' }
				}
			},
			500
		);
	});

	const server = createLoopbackServer('Ingram Micro', app.fetch);
	return {
		app,
		control: createIngramControl({ catalog, orders, usage, faults, tokens, conditions, credentials, webhooks }),
		fetch: inProcessFetch(app),
		async listen(options = {}) {
			const origin = await server.listen(options);
			return { origin, apiUrl: `${origin}${basePath}` };
		},
		close: server.close
	};
}
