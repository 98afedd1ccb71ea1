// The simulated authorisation server's token endpoint (psa-apis.md §3.2): client credentials in a
// form body, the tenant of a hosted instance as `?tenant=` or a `tenant` form field (clients send
// either; every one given must match), an expiring bearer token out.

import type { Context } from 'hono';
import type { SimEnv } from './sim-env.ts';
import type { TokenStore } from './tokens.ts';

export type SimCredentials = { clientId: string; clientSecret: string; tenant?: string };

export function tokenHandler(deps: { credentials: SimCredentials; tokens: TokenStore }) {
	return (c: Context<SimEnv>) => {
		const form = (c.get('body') ?? {}) as Record<string, string>;
		const { credentials } = deps;
		// §3.7 [UNVERIFIED]: the OAuth error body, `{"error":"invalid_client"}`, answered 400 as RFC 6749 §5.2 allows.
		const given = [c.req.query('tenant'), form.tenant].filter((t): t is string => t !== undefined);
		if (credentials.tenant && (given.length === 0 || given.some((t) => t !== credentials.tenant))) {
			return c.json({ error: 'invalid_request', error_description: 'Unknown tenant.' }, 400);
		}
		if (form.grant_type !== 'client_credentials') return c.json({ error: 'unsupported_grant_type' }, 400);
		if (form.client_id !== credentials.clientId || form.client_secret !== credentials.clientSecret) {
			return c.json({ error: 'invalid_client' }, 400);
		}
		return c.json(deps.tokens.issue(form.scope?.trim() || 'all'));
	};
}
