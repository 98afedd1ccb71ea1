// The route fuzzer: every route the Hono app knows (app.routes), and paths it does not, called over
// real HTTP signed out, with a forged session, as a Product viewer and as the admin, with hostile
// path parameters, query strings, bodies (schema-shaped where the route has a schema, any JSON or
// no JSON at all otherwise), content types, cookies and origins. Whatever is sent, the gateway
// answers below 500 and every 4xx is { error: { code, message } } with a code and a sentence.
// Outbound calls (a credentials test) never leave the process; none may go to an internal address.

import { ingramCredentialsSchema } from '../connectors/ingrammicro/client/credentials.ts';
import { tdSynnexCredentialsSchema } from '../connectors/tdsynnex/client/credentials.ts';
import { orderEventSchema } from '../connectors/ingrammicro/webhook/payload.ts';
import { webhookSecretBody } from '../distributors/webhook-settings-routes.ts';
import fc from 'fast-check';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emailRequestSchema, newPasswordRequestSchema } from '../../shared/auth/account-links.ts';
import { incidentReportSchema } from '../../shared/incidents/incident-report.ts';
import { availabilityRequestSchema } from '../../shared/marketplace/availability.ts';
import { pullRequestSchema, pushRequestSchema } from '../../shared/sync/protocol.ts';
import { createApp } from '../app.ts';
import { DEMO_USERS } from '../demo/demo-data.ts';
import { PSA_PROVIDERS } from '../psa/all-providers.ts';
import { startGateway, TEST_PASSWORDS, type Gateway, type HttpClient } from '../test/http-harness.ts';
import { STORE_KINDS } from '../test/stores.ts';
import { fuzzParameters, shown } from './fuzz-parameters.ts';
import { hostileValue, NASTY_STRINGS, toJsonText } from './hostile-json.ts';
import { installOutboundGuard, isInternalHost, type OutboundGuard } from './outbound-guard.ts';
import { cookieHeader, rawRequest, type RawRequest } from './raw-request.ts';
import { argsArbitrary, type Pools } from './schema-arbitrary.ts';

const ADMIN = 'admin@demo.outpost.test';
const VIEWER = 'viewer@demo.outpost.test';
const RUNS = { sqlite: 18, postgres: 4 };
const SESSIONS = ['signed out', 'forged session', 'viewer', 'admin'] as const;
type Session = (typeof SESSIONS)[number];

const POOLS: Pools = {
	ids: { any: ['company-acme', 'quote-acme-firewall', 'cg-1', 'c-1'] },
	// The fuzzing sessions' own accounts stay out: failed sign-ins would lock them.
	emails: DEMO_USERS.map((u) => u.email).filter((e) => e !== ADMIN && e !== VIEWER)
};

/** Request bodies of the routes that read one, as their handlers' schemas describe them. */
const BODIES: Record<string, z.ZodType> = {
	'POST /api/auth/login': z.object({ email: z.string(), password: z.string().min(1).max(1_000) }),
	'POST /api/auth/invitation/:token': newPasswordRequestSchema,
	'POST /api/auth/password-reset': emailRequestSchema,
	'POST /api/auth/password-reset/:token': newPasswordRequestSchema,
	'POST /api/auth/verify-email/resend': emailRequestSchema,
	'PUT /api/admin/integrations/:provider/credentials': z.object({
		credentials: z.union(Object.values(PSA_PROVIDERS).map((spec) => spec.credentials))
	}),
	'PUT /api/admin/distributors/:distributor/credentials': z.object({
		credentials: z.union([ingramCredentialsSchema, tdSynnexCredentialsSchema])
	}),
	'POST /api/sync/push': pushRequestSchema,
	'POST /api/sync/pull': pullRequestSchema,
	'POST /api/incidents/report': incidentReportSchema,
	'POST /api/marketplace/availability': availabilityRequestSchema,
	'POST /api/webhooks/ingrammicro/:orgId/:token': orderEventSchema,
	'PUT /api/admin/distributors/ingrammicro/webhook': webhookSecretBody
};

/** Routes that change state without reading a body: fuzzed with hostile bodies all the same. */
const NO_BODY = new Set([
	'POST /api/auth/logout',
	'POST /api/auth/verify-email/:token',
	'POST /api/admin/integrations/:provider/test',
	'DELETE /api/admin/integrations/:provider/credentials',
	'POST /api/admin/distributors/:distributor/test',
	'DELETE /api/admin/distributors/:distributor/credentials',
	'DELETE /api/admin/distributors/ingrammicro/webhook'
]);

const QUERIES: Record<string, z.ZodType> = {
	'GET /api/admin/mailbox': z.object({ limit: z.number().int().min(1).max(500) }),
	'GET /api/auth/oidc/:provider/start': z.object({
		login_hint: z.string().max(320).optional(),
		return_to: z.string().max(2_000).optional()
	})
};

const PARAMS: Record<string, fc.Arbitrary<string>> = {
	provider: fc.constantFrom('autotask', 'connectwise', 'halopsa', 'google', 'microsoft', 'kaseya', '__proto__'),
	distributor: fc.constantFrom('ingrammicro', 'tdsynnex', 'dandh', '__proto__'),
	orgId: fc.constantFrom('org-demo', 'org-nobody', '__proto__', 'x'.repeat(101)),
	token: fc.constantFrom('A'.repeat(43), 'a-b_c'.repeat(8), 'x'.repeat(201))
};

const rawSegment = fc.oneof(
	fc.constantFrom(...NASTY_STRINGS.filter((s) => s !== '')).map(encodeSegment),
	// Not '..': the client resolves it before sending, so it never reaches the API.
	fc.constantFrom('%', '%E0%A4%A', '%C0%AE%C0%AE', '%2F', '%00', '%uD800', '%ED%A0%80', ';', 'a%20b'),
	fc.string({ minLength: 1, maxLength: 30 }).map(encodeSegment),
	fc.constant('x'.repeat(3_000))
);

const rawQuery = fc.oneof(
	fc.constant(''),
	fc
		.dictionary(fc.constantFrom('limit', 'login_hint', 'return_to', '__proto__', 'cookie', 'x'), fc.string(), {
			maxKeys: 3
		})
		.map((q) => `?${new URLSearchParams(q)}`),
	fc.constantFrom(
		'?limit=1e999',
		'?limit=-1',
		'?limit=NaN',
		'?limit=1&limit=2',
		'?limit[]=1',
		'?%',
		'?a=%E0%A4%A',
		'?__proto__[isAdmin]=1',
		'?return_to=https://evil.example/',
		'?return_to=//evil.example',
		'?return_to=/%0d%0aSet-Cookie:x=1',
		`?login_hint=${'x'.repeat(10_000)}`
	)
);

const rawBody: fc.Arbitrary<string | undefined> = fc.oneof(
	fc.constant(undefined),
	hostileValue().map(toJsonText),
	fc.constantFrom(
		'',
		'{',
		'null',
		'[]',
		'"x"',
		'\u0000',
		'\uFEFF{}',
		'not json',
		'{"a":1}{"b":2}',
		'{"__proto__":{"isAdmin":true}}'
	),
	fc.string({ unit: 'binary', maxLength: 50 })
);

const contentType = fc.constantFrom<string | undefined>(
	'application/json',
	'application/json',
	'application/json; charset=utf-16',
	'text/plain',
	'application/x-www-form-urlencoded',
	'multipart/form-data; boundary=x',
	undefined
);

describe.each(STORE_KINDS)('route fuzzer on $name', (kind) => {
	let gw: Gateway;
	let guard: OutboundGuard;
	let routes: { method: string; path: string }[];
	const clients = new Map<Session, HttpClient | null>();

	async function signIn(session: Session): Promise<HttpClient | null> {
		if (session === 'admin') return gw.login(ADMIN);
		if (session === 'viewer') return gw.login(VIEWER);
		return null;
	}

	beforeAll(async () => {
		let origin: string | null = null;
		guard = installOutboundGuard(() => origin);
		// Every request its own address: fuzzed sign-ins must not throttle the sessions' own.
		gw = await startGateway(kind, { clientAddress: () => crypto.randomUUID() });
		origin = new URL(gw.baseUrl).origin;
		const probe = await createApp({ store: gw.store, passwords: TEST_PASSWORDS, log: () => {} });
		probe.pokes.close();
		const seen = new Set<string>();
		routes = probe.app.routes
			.filter((r) => r.method !== 'ALL' && !seen.has(`${r.method} ${r.path}`) && seen.add(`${r.method} ${r.path}`))
			.map((r) => ({ method: r.method, path: r.path }));
		routes.push({ method: 'GET', path: '/api/:unknown' }, { method: 'POST', path: '/api/sync/:unknown' });
		for (const session of SESSIONS) clients.set(session, await signIn(session));
	});
	afterAll(async () => {
		guard?.uninstall();
		await gw?.close();
	});

	it('knows the routes it fuzzes', () => {
		expect(routes.length).toBeGreaterThan(15);
		const keys = routes.map((r) => `${r.method} ${r.path}`);
		expect(keys).toEqual(expect.arrayContaining([...Object.keys(BODIES), ...NO_BODY]));
		// A new route that takes a body gets a schema-shaped body here, or says it reads none.
		const writes = keys.filter((k) => !k.startsWith('GET ') && !k.includes(':unknown'));
		expect(writes.filter((k) => !(k in BODIES) && !NO_BODY.has(k))).toEqual([]);
	});

	for (const session of SESSIONS) {
		it(`every route ${session}: no 5xx, and every 4xx is { error: { code, message } }`, async () => {
			for (const route of routes) {
				const key = `${route.method} ${route.path}`;
				const request = fc.record({
					method: fc.oneof(
						{ weight: 9, arbitrary: fc.constant(route.method) },
						{ weight: 1, arbitrary: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD') }
					),
					path: pathOf(route.path),
					query: QUERIES[key] ? fc.oneof(argsArbitrary(QUERIES[key], POOLS).map(toQuery), rawQuery) : rawQuery,
					body: BODIES[key]
						? fc.oneof({ weight: 3, arbitrary: argsArbitrary(BODIES[key], POOLS).map(toJsonText) }, rawBody)
						: rawBody,
					contentType,
					origin: fc.constantFrom<string | undefined>(undefined, undefined, 'same', 'https://evil.example', 'null'),
					cookie: session === 'forged session' ? forgedCookie : fc.constant(undefined)
				});
				await fc.assert(
					fc.asyncProperty(request, async (r) => {
						const client = clients.get(session);
						const headers: Record<string, string> = {};
						if (r.contentType) headers['content-type'] = r.contentType;
						if (r.origin) headers.origin = r.origin === 'same' ? new URL(gw.baseUrl).origin : r.origin;
						if (client) headers.cookie = cookieHeader(client.cookies);
						if (r.cookie) headers.cookie = r.cookie;
						// Node answers 431 with no body past 16 KB of request line and headers, before the app sees it.
						const target = r.path + r.query.slice(0, 4_000);
						const sent: RawRequest = { method: r.method, target, headers, body: r.body };
						const res = await rawRequest(gw.baseUrl, sent);
						const context = `${key} ${session}: ${r.method} ${shown(sent.target, 200)} ${shown(JSON.stringify(headers), 200)} ${shown(r.body ?? '', 300)}\n→ ${res.status} ${shown(res.text)}`;
						expect(res.status, context).toBeLessThan(500);
						if (res.status >= 400 && r.method !== 'HEAD') {
							const error = (res.json as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
							expect(typeof error?.code, context).toBe('string');
							expect(error!.code, context).toMatch(/^[a-z][a-z_]+$/);
							expect(typeof error!.message, context).toBe('string');
							expect((error!.message as string).trim(), context).not.toBe('');
						}
						// Signing out (or any route that ends the session) must not end the fuzzing itself.
						if (client && (await client.get('/api/auth/me')).status === 401)
							clients.set(session, await signIn(session));
					}),
					fuzzParameters(kind, RUNS)
				);
			}
		}, 120_000);
	}

	it('credentials an admin enters for a PSA, shaped by that PSA’s own schema: no 5xx', async () => {
		const admin = clients.get('admin')!;
		const entry = fc.constantFrom(...(Object.keys(PSA_PROVIDERS) as (keyof typeof PSA_PROVIDERS)[])).chain((provider) =>
			argsArbitrary(PSA_PROVIDERS[provider]!.credentials, { ...POOLS, ids: {} }).map((credentials) => ({
				provider,
				credentials
			}))
		);
		await fc.assert(
			fc.asyncProperty(entry, async ({ provider, credentials }) => {
				const body = toJsonText({ credentials });
				const res = await rawRequest(gw.baseUrl, {
					method: 'PUT',
					target: `/api/admin/integrations/${provider}/credentials`,
					headers: { 'content-type': 'application/json', cookie: cookieHeader(admin.cookies) },
					body
				});
				expect(
					res.status,
					`PUT ${provider} credentials ${shown(body)}\n→ ${res.status} ${shown(res.text)}`
				).toBeLessThan(500);
			}),
			{ ...fuzzParameters(kind, { sqlite: 30, postgres: 8 }), examples: CREDENTIAL_EXAMPLES }
		);
	});

	it('the fuzzing above never made the gateway call an internal address', () => {
		expect(guard.attempts.filter(isInternalHost).map(String)).toEqual([]);
	});

	it('admin-entered PSA addresses on loopback, private or link-local networks are never called', async () => {
		const admin = clients.get('admin')!;
		const internal = [
			'http://127.0.0.1:8787',
			'http://localhost:5432',
			'http://[::1]:6379',
			'http://10.0.0.1',
			'http://192.168.1.1',
			'http://169.254.169.254/latest/meta-data',
			'http://0.0.0.0:8787'
		];
		for (const url of internal) {
			const bodies = {
				autotask: { apiIntegrationCode: 'code', userName: 'api@msp.test', secret: 's', zoneLookupUrl: url },
				connectwise: { site: url, companyId: 'cw', publicKey: 'p', privateKey: 'k', clientId: 'c' },
				halopsa: { resourceUrl: `${url}/api`, authUrl: `${url}/auth`, clientId: 'c', clientSecret: 's' }
			};
			for (const [provider, credentials] of Object.entries(bodies)) {
				await admin.put(`/api/admin/integrations/${provider}/credentials`, { credentials });
			}
		}
		expect(guard.attempts.filter(isInternalHost).map(String)).toEqual([]);
	});
});

const LONG = 'x'.repeat(150_000);
/** Tried first, every time: a site that is not a URL, and secrets too long to seal in one call. */
const CREDENTIAL_EXAMPLES: [{ provider: keyof typeof PSA_PROVIDERS; credentials: unknown }][] = [
	[
		{
			provider: 'connectwise',
			credentials: { site: 'not a url', companyId: 'cw', publicKey: 'p', privateKey: 'k', clientId: 'c' }
		}
	],
	[
		{
			provider: 'connectwise',
			credentials: {
				site: 'https://api-na.example.invalid',
				companyId: 'cw',
				publicKey: 'p',
				privateKey: LONG,
				clientId: 'c'
			}
		}
	],
	// Found by the fuzzer on Postgres: a 500.
	[
		{
			provider: 'connectwise',
			credentials: {
				site: 'https://api-na.example.invalid',
				companyId: '\ud800',
				publicKey: 'p',
				privateKey: 'k',
				clientId: '\u0000'
			}
		}
	],
	[{ provider: 'autotask', credentials: { apiIntegrationCode: 'code', userName: 'api@msp.example', secret: LONG } }],
	[
		{
			provider: 'halopsa',
			credentials: {
				resourceUrl: 'https://msp.example.invalid/api',
				authUrl: 'https://msp.example.invalid/auth',
				clientId: 'c',
				clientSecret: LONG
			}
		}
	]
];

function pathOf(pattern: string): fc.Arbitrary<string> {
	const parts = pattern.split('/').map((part) => {
		if (!part.startsWith(':')) return fc.constant(part);
		const known = PARAMS[part.slice(1)];
		return known ? fc.oneof({ weight: 3, arbitrary: known }, rawSegment) : rawSegment;
	});
	return fc.tuple(...parts).map((segments) => segments.join('/'));
}

/** A lone surrogate cannot be percent-encoded as UTF-8; it goes as the bytes a careless client sends. */
function encodeSegment(text: string): string {
	try {
		return encodeURIComponent(text);
	} catch {
		return text.replace(/[\uD800-\uDFFF]/g, '%ED%A0%80');
	}
}

function toQuery(value: unknown): string {
	if (value === null || typeof value !== 'object' || Array.isArray(value)) return `?q=${encodeSegment(String(value))}`;
	const entries = Object.entries(value).filter(([, v]) => v !== undefined);
	return `?${entries.map(([k, v]) => `${encodeSegment(k)}=${encodeSegment(typeof v === 'string' ? v : toJsonText(v))}`).join('&')}`;
}

const forgedCookie = fc.oneof(
	fc.constantFrom(
		'outpost_session=',
		'outpost_session=x',
		`outpost_session=${'A'.repeat(43)}`,
		`outpost_session=${'x'.repeat(4_000)}`,
		'outpost_session=%E0%A4%A',
		'outpost_session=a; outpost_session=b',
		'outpost_session="\\u0000"'
	),
	fc.string({ minLength: 1, maxLength: 60 }).map((s) => `outpost_session=${encodeSegment(s)}`)
);
