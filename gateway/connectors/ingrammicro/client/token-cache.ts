// The OAuth2 client-credentials token of one client (psa-apis.md §4.2), cached by
// ../../common/token-cache.ts: its lifetime capped at 24 hours, since the docs say a day and their
// sample says thirty, and dropped when Ingram answers 401.

import {
	createTokenCache as createCommonTokenCache,
	type TokenCache as CommonTokenCache,
	type TokenGrant
} from '../../common/token-cache.ts';
import { tokenRequestBody, tokenUrl, type IngramCredentials } from './credentials.ts';
import { INGRAM_MESSAGES, ok, unexpected, type IngramFailure, type IngramResult } from './failures.ts';
import type { Transport } from './transport.ts';
import { tokenResponseSchema } from './wire-schemas.ts';

export const TOKEN_ENDPOINT = 'POST /oauth/oauth20/token';
const DAY_S = 24 * 3600;

export type TokenCache = CommonTokenCache<IngramFailure>;

export function createTokenCache(opts: {
	transport: Transport;
	credentials: IngramCredentials;
	now: () => number;
	/** Renew this long before the token runs out, so it never dies in flight. */
	refreshMarginMs: number;
}): TokenCache {
	async function request(): Promise<IngramResult<TokenGrant>> {
		const { answer } = await opts.transport.send({
			method: 'POST',
			endpoint: TOKEN_ENDPOINT,
			url: tokenUrl(opts.credentials),
			body: { form: tokenRequestBody(opts.credentials) }
		});
		if (!answer.ok) {
			if (answer.code === 'auth_failed' && answer.reason === 'customer_number') return answer;
			// §4.2: a refused client is a 400 `{"message": ...}` (or 401); the fix is new credentials.
			if (answer.code === 'auth_failed' || (answer.code === 'rejected' && answer.status < 500)) {
				const detail = answer.code === 'rejected' ? answer.message : answer.detail;
				const message = INGRAM_MESSAGES.reauthenticate;
				return {
					ok: false,
					code: 'auth_failed',
					reason: 'credentials_refused',
					message,
					status: answer.status,
					detail
				};
			}
			return answer;
		}
		const parsed = tokenResponseSchema.safeParse(answer.body);
		if (!parsed.success) return unexpected('Ingram Micro sent a token answer without an access_token.', 200);
		return ok({ accessToken: parsed.data.access_token, expiresInS: parsed.data.expires_in });
	}

	return createCommonTokenCache({
		request,
		now: opts.now,
		refreshMarginMs: opts.refreshMarginMs,
		defaultLifetimeS: DAY_S,
		maxLifetimeS: DAY_S
	});
}
