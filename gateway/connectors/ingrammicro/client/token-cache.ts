// The OAuth2 client-credentials token of one client (psa-apis.md §4.2): fetched on first use, shared by
// calls that start together, renewed before it expires (its lifetime capped at 24 hours, since the docs
// say a day and their sample says thirty), and dropped when Ingram answers 401.

import { tokenRequestBody, tokenUrl, type IngramCredentials } from './credentials.ts';
import { INGRAM_MESSAGES, ok, unexpected, type IngramResult } from './failures.ts';
import type { Transport } from './transport.ts';
import { tokenResponseSchema } from './wire-schemas.ts';

export const TOKEN_ENDPOINT = 'POST /oauth/oauth20/token';
const DAY_S = 24 * 3600;

export type TokenCache = {
	/** A token valid for at least the margin; one request however many calls wait for it. */
	token(): Promise<IngramResult<string>>;
	/** Forget `token` (Ingram refused it); the next `token()` asks for a new one. */
	invalidate(token: string): void;
};

export function createTokenCache(opts: {
	transport: Transport;
	credentials: IngramCredentials;
	now: () => number;
	/** Renew this long before the token runs out, so it never dies in flight. */
	refreshMarginMs: number;
}): TokenCache {
	let current: { token: string; renewAt: number } | null = null;
	let pending: Promise<IngramResult<string>> | null = null;

	async function request(): Promise<IngramResult<string>> {
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
		const lifetimeMs = Math.min(parsed.data.expires_in ?? DAY_S, DAY_S) * 1000;
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
