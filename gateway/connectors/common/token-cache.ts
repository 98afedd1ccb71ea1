// The OAuth2 client-credentials token of one client, for every system that uses one (HaloPSA, Ingram
// Micro): fetched on first use, shared by calls that start together, renewed before it expires, and
// dropped when the system refuses it, so the call is tried once more with a fresh one. Asking for a
// token and reading its answer stay with each client (its endpoint, its failures).

import { ok, type ClientFailure, type ClientResult } from './failure.ts';

/** A token the system granted; `expiresInS` as it said (`expires_in`), null or undefined when it did not. */
export type TokenGrant = { accessToken: string; expiresInS: number | null | undefined };

export type TokenCache<F extends ClientFailure> = {
	/** A token valid for at least the margin; one request however many calls wait for it. */
	token(): Promise<ClientResult<string, F>>;
	/** Forget `token` (the system refused it); the next `token()` asks for a new one. */
	invalidate(token: string): void;
};

export function createTokenCache<F extends ClientFailure>(opts: {
	request: () => Promise<ClientResult<TokenGrant, F>>;
	now: () => number;
	/** Renew this long before the token runs out, so it never dies in flight. */
	refreshMarginMs: number;
	/** The lifetime of a token granted without `expires_in`. */
	defaultLifetimeS: number;
	/** The longest lifetime believed, whatever `expires_in` says. */
	maxLifetimeS?: number;
}): TokenCache<F> {
	let current: { token: string; renewAt: number } | null = null;
	let pending: Promise<ClientResult<string, F>> | null = null;

	async function renew(): Promise<ClientResult<string, F>> {
		const granted = await opts.request();
		if (!granted.ok) return granted;
		const { accessToken, expiresInS } = granted.value;
		const lifetimeMs = Math.min(expiresInS ?? opts.defaultLifetimeS, opts.maxLifetimeS ?? Infinity) * 1000;
		// A token shorter-lived than twice the margin is renewed halfway, not on every call.
		const renewAt = opts.now() + lifetimeMs - Math.min(opts.refreshMarginMs, lifetimeMs / 2);
		current = { token: accessToken, renewAt };
		return ok(accessToken);
	}

	return {
		async token() {
			if (current && opts.now() < current.renewAt) return ok(current.token);
			pending ??= renew().finally(() => {
				pending = null;
			});
			return pending;
		},
		invalidate(token) {
			if (current?.token === token) current = null;
		}
	};
}

/** An answer refusing the token `stale` a call was sent with. */
export type StaleToken<A> = { ok: false; stale: string; answer: A };

/** A call whose token was refused gets one fresh token and one more try; a second refusal is its answer. */
export async function withFreshTokenOnce<A>(
	tokens: Pick<TokenCache<ClientFailure>, 'invalidate'>,
	send: () => Promise<A | StaleToken<A>>
): Promise<A> {
	const first = await send();
	if (!isStale(first)) return first;
	tokens.invalidate(first.stale);
	const second = await send();
	return isStale(second) ? second.answer : second;
}

function isStale<A>(answer: A | StaleToken<A>): answer is StaleToken<A> {
	return typeof answer === 'object' && answer !== null && 'stale' in answer && answer.ok === false;
}
