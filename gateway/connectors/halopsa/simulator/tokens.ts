// Access tokens the simulated authorisation server issued (psa-apis.md §3.2), each with its expiry on
// the simulator's clock, so a test can let them run out or expire them early.

import { randomBytes } from 'node:crypto';

export type TokenStore = {
	issue(scope: string): { access_token: string; token_type: 'Bearer'; expires_in: number; scope: string };
	/** True for a token this server issued that has not expired. */
	valid(token: string): boolean;
	/** Every issued token expires now (as when Halo revokes them or a clock jumps). */
	expireAll(): void;
	issued(): number;
};

export function createTokenStore(opts: { now: () => number; lifetimeSeconds: number }): TokenStore {
	const expiries = new Map<string, number>();
	let count = 0;
	return {
		issue(scope) {
			const token = `halo-sim-${randomBytes(18).toString('base64url')}`;
			expiries.set(token, opts.now() + opts.lifetimeSeconds * 1000);
			count += 1;
			return { access_token: token, token_type: 'Bearer', expires_in: opts.lifetimeSeconds, scope };
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
