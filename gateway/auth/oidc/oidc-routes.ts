// /api/auth/oidc: sign-in with Google and Microsoft (OpenID Connect, authorization code with PKCE).
// The browser navigates here, so every outcome is a redirect: to the provider, back into the app, or
// to the sign-in page with ?signin_error=<code> (a code only; the page picks the sentence).

import { Hono, type Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { validator } from 'hono/validator';
import { z } from 'zod';
import { ERRORS } from '../../../shared/errors.ts';
import type { LoginMethod } from '../../../shared/schema/identity-entities.ts';
import type { AppEnv } from '../../http/app-env.ts';
import { describeZodError } from '../../http/describe-zod-error.ts';
import { errorResponse } from '../../http/errors.ts';
import { startSession, type SessionDeps } from '../start-session.ts';
import {
	createFlowSealer,
	FLOW_LIFETIME_MS,
	flowCookieName,
	flowCookiePath,
	type Flow,
	type FlowSealer
} from './flow-cookie.ts';
import {
	isOidcProvider,
	OIDC_PROVIDERS,
	PROVIDER_LABELS,
	type OidcProviderConfigs,
	type OidcProviderName
} from './oidc-providers.ts';
import { recordProviderSignIn } from './provider-accounts.ts';
import { createProviderClient, newFlowSecrets, type ExchangeResult, type ProviderClient } from './provider-client.ts';
import { decideProviderSignIn } from './provider-sign-in.ts';
import { safeReturnTo } from './return-to.ts';
import { createUsedStates } from './used-states.ts';

export type OidcDeps = SessionDeps & {
	providers: OidcProviderConfigs;
	/** The redirect URI registered with each provider is `<publicUrl>/api/auth/oidc/<provider>/callback`. */
	publicUrl: string;
	log: (message: string, detail?: unknown) => void;
};

export const startQuery = z.object({
	login_hint: z.string().trim().max(320).optional(),
	return_to: z.string().max(2_000).optional()
});

export function oidcRoutes(deps: OidcDeps) {
	const providers = new Map<OidcProviderName, { client: ProviderClient; sealer: FlowSealer }>();
	for (const name of OIDC_PROVIDERS) {
		const config = deps.providers[name];
		if (config)
			providers.set(name, { client: createProviderClient(config), sealer: createFlowSealer(config.clientSecret) });
	}
	const usedStates = createUsedStates();
	const redirectUri = (name: OidcProviderName) => `${deps.publicUrl}/api/auth/oidc/${name}/callback`;

	/** A protocol failure: tampering, a replay, an expired flow or the provider's refusal. */
	const failed = (c: Context, provider: OidcProviderName, reason: string) => {
		deps.log(`Sign-in with ${PROVIDER_LABELS[provider]} refused: ${reason}`);
		return refuse(c, provider, ERRORS.providerSignInFailed.code);
	};
	/** The provider did not answer, or answered nonsense: unexpected, so logged with the error. */
	const unreachable = (c: Context, provider: OidcProviderName, error: unknown) => {
		deps.log(`Sign-in with ${PROVIDER_LABELS[provider]} could not talk to the provider`, error);
		return refuse(c, provider, ERRORS.providerSignInFailed.code);
	};

	const enabledProvider = validator('param', (value, c) => {
		const name = value.provider ?? '';
		if (!isOidcProvider(name) || !providers.has(name)) {
			return errorResponse(c, ERRORS.notFound.code, 'No such sign-in provider is enabled.');
		}
		return { provider: name };
	});

	return new Hono<AppEnv>()
		.get('/providers', (c) =>
			c.json({ providers: [...providers.keys()].map((id) => ({ id, name: PROVIDER_LABELS[id] })) })
		)
		.get(
			'/:provider/start',
			enabledProvider,
			validator('query', (value, c) => {
				const parsed = startQuery.safeParse(value);
				if (!parsed.success) return errorResponse(c, ERRORS.invalidInput.code, describeZodError(parsed.error));
				return parsed.data;
			}),
			async (c) => {
				const { provider } = c.req.valid('param');
				const { login_hint, return_to } = c.req.valid('query');
				const { client, sealer } = providers.get(provider)!;
				const flow: Flow = {
					provider,
					...newFlowSecrets(),
					returnTo: safeReturnTo(return_to),
					expiresAt: deps.now() + FLOW_LIFETIME_MS
				};
				let destination: URL;
				try {
					destination = await client.authorizationUrl(flow, redirectUri(provider), login_hint || undefined);
				} catch (error) {
					return unreachable(c, provider, error);
				}
				setCookie(c, flowCookieName(provider), await sealer.seal(flow), {
					httpOnly: true,
					sameSite: 'Lax', // sent on the provider's top-level redirect back, not on cross-site subrequests
					path: flowCookiePath(provider),
					secure: isHttps(c),
					maxAge: FLOW_LIFETIME_MS / 1000
				});
				return c.redirect(destination.href, 302);
			}
		)
		.get('/:provider/callback', enabledProvider, async (c) => {
			const { provider } = c.req.valid('param');
			const { client, sealer } = providers.get(provider)!;
			// The flow is spent whatever happens next: one callback per start.
			const sealed = getCookie(c, flowCookieName(provider));
			deleteCookie(c, flowCookieName(provider), { path: flowCookiePath(provider), secure: isHttps(c) });
			const flow = sealed ? await sealer.open(sealed, deps.now()) : null;
			if (!flow || flow.provider !== provider) return failed(c, provider, 'no sign-in in progress, or it expired');
			if (!usedStates.claim(flow.state, flow.expiresAt, deps.now()))
				return failed(c, provider, 'the state came back twice');

			let result: ExchangeResult;
			try {
				result = await client.exchange(new URL(c.req.url), flow, redirectUri(provider));
			} catch (error) {
				return unreachable(c, provider, error);
			}
			if (!result.ok) return failed(c, provider, result.reason);

			const { identity } = result;
			const decision = await decideProviderSignIn(deps.store, provider, identity);
			if (!decision.ok) return refuse(c, provider, decision.code, decision.allowed);
			await recordProviderSignIn(deps.store, provider, identity.subject, decision.account.id, decision.verifiesEmail);
			await startSession(c, deps, decision.account.id);
			return c.redirect(flow.returnTo, 302);
		});
}

/** Back to the sign-in page with the refusal's code, the provider, and for a disallowed method the allowed ones. */
function refuse(c: Context, provider: OidcProviderName, code: string, allowed?: LoginMethod[]) {
	const query = new URLSearchParams({ signin_error: code, method: provider });
	if (allowed) query.set('allowed', allowed.join(','));
	return c.redirect(`/?${query}`, 302);
}

function isHttps(c: Context): boolean {
	return c.req.url.startsWith('https:') || c.req.header('x-forwarded-proto') === 'https';
}
