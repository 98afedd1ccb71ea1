// Test-only: a browser's way through a provider sign-in over real HTTP (gateway → provider →
// gateway), one redirect at a time so a test can look at or tamper with each step.

import type { Payload } from 'oauth2-mock-server';
import type { MockOidcProvider } from '../../platform/mock-oidc-provider.ts';
import type { Gateway } from '../../test/http-harness.ts';
import { SESSION_COOKIE } from '../sessions.ts';
import type { OidcProviderName } from './oidc-providers.ts';

export type Jar = Map<string, string>;
export type Hop = { status: number; location: string | null; setCookies: string[] };

/** One GET without following redirects, sending and updating the jar's cookies. */
export async function hop(url: string, jar: Jar): Promise<Hop> {
	const headers: Record<string, string> = {};
	if (jar.size) headers.cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
	const response = await fetch(url, { headers, redirect: 'manual' });
	await response.body?.cancel();
	const setCookies = response.headers.getSetCookie();
	for (const line of setCookies) {
		const [pair, ...attributes] = line.split(';');
		const eq = pair!.indexOf('=');
		const name = pair!.slice(0, eq).trim();
		const value = pair!.slice(eq + 1).trim();
		if (value === '' || attributes.some((a) => /^\s*max-age=0\s*$/i.test(a))) jar.delete(name);
		else jar.set(name, value);
	}
	return { status: response.status, location: response.headers.get('location'), setCookies };
}

/** /start: the gateway's redirect to the provider, with the flow cookie now in the jar. */
export async function start(
	gw: Gateway,
	provider: OidcProviderName,
	query: Record<string, string>,
	jar: Jar = new Map()
) {
	const res = await hop(`${gw.baseUrl}/api/auth/oidc/${provider}/start?${new URLSearchParams(query)}`, jar);
	return { ...res, jar };
}

/** The provider's authorize endpoint: where it sends the browser back (the callback, with code and state). */
export async function authorize(authorizeUrl: string): Promise<URL> {
	const res = await hop(authorizeUrl, new Map());
	if (res.status !== 302 || !res.location) throw new Error(`The provider answered ${res.status}, not a redirect`);
	return new URL(res.location);
}

/** Delivers a provider's redirect to this gateway (the redirect URI names the public URL, not the test port). */
export function callback(gw: Gateway, callbackUrl: URL, jar: Jar): Promise<Hop> {
	return hop(`${gw.baseUrl}${callbackUrl.pathname}${callbackUrl.search}`, jar);
}

/** The whole round trip; returns the final redirect, the callback URL the provider produced and the jar. */
export async function signInWith(
	gw: Gateway,
	provider: OidcProviderName,
	loginHint: string,
	query: Record<string, string> = {}
) {
	const jar: Jar = new Map();
	const started = await start(gw, provider, { login_hint: loginHint, ...query }, jar);
	if (started.status !== 302 || !started.location) throw new Error(`start answered ${started.status}`);
	const flowCookies = new Map(jar);
	const back = await authorize(started.location);
	const done = await callback(gw, back, jar);
	return { ...done, callbackUrl: back, jar, flowCookies };
}

/** GET /api/auth/me with the session the jar holds. */
export async function whoAmI(gw: Gateway, jar: Jar) {
	const client = gw.client();
	const token = jar.get(SESSION_COOKIE);
	if (token) client.cookies.set(SESSION_COOKIE, token);
	return client.get('/api/auth/me');
}

/**
 * Reshapes the ID tokens the provider signs until the returned function is called. The mock fires
 * its signing event for the access token too; only the ID token carries `aud`.
 */
export function tweakIdTokens(provider: MockOidcProvider, tweak: (payload: Payload) => void): () => void {
	const listener = (token: { payload: Payload }) => {
		if (token.payload.aud !== undefined) tweak(token.payload);
	};
	provider.server.service.on('beforeTokenSigning', listener);
	return () => provider.server.service.off('beforeTokenSigning', listener);
}
