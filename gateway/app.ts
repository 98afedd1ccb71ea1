// createApp(deps): the whole HTTP API as a Hono app built from injected parts. It uses only
// web-standard APIs; gateway/main.ts is the only file that knows it runs on Node.

import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { DomainError, ERRORS } from '../shared/errors.ts';
import { PUSH_LIMITS } from '../shared/sync/protocol.ts';
import { adminRoutes } from './admin/admin-routes.ts';
import { accountRoutes } from './auth/account-routes.ts';
import { authRoutes } from './auth/auth-routes.ts';
import { oidcRoutes } from './auth/oidc/oidc-routes.ts';
import type { OidcProviderConfigs } from './auth/oidc/oidc-providers.ts';
import type { PasswordHasher } from './auth/password-hasher.ts';
import { createMailSeal } from './mail/mail-seal.ts';
import { createMailboxMailer, type Mailer } from './mail/mailer.ts';
import { DEFAULT_SESSION_POLICY, type SessionPolicy } from './auth/sessions.ts';
import { createSignInAttempts } from './auth/sign-in-attempts.ts';
import type { AppEnv } from './http/app-env.ts';
import { bodyLimits } from './http/body-limits.ts';
import { compressJson } from './http/compress-json.ts';
import { unknownClientAddress, type ClientAddress } from './http/client-address.ts';
import { errorResponse } from './http/errors.ts';
import { docsRoutes } from './http/openapi/docs-routes.ts';
import { marketplaceRoutes } from './marketplace/availability-routes.ts';
import { incidentRoutes } from './incidents/report-routes.ts';
import { originCheck } from './http/origin-check.ts';
import { webhookRoutes } from './procurement/webhook-routes.ts';
import { securityHeaders } from './http/security-headers.ts';
import { createPsaServices, type PsaServices } from './psa/psa-services.ts';
import type { Store } from './store/store.ts';
import { createPokeHub, type PokeHub } from './sync/poke-hub.ts';
import { syncRoutes } from './sync/sync-routes.ts';

export type AppDeps = {
	store: Store;
	passwords: PasswordHasher;
	clock?: { now(): number };
	pokes?: PokeHub;
	sessionPolicy?: SessionPolicy;
	sandbox?: boolean;
	pullPageSize?: number;
	log?: (message: string, detail?: unknown) => void;
	/** Outgoing mail; defaults to the in-store mailbox, sealed under a key that lasts as long as the app. */
	mailer?: Mailer;
	/** Where links in mail point; defaults to http://localhost:8787. */
	publicUrl?: string;
	/** Sign-in with Google and Microsoft; a provider left out is off. */
	oidc?: OidcProviderConfigs;
	/** The client's address for per-address sign-in limits; the Node entry reads the connection. */
	clientAddress?: ClientAddress;
	/** PSA sync: providers, sealed credentials, the job runner; one that is never started by default. */
	psa?: PsaServices;
};

/** Sign-in, account and admin bodies are a few KB; a push has its own, larger limit. */
const API_BODY_BYTES = 1024 * 1024;

export async function createApp(deps: AppDeps) {
	const now = () => (deps.clock ?? Date).now();
	const pokes = deps.pokes ?? createPokeHub();
	const sessionPolicy = deps.sessionPolicy ?? DEFAULT_SESSION_POLICY;
	const log = deps.log ?? ((message, detail) => console.error(message, detail));
	const decoyHash = await deps.passwords.hash(crypto.randomUUID());
	const shared = { store: deps.store, now, sessionPolicy };
	const services = {
		mailer:
			deps.mailer ?? createMailboxMailer({ seal: await createMailSeal(crypto.getRandomValues(new Uint8Array(32))) }),
		publicUrl: deps.publicUrl ?? 'http://localhost:8787'
	};
	const psa = deps.psa ?? (await createPsaServices({ store: deps.store, pokes, clock: deps.clock, log }));
	const signIn = {
		attempts: createSignInAttempts(deps.store, now),
		clientAddress: deps.clientAddress ?? unknownClientAddress
	};

	const api = new Hono<AppEnv>()
		.get('/health', (c) => c.json({ ok: true, store: deps.store.kind, sandbox: deps.sandbox ?? false }))
		.route('/auth', authRoutes({ ...shared, ...signIn, passwords: deps.passwords, decoyHash }))
		.route('/auth', accountRoutes({ ...shared, ...signIn, ...services, passwords: deps.passwords, log }))
		.route('/admin', adminRoutes({ ...shared, psa, mailer: services.mailer, publicUrl: services.publicUrl }))
		.route('/auth/oidc', oidcRoutes({ ...shared, providers: deps.oidc ?? {}, publicUrl: services.publicUrl, log }))
		.route('/sync', syncRoutes({ ...shared, pokes, pullPageSize: deps.pullPageSize, log, services }))
		.route('/incidents', incidentRoutes({ ...shared, write: psa.write, mailer: services.mailer }))
		.route(
			'/marketplace',
			marketplaceRoutes({ ...shared, vault: psa.vault, outbound: psa.outbound, budget: psa.runner.budget, log })
		)
		.route('/webhooks', webhookRoutes({ store: deps.store, psa, now, log }))
		.route('/docs', docsRoutes());

	const app = new Hono<AppEnv>();
	app.use(securityHeaders(deps.publicUrl));
	app.use('/api/*', compressJson());
	app.use('/api/*', async (c, next) => {
		await next();
		// On the answer's own headers: c.header() here would rebuild the finished answer around its body.
		c.res.headers.set('Cache-Control', 'no-store');
	});
	app.use(
		'/api/*',
		bodyLimits({ defaultBytes: API_BODY_BYTES, byPath: { '/api/sync/push': PUSH_LIMITS.maxBodyBytes } })
	);
	app.use('/api/*', originCheck(deps.publicUrl));
	app.route('/api', api);
	app.all('/api/*', (c) => errorResponse(c, ERRORS.notFound.code, `No API route ${c.req.method} ${c.req.path}.`));
	app.onError((error, c) => {
		if (error instanceof DomainError) return errorResponse(c, error.code, error.message);
		if (error instanceof HTTPException && error.status < 500) {
			const message = /json/i.test(error.message) ? 'body: not valid JSON' : error.message;
			return c.json({ error: { code: ERRORS.invalidInput.code, message } }, error.status);
		}
		const requestId = crypto.randomUUID();
		log(`Unexpected error in ${c.req.method} ${c.req.path} (request ${requestId})`, error);
		// Outpost's own failures count towards an Outpost incident for the organisation that met them.
		const orgId = c.get('principal')?.orgId;
		if (orgId) void psa.health.record(orgId, 'outpost', 'server_error').catch(() => {});
		return c.json(
			{ error: { code: 'internal', message: `Something went wrong on our side (request ${requestId}).` } },
			500
		);
	});
	return { app, pokes, psa, mailer: services.mailer };
}

export type App = Awaited<ReturnType<typeof createApp>>['app'];
