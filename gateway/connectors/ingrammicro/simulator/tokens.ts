// Access tokens the simulated OAuth server issued (§4.2), each with its expiry on the simulator's clock,
// so a test can let them run out, expire them early or revoke the API app's credentials.

import { randomBytes } from 'node:crypto';

export type TokenStore = {
	/** `expires_in` as a string, as the SDK types it (§4.2). */
	issue(): { access_token: string; token_type: 'Bearer'; expires_in: string };
	valid(token: string): boolean;
	/** Every issued token stops working now (expired or revoked early); new ones can be had. */
	expireAll(): void;
	issued(): number;
};

export function createTokenStore(opts: { now: () => number; lifetimeSeconds: number }): TokenStore {
	const expiries = new Map<string, number>();
	let count = 0;
	return {
		issue() {
			const token = `im-sim-${randomBytes(18).toString('base64url')}`;
			expiries.set(token, opts.now() + opts.lifetimeSeconds * 1000);
			count += 1;
			return { access_token: token, token_type: 'Bearer', expires_in: String(opts.lifetimeSeconds) };
		},
		valid(token) {
			const expiry = expiries.get(token);
			return expiry !== undefined && opts.now() < expiry;
		},
		expireAll() {
			for (const token of expiries.keys()) expiries.set(token, Number.NEGATIVE_INFINITY);
		},
		issued: () => count
	};
}
