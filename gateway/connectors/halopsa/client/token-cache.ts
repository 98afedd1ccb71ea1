// The OAuth2 client-credentials token of one client (psa-apis.md §3.2), cached by
// ../../common/token-cache.ts: an hour when Halo does not say, and dropped when Halo answers 401.

import {
	createTokenCache as createCommonTokenCache,
	type TokenCache as CommonTokenCache,
	type TokenGrant
} from '../../common/token-cache.ts';
import { tokenRequestBody, tokenUrl, type HaloCredentials } from './credentials.ts';
import { HALO_MESSAGES, ok, unexpected, type HaloFailure, type HaloResult } from './failures.ts';
import type { Transport } from './transport.ts';
import { tokenResponseSchema } from './wire-schemas.ts';

export type TokenCacheOptions = {
	transport: Transport;
	credentials: HaloCredentials;
	now: () => number;
	/** Renew this long before `expires_in` runs out, so a token never dies in flight. */
	refreshMarginMs: number;
};

export type TokenCache = CommonTokenCache<HaloFailure>;

const DEFAULT_EXPIRES_IN_S = 3600;

export function createTokenCache(opts: TokenCacheOptions): TokenCache {
	async function request(): Promise<HaloResult<TokenGrant>> {
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
		return ok({ accessToken: parsed.data.access_token, expiresInS: parsed.data.expires_in });
	}

	return createCommonTokenCache({
		request,
		now: opts.now,
		refreshMarginMs: opts.refreshMarginMs,
		defaultLifetimeS: DEFAULT_EXPIRES_IN_S
	});
}
