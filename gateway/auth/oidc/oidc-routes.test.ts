import type { Payload } from 'oauth2-mock-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoginMethod, User } from '../../../shared/schema/identity-entities.ts';
import { demoUserId } from '../../demo/seed-demo.ts';
import { startMockOidcProvider, type MockOidcProvider } from '../../platform/mock-oidc-provider.ts';
import { patchEntity } from '../../test/edit-entity.ts';
import { startGateway, type Gateway } from '../../test/http-harness.ts';
import { STORE_KINDS } from '../../test/stores.ts';
import { SESSION_COOKIE } from '../sessions.ts';
import { OIDC_PROVIDERS, type OidcProviderName } from './oidc-providers.ts';
import { authorize, callback, hop, signInWith, start, tweakIdTokens, whoAmI, type Hop } from './sign-in-journey.ts';

const PUBLIC_URL = 'http://outpost.test';

let mocks: Record<OidcProviderName, MockOidcProvider>;

beforeAll(async () => {
	mocks = { google: await startMockOidcProvider('Google'), microsoft: await startMockOidcProvider('Microsoft') };
});

afterAll(async () => {
	await Promise.all(Object.values(mocks ?? {}).map((m) => m.close()));
});

const configOf = ({ issuer, clientId, clientSecret }: MockOidcProvider) => ({ issuer, clientId, clientSecret });

/** Where a refusal sends the browser: the sign-in page with the code and the provider. */
function refusal(code: string, provider: OidcProviderName, allowed?: LoginMethod[]): string {
	const query = new URLSearchParams({ signin_error: code, method: provider });
	if (allowed) query.set('allowed', allowed.join(','));
	return `/?${query}`;
}

function expectNoSession(res: Hop) {
	expect(res.setCookies.filter((c) => c.startsWith(`${SESSION_COOKIE}=`))).toEqual([]);
}

describe.each(STORE_KINDS)('/api/auth/oidc on $name', (kind) => {
	let gw: Gateway;
	const logged: string[] = [];
	const identities = (userId: string) =>
		gw.store.db.selectFrom('user_identities').selectAll().where('user_id', '=', userId).orderBy('provider').execute();
	const emailVerified = async (userId: string) =>
		(await gw.store.db.selectFrom('users').select('email_verified').where('id', '=', userId).executeTakeFirstOrThrow())
			.email_verified;
	const setEmailVerified = (userId: string, value: number) =>
		gw.store.db.updateTable('users').set({ email_verified: value }).where('id', '=', userId).execute();

	/** Runs `body` with the user changed, then puts the user back as seeded. */
	async function withUser(email: string, patch: Partial<User>, body: () => Promise<void>) {
		const id = demoUserId(email);
		const before = await gw.store.db
			.selectFrom('entities')
			.select('value')
			.where('tbl', '=', 'users')
			.where('id', '=', id)
			.executeTakeFirstOrThrow();
		await patchEntity(gw.store, 'users', id, patch);
		try {
			await body();
		} finally {
			await patchEntity(gw.store, 'users', id, JSON.parse(before.value));
		}
	}

	beforeAll(async () => {
		gw = await startGateway(kind, {
			oidc: { google: configOf(mocks.google), microsoft: configOf(mocks.microsoft) },
			publicUrl: PUBLIC_URL,
			log: (message) => void logged.push(message)
		});
	});
	afterAll(async () => {
		await gw?.close();
	});

	it('lists the enabled providers', async () => {
		const res = await gw.client().get('/api/auth/oidc/providers');
		expect(res.status).toBe(200);
		expect(res.body).toEqual({
			providers: [
				{ id: 'google', name: 'Google' },
				{ id: 'microsoft', name: 'Microsoft' }
			]
		});
	});

	it('answers an unknown provider with 404', async () => {
		expect((await hop(`${gw.baseUrl}/api/auth/oidc/github/start`, new Map())).status).toBe(404);
		expect((await hop(`${gw.baseUrl}/api/auth/oidc/github/callback`, new Map())).status).toBe(404);
	});

	describe.each(OIDC_PROVIDERS)('with %s', (provider) => {
		const mock = () => mocks[provider];

		it('redirects to the provider with PKCE, state, nonce and the login hint, holding them in a sealed cookie', async () => {
			const res = await start(gw, provider, { login_hint: 'sales@demo.outpost.test' });
			expect(res.status).toBe(302);
			const to = new URL(res.location!);
			expect(to.origin + to.pathname).toBe(`${mock().issuer}/authorize`);
			expect(Object.fromEntries(to.searchParams)).toMatchObject({
				client_id: mock().clientId,
				redirect_uri: `${PUBLIC_URL}/api/auth/oidc/${provider}/callback`,
				response_type: 'code',
				scope: 'openid email profile',
				code_challenge_method: 'S256',
				login_hint: 'sales@demo.outpost.test'
			});
			for (const p of ['state', 'nonce', 'code_challenge'])
				expect(to.searchParams.get(p)?.length).toBeGreaterThanOrEqual(22);
			const cookie = res.setCookies.find((c) => c.startsWith(`outpost_oidc_${provider}=`))!;
			expect(cookie).toMatch(/;\s*HttpOnly/i);
			expect(cookie).toMatch(/;\s*SameSite=Lax/i);
			expect(cookie).toMatch(new RegExp(`;\\s*Path=/api/auth/oidc/${provider}(;|$)`, 'i'));
			expect(cookie).toMatch(/;\s*Max-Age=600\b/i);
			// Sealed: neither the verifier nor the state is there in the clear.
			expect(cookie).not.toContain(to.searchParams.get('state')!);
		});

		it('signs in, links the identity and goes to /quotes', async () => {
			const res = await signInWith(gw, provider, 'sales@demo.outpost.test');
			expect(res.status).toBe(302);
			expect(res.location).toBe('/quotes');
			const session = res.setCookies.find((c) => c.startsWith(`${SESSION_COOKIE}=`));
			expect(session).toMatch(/;\s*HttpOnly/i);
			expect(session).toMatch(/;\s*SameSite=Lax/i);
			expect(res.jar.has(`outpost_oidc_${provider}`)).toBe(false); // the flow cookie is spent
			const me = await whoAmI(gw, res.jar);
			expect(me.status).toBe(200);
			expect(me.body.user).toMatchObject({ email: 'sales@demo.outpost.test', name: 'Sam Sales' });
			const linked = (await identities(demoUserId('sales@demo.outpost.test'))).filter((i) => i.provider === provider);
			expect(linked).toHaveLength(1);
			expect(linked[0]!.subject).toMatch(/^[0-9a-f]{24}$/);
		});

		it('ends the session the browser held before signing in', async () => {
			const before = await gw.login('viewer@demo.outpost.test');
			const jar = new Map([[SESSION_COOKIE, before.cookies.get(SESSION_COOKIE)!]]);
			const started = await start(gw, provider, { login_hint: 'sales@demo.outpost.test' }, jar);
			const done = await callback(gw, await authorize(started.location!), jar);
			expect(done.location).toBe('/quotes');
			expect((await whoAmI(gw, jar)).body.user.email).toBe('sales@demo.outpost.test');
			expect((await before.get('/api/auth/me')).status).toBe(401);
		});

		it('finds the account by subject on later sign-ins, even after the address changed at the provider', async () => {
			const catalog = demoUserId('catalog@demo.outpost.test');
			expect((await signInWith(gw, provider, 'catalog@demo.outpost.test')).location).toBe('/quotes');
			for (const email of ['cat@new-employer.example', 'viewer@demo.outpost.test']) {
				const untweak = tweakIdTokens(mock(), (payload) => {
					payload.email = email;
				});
				try {
					const res = await signInWith(gw, provider, 'catalog@demo.outpost.test');
					expect(res.location, email).toBe('/quotes');
					expect((await whoAmI(gw, res.jar)).body.user.id).toBe(catalog);
				} finally {
					untweak();
				}
			}
			expect((await identities(catalog)).filter((i) => i.provider === provider)).toHaveLength(1);
		});

		it('goes back to a same-site return_to and ignores any other', async () => {
			const cases = [
				['/quotes/q-1?tab=lines', '/quotes/q-1?tab=lines'],
				['//evil.example', '/quotes'],
				['https://evil.example', '/quotes'],
				['/\\evil.example', '/quotes']
			];
			for (const [returnTo, expected] of cases) {
				const res = await signInWith(gw, provider, 'sales@demo.outpost.test', { return_to: returnTo! });
				expect(res.location, returnTo).toBe(expected);
			}
		});

		it('refuses a callback whose state does not match the cookie', async () => {
			const jar = new Map<string, string>();
			const started = await start(gw, provider, { login_hint: 'sales@demo.outpost.test' }, jar);
			const back = await authorize(started.location!);
			back.searchParams.set('state', 'forged-state-forged-state-forged');
			const res = await callback(gw, back, jar);
			expect(res.location).toBe(refusal('provider_sign_in_failed', provider));
			expectNoSession(res);
			expect(logged.at(-1)).toMatch(/"state"/);
		});

		it('refuses a callback without the cookie of the browser that started it, or with a tampered one', async () => {
			const jar = new Map<string, string>();
			const started = await start(gw, provider, { login_hint: 'sales@demo.outpost.test' }, jar);
			const back = await authorize(started.location!);
			const bare = await callback(gw, back, new Map());
			expect(bare.location).toBe(refusal('provider_sign_in_failed', provider));
			const name = `outpost_oidc_${provider}`;
			const [payload, signature] = jar.get(name)!.split('.');
			const flow = JSON.parse(Buffer.from(payload!, 'base64url').toString());
			const forged = Buffer.from(JSON.stringify({ ...flow, returnTo: '/elsewhere' })).toString('base64url');
			const tampered = await callback(gw, back, new Map([[name, `${forged}.${signature}`]]));
			expect(tampered.location).toBe(refusal('provider_sign_in_failed', provider));
			expectNoSession(tampered);
			expect(logged.at(-1)).toMatch(/no sign-in in progress/);
		});

		it('refuses a replayed callback: the state and the code work once', async () => {
			const first = await signInWith(gw, provider, 'sales@demo.outpost.test');
			expect(first.location).toBe('/quotes');
			const replay = await callback(gw, first.callbackUrl, new Map(first.flowCookies));
			expect(replay.location).toBe(refusal('provider_sign_in_failed', provider));
			expectNoSession(replay);
			expect(logged.at(-1)).toMatch(/came back twice/);
			// The used code under a fresh, valid flow: the provider no longer knows it.
			const jar = new Map<string, string>();
			const fresh = await start(gw, provider, { login_hint: 'sales@demo.outpost.test' }, jar);
			const withOldCode = new URL(first.callbackUrl);
			withOldCode.searchParams.set('state', new URL(fresh.location!).searchParams.get('state')!);
			const reused = await callback(gw, withOldCode, jar);
			expect(reused.location).toBe(refusal('provider_sign_in_failed', provider));
			expectNoSession(reused);
			expect(logged.at(-1)).toMatch(/invalid_request/);
		});

		it.each([
			['a nonce from another sign-in', /"nonce"/, (p: Payload) => void (p.nonce = 'another-sign-ins-nonce')],
			['a token for another client id', /"aud"/, (p: Payload) => void (p.aud = 'someone-elses-client')],
			['another issuer', /"iss"/, (p: Payload) => void (p.iss = 'https://issuer.evil.example')],
			['an expired token', /"exp"/, (p: Payload) => void (p.exp = Math.floor(Date.now() / 1000) - 3600)]
		])('refuses an ID token with %s', async (_case, reason, tweak) => {
			const untweak = tweakIdTokens(mock(), tweak);
			try {
				const res = await signInWith(gw, provider, 'sales@demo.outpost.test');
				expect(res.location).toBe(refusal('provider_sign_in_failed', provider));
				expectNoSession(res);
				expect(logged.at(-1)).toMatch(reason);
			} finally {
				untweak();
			}
		});

		it('refuses when the provider has not verified the email address', async () => {
			const untweak = tweakIdTokens(mock(), (payload) => {
				payload.email_verified = false;
			});
			try {
				const res = await signInWith(gw, provider, 'viewer@demo.outpost.test');
				expect(res.location).toBe(refusal('provider_email_not_verified', provider));
				expectNoSession(res);
				expect(
					(await identities(demoUserId('viewer@demo.outpost.test'))).filter((i) => i.provider === provider)
				).toEqual([]);
			} finally {
				untweak();
			}
		});

		it('refuses when the person cancels or the provider refuses (no login hint here)', async () => {
			const jar = new Map<string, string>();
			const started = await start(gw, provider, {}, jar);
			const back = await authorize(started.location!);
			expect(back.searchParams.get('error')).toBe('login_required');
			expect((await callback(gw, back, jar)).location).toBe(refusal('provider_sign_in_failed', provider));
		});

		it('refuses an address no account uses, and creates none', async () => {
			const count = async () =>
				(
					await gw.store.db
						.selectFrom('users')
						.select((eb) => eb.fn.countAll().as('n'))
						.executeTakeFirstOrThrow()
				).n;
			const before = await count();
			const res = await signInWith(gw, provider, 'stranger@nowhere.example');
			expect(res.location).toBe(refusal('unknown_account', provider));
			expectNoSession(res);
			expect(await count()).toEqual(before);
		});

		it('applies the sign-in policy: a user without this method is told which ones to use', async () => {
			await withUser(
				'viewer@demo.outpost.test',
				{ loginMethods: ['password', 'microsoft', 'google'].filter((m) => m !== provider) as LoginMethod[] },
				async () => {
					const res = await signInWith(gw, provider, 'viewer@demo.outpost.test');
					const allowed = (['password', 'microsoft', 'google'] as LoginMethod[]).filter((m) => m !== provider);
					expect(res.location).toBe(refusal('login_method_not_allowed', provider, allowed));
					expectNoSession(res);
				}
			);
		});

		it('applies the sign-in policy: disabled login', async () => {
			await withUser('buyer@demo.outpost.test', { loginDisabled: true }, async () => {
				const res = await signInWith(gw, provider, 'buyer@demo.outpost.test');
				expect(res.location).toBe(refusal('login_disabled', provider));
				expectNoSession(res);
			});
		});

		it('applies the sign-in policy: an MSP address must be invited first', async () => {
			await withUser('unlinked@demo.outpost.test', { invitedAt: null }, async () => {
				const res = await signInWith(gw, provider, 'unlinked@demo.outpost.test');
				expect(res.location).toBe(refusal('not_invited', provider));
				expectNoSession(res);
			});
		});

		it('marks the address verified when the provider vouches for it', async () => {
			const customer = demoUserId('customer@acme.outpost.test');
			await setEmailVerified(customer, 0);
			try {
				const res = await signInWith(gw, provider, 'customer@acme.outpost.test');
				expect(res.location).toBe('/quotes');
				expect(await emailVerified(customer)).toBe(1);
			} finally {
				await setEmailVerified(customer, 1);
			}
		});

		it('does not count a verified address that is not the account’s own', async () => {
			const unverified = demoUserId('unverified@demo.outpost.test');
			expect((await signInWith(gw, provider, 'unverified@demo.outpost.test')).location).toBe('/quotes');
			await setEmailVerified(unverified, 0);
			const untweak = tweakIdTokens(mock(), (payload) => {
				payload.email = 'uri@personal.example';
			});
			try {
				const res = await signInWith(gw, provider, 'unverified@demo.outpost.test');
				expect(res.location).toBe(refusal('email_not_verified', provider));
				expect(await emailVerified(unverified)).toBe(0);
			} finally {
				untweak();
				await setEmailVerified(unverified, 1);
			}
		});
	});

	it('leaves a provider without settings off', async () => {
		const googleOnly = await startGateway(kind, { store: gw.store, oidc: { google: configOf(mocks.google) } });
		try {
			expect((await googleOnly.client().get('/api/auth/oidc/providers')).body).toEqual({
				providers: [{ id: 'google', name: 'Google' }]
			});
			const res = await hop(`${googleOnly.baseUrl}/api/auth/oidc/microsoft/start`, new Map());
			expect(res.status).toBe(404);
		} finally {
			await googleOnly.close();
		}
	});
});
