import { describe, expect, it } from 'vitest';
import { ok, unexpected, type UnexpectedResponse } from './failure.ts';
import { createTokenCache, withFreshTokenOnce, type TokenGrant } from './token-cache.ts';

const MINUTE = 60_000;

function cacheOver(
	grants: (TokenGrant | UnexpectedResponse)[],
	lifetimes: { defaultLifetimeS: number; maxLifetimeS?: number } = { defaultLifetimeS: 3600 }
) {
	let now = 0;
	let asked = 0;
	const cache = createTokenCache<UnexpectedResponse>({
		request: async () => {
			const grant = grants[asked++]!;
			return 'accessToken' in grant ? ok(grant) : grant;
		},
		now: () => now,
		refreshMarginMs: MINUTE,
		...lifetimes
	});
	return { cache, asked: () => asked, advance: (ms: number) => (now += ms) };
}

describe('the client-credentials token cache', () => {
	it('asks once for calls that start together, and reuses the token until a margin before it expires', async () => {
		const t = cacheOver([
			{ accessToken: 'a', expiresInS: 600 },
			{ accessToken: 'b', expiresInS: 600 }
		]);
		const tokens = await Promise.all([t.cache.token(), t.cache.token(), t.cache.token()]);
		expect(tokens).toEqual([ok('a'), ok('a'), ok('a')]);
		t.advance(9 * MINUTE - 1);
		expect(await t.cache.token()).toEqual(ok('a'));
		t.advance(1);
		expect(await t.cache.token()).toEqual(ok('b'));
		expect(t.asked()).toBe(2);
	});

	it('takes the default lifetime when none is said, and never more than the cap', async () => {
		const t = cacheOver(
			[
				{ accessToken: 'a', expiresInS: null },
				{ accessToken: 'b', expiresInS: 30 * 86_400 },
				{ accessToken: 'c', expiresInS: 60 },
				{ accessToken: 'd', expiresInS: 60 }
			],
			{ defaultLifetimeS: 3600, maxLifetimeS: 86_400 }
		);
		await t.cache.token();
		t.advance(59 * MINUTE);
		expect(await t.cache.token()).toEqual(ok('b'));
		t.advance(24 * 60 * MINUTE - MINUTE);
		expect(await t.cache.token()).toEqual(ok('c'));
		// Shorter-lived than twice the margin: renewed halfway.
		t.advance(30_000 - 1);
		expect(await t.cache.token()).toEqual(ok('c'));
		t.advance(1);
		expect(await t.cache.token()).toEqual(ok('d'));
	});

	it('answers a refused request as it is, and asks again next time', async () => {
		const t = cacheOver([unexpected('no token', 200), { accessToken: 'a', expiresInS: 600 }]);
		expect(await t.cache.token()).toEqual(unexpected('no token', 200));
		expect(await t.cache.token()).toEqual(ok('a'));
	});

	it('forgets only the token it is told was refused', async () => {
		const t = cacheOver([
			{ accessToken: 'a', expiresInS: 600 },
			{ accessToken: 'b', expiresInS: 600 }
		]);
		await t.cache.token();
		t.cache.invalidate('old');
		expect(await t.cache.token()).toEqual(ok('a'));
		t.cache.invalidate('a');
		expect(await t.cache.token()).toEqual(ok('b'));
	});
});

describe('a call whose token was refused', () => {
	it('is sent once more with a fresh token, and a second refusal is its answer', async () => {
		const t = cacheOver([
			{ accessToken: 'a', expiresInS: 600 },
			{ accessToken: 'b', expiresInS: 600 }
		]);
		const sent: string[] = [];
		const answer = await withFreshTokenOnce<UnexpectedResponse>(t.cache, async () => {
			const token = await t.cache.token();
			if (!token.ok) return token;
			sent.push(token.value);
			return { ok: false, stale: token.value, answer: unexpected(`refused ${token.value}`, 401) };
		});
		expect(sent).toEqual(['a', 'b']);
		expect(answer).toEqual(unexpected('refused b', 401));
	});
});
