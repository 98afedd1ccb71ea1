// The sandbox's stand-in for Google or Microsoft: an oauth2-mock-server on a loopback port that signs
// in whoever the authorization request names in `login_hint`, as a verified email. Demo and tests only.

import { createHash, randomBytes } from 'node:crypto';
import { OAuth2Server } from 'oauth2-mock-server';
import type { OidcProviderConfig } from '../auth/oidc/oidc-providers.ts';

export type MockOidcProvider = OidcProviderConfig & {
	/** The running oauth2-mock-server, for tests that reshape a token through its events. */
	server: OAuth2Server;
	close(): Promise<void>;
};

/** Codes handed out but not yet exchanged; a browser that never comes back must not grow the map forever. */
const MAX_PENDING_CODES = 1_000;

/** `label` keeps the providers apart: each has its own issuer, client and subjects. */
export async function startMockOidcProvider(label: string, options: { port?: number } = {}): Promise<MockOidcProvider> {
	const server = new OAuth2Server();
	await server.issuer.keys.generate('RS256');
	const emailByCode = new Map<string, string>();

	server.service.on('beforeAuthorizeRedirect', ({ url }, req) => {
		const hint = new URL(req.url ?? '/', 'http://mock.invalid').searchParams.get('login_hint')?.trim().toLowerCase();
		const code = url.searchParams.get('code');
		if (!code) return;
		if (!hint) {
			// A real provider would ask who is signing in; this one can only refuse, as OIDC Core 3.1.2.6 allows.
			url.searchParams.delete('code');
			url.searchParams.set('error', 'login_required');
			return;
		}
		if (emailByCode.size >= MAX_PENDING_CODES) emailByCode.delete(emailByCode.keys().next().value!);
		emailByCode.set(code, hint);
	});
	// Fired for the access token and again for the ID token of the same request: both name the person.
	server.service.on('beforeTokenSigning', (token, req) => {
		const email = typeof req.body.code === 'string' ? emailByCode.get(req.body.code) : undefined;
		if (email) Object.assign(token.payload, { sub: subjectOf(label, email), email, email_verified: true });
	});
	server.service.on('beforeResponse', (_response, req) => {
		if (typeof req.body.code === 'string') emailByCode.delete(req.body.code);
	});

	await server.start(options.port ?? 0, '127.0.0.1');
	// The library would say "localhost", which Node may resolve to ::1 where nothing listens.
	server.issuer.url = `http://127.0.0.1:${server.address().port}`;
	return {
		issuer: server.issuer.url,
		clientId: `outpost-sandbox-${label.toLowerCase()}`,
		clientSecret: randomBytes(24).toString('base64url'),
		server,
		close: () => server.stop()
	};
}

/** Stable per provider and email, opaque like a real provider's subject. */
function subjectOf(label: string, email: string): string {
	return createHash('sha256').update(`${label}\n${email}`).digest('hex').slice(0, 24);
}
