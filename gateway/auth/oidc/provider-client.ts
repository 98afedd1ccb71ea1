// One OpenID provider through oauth4webapi: discovery (cached), the authorization URL with PKCE, state
// and nonce, and the code exchange whose ID token is checked for issuer, audience, nonce, expiry and
// signature. It says who the provider vouches for; whether that person may sign in is decided elsewhere.

import * as oauth from 'oauth4webapi';
import { z } from 'zod';
import { isLoopbackHttp, type OidcProviderConfig } from './oidc-providers.ts';

/** The per-sign-in secrets that tie the callback to the browser that started it. */
export type FlowSecrets = { state: string; nonce: string; verifier: string };

/** Who the provider says signed in. */
export type ProviderIdentity = { subject: string; email: string; emailVerified: boolean };

export type ExchangeResult = { ok: true; identity: ProviderIdentity } | { ok: false; reason: string };

export type ProviderClient = {
	authorizationUrl(flow: FlowSecrets, redirectUri: string, loginHint: string | undefined): Promise<URL>;
	/** Failures of the protocol (refused, tampered, expired) are values; an unreachable provider throws. */
	exchange(callback: URL, flow: FlowSecrets, redirectUri: string): Promise<ExchangeResult>;
};

const SCOPE = 'openid email profile';
const REQUEST_TIMEOUT_MS = 10_000;

const verifiedFlag = z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]).optional();
const idTokenClaims = z.object({
	sub: z.string().min(1).max(255),
	email: z.string().trim().toLowerCase().pipe(z.email()),
	email_verified: verifiedFlag,
	// Microsoft Entra sends no email_verified; its optional claim xms_edov says the same thing.
	xms_edov: verifiedFlag
});

export function newFlowSecrets(): FlowSecrets {
	return {
		state: oauth.generateRandomState(),
		nonce: oauth.generateRandomNonce(),
		verifier: oauth.generateRandomCodeVerifier()
	};
}

export function createProviderClient(config: OidcProviderConfig): ProviderClient {
	const issuer = new URL(config.issuer);
	const http = {
		[oauth.allowInsecureRequests]: isLoopbackHttp(issuer),
		signal: () => AbortSignal.timeout(REQUEST_TIMEOUT_MS)
	};
	const client: oauth.Client = { client_id: config.clientId };
	const clientAuth = oauth.ClientSecretPost(config.clientSecret);
	const jwks: oauth.JWKSCacheInput = {};
	let discovered: Promise<oauth.AuthorizationServer> | null = null;

	function metadata(): Promise<oauth.AuthorizationServer> {
		discovered ??= oauth
			.discoveryRequest(issuer, { ...http, algorithm: 'oidc' })
			.then((response) => oauth.processDiscoveryResponse(issuer, response))
			.catch((error: unknown) => {
				discovered = null; // try again on the next sign-in rather than remembering an outage
				throw error;
			});
		return discovered;
	}

	return {
		async authorizationUrl(flow, redirectUri, loginHint) {
			const as = await metadata();
			if (!as.authorization_endpoint) throw new Error(`${config.issuer} publishes no authorization endpoint`);
			const url = new URL(as.authorization_endpoint);
			url.searchParams.set('client_id', config.clientId);
			url.searchParams.set('redirect_uri', redirectUri);
			url.searchParams.set('response_type', 'code');
			url.searchParams.set('scope', SCOPE);
			url.searchParams.set('state', flow.state);
			url.searchParams.set('nonce', flow.nonce);
			url.searchParams.set('code_challenge', await oauth.calculatePKCECodeChallenge(flow.verifier));
			url.searchParams.set('code_challenge_method', 'S256');
			if (loginHint) url.searchParams.set('login_hint', loginHint);
			return url;
		},

		async exchange(callback, flow, redirectUri) {
			const as = await metadata();
			try {
				const params = oauth.validateAuthResponse(as, client, callback, flow.state);
				const response = await oauth.authorizationCodeGrantRequest(
					as,
					client,
					clientAuth,
					params,
					redirectUri,
					flow.verifier,
					http
				);
				const tokens = await oauth.processAuthorizationCodeResponse(as, client, response, {
					expectedNonce: flow.nonce,
					requireIdToken: true
				});
				// Over TLS the signature adds little (OIDC Core 3.1.3.7); the sandbox's provider speaks plain http.
				await oauth.validateApplicationLevelSignature(as, response, { ...http, [oauth.jwksCache]: jwks });
				const claims = idTokenClaims.safeParse(oauth.getValidatedIdTokenClaims(tokens));
				if (!claims.success) return { ok: false, reason: `ID token claims: ${claims.error.issues[0]?.message}` };
				const { sub, email, email_verified, xms_edov } = claims.data;
				return {
					ok: true,
					identity: { subject: sub, email, emailVerified: email_verified === true || xms_edov === true }
				};
			} catch (error) {
				if (isProtocolFailure(error)) return { ok: false, reason: describe(error) };
				throw error;
			}
		}
	};
}

function isProtocolFailure(error: unknown): boolean {
	return (
		error instanceof oauth.AuthorizationResponseError ||
		error instanceof oauth.ResponseBodyError ||
		error instanceof oauth.WWWAuthenticateChallengeError ||
		error instanceof oauth.OperationProcessingError
	);
}

function describe(error: unknown): string {
	if (error instanceof oauth.AuthorizationResponseError || error instanceof oauth.ResponseBodyError) {
		return `${error.error}${error.error_description ? `: ${error.error_description}` : ''}`;
	}
	return error instanceof Error ? error.message : String(error);
}
