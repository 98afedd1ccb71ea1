// The OAuth2 client-credentials token of one client (psa-apis.md §3.2): fetched on first use, shared by
// calls that start together, renewed shortly before it expires, and dropped when Halo answers 401.

import { tokenRequestBody, tokenUrl, type HaloCredentials } from './credentials.ts';
import { HALO_MESSAGES, ok, unexpected, type HaloResult } from './failures.ts';
import type { Transport } from './transport.ts';
import { tokenResponseSchema } from './wire-schemas.ts';

export type TokenCacheOptions = {
	transport: Transport;
	credentials: HaloCredentials;
	now: () => number;
	/** Renew this long before `expires_in` runs out, so a token never dies in flight. */
	refreshMarginMs: number;
};

export type TokenCache = {
	/** A token valid for at least the margin; one request however many calls wait for it. */
	token(): Promise<HaloResult<string>>;
	/** Forget `token` (Halo refused it); the next `token()` asks for a new one. */
	invalidate(token: string): void;
};

const DEFAULT_EXPIRES_IN_S = 3600;

export function createTokenCache(opts: TokenCacheOptions): TokenCache {
	let current: { token: string; renewAt: number } | null = null;
	let pending: Promise<HaloResult<string>> | null = null;

	async function request(): Promise<HaloResult<string>> {
		const answer = await opts.transport.send({
			method: 'POST',
			endpoint: 'POST /auth/token',
			url: tokenUrl(opts.credentials),
			body: { form: tokenRequestBody(opts.credentials) }
		});
		if (!answer.ok) {
			// §3.7 [UNVERIFIED]: a refused client answers 400/401 with `{"error":"invalid_client"}`.
			if (answer.code === 'auth_failed' || (answer.code === 'rejected' && answer.status < 500)) {
				const detail = answer.code === 'rejected' ? answer.message : answer.detail;
				return { ok: false, code: 'auth_failed', message: HALO_MESSAGES.authentication, status: answer.status, detail };
			}
			return answer;
		}
		const parsed = tokenResponseSchema.safeParse(answer.body);
		if (!parsed.success) return unexpected('HaloPSA sent a token answer without an access_token.', 200);
		const lifetimeMs = (parsed.data.expires_in ?? DEFAULT_EXPIRES_IN_S) * 1000;
		// A token shorter-lived than twice the margin is renewed halfway, not on every call.
		const renewAt = opts.now() + lifetimeMs - Math.min(opts.refreshMarginMs, lifetimeMs / 2);
		current = { token: parsed.data.access_token, renewAt };
		return ok(parsed.data.access_token);
	}

	return {
		async token() {
			if (current && opts.now() < current.renewAt) return ok(current.token);
			pending ??= request().finally(() => {
				pending = null;
			});
			return pending;
		},
		invalidate(token) {
			if (current?.token === token) current = null;
		}
	};
}
