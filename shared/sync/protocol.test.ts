import { describe, expect, it } from 'vitest';
import {
	compareCookies,
	cookieSchema,
	isSupportedVersion,
	PROTOCOL_VERSION,
	pullRequestSchema,
	pushRequestSchema,
	SCHEMA_VERSION,
	type Cookie
} from './protocol.ts';

const done = (v: number, acl = 1): Cookie => ({ v, acl });
const cursor = (base: number, v: number, t: string, i: string, acl = 1): Cookie => ({ v: base, acl, c: { v, t, i } });

describe('compareCookies', () => {
	// Listed in the order a client meets them: complete version 3, a paged pull through rows of
	// versions 4 and 5, then complete version 5, and so on.
	const ascending: Cookie[] = [
		done(0),
		cursor(0, 1, 'companies', 'company-acme'),
		cursor(0, 1, 'quotes', 'a'),
		done(1),
		done(3),
		cursor(3, 4, 'companies', 'b'),
		cursor(3, 4, 'quoteLines', 'a'),
		cursor(3, 4, 'quoteLines', 'b'),
		cursor(3, 4, 'quotes', 'a'),
		cursor(3, 5, 'companies', 'a'),
		done(5),
		cursor(5, 6, 'quotes', 'z'),
		done(6),
		done(10)
	];

	it('orders cookies: a cursor sorts after the versions before it and before its own complete version', () => {
		for (const [k, a] of ascending.entries()) {
			for (const [m, b] of ascending.entries()) {
				expect(Math.sign(compareCookies(a, b)), `${JSON.stringify(a)} vs ${JSON.stringify(b)}`).toBe(Math.sign(k - m));
			}
		}
	});

	it('is zero for equal cookies and antisymmetric', () => {
		expect(compareCookies(done(4), done(4))).toBe(0);
		expect(compareCookies(cursor(3, 4, 'quotes', 'x'), cursor(3, 4, 'quotes', 'x'))).toBe(0);
		expect(compareCookies(done(4), done(5))).toBeLessThan(0);
		expect(compareCookies(done(5), done(4))).toBeGreaterThan(0);
	});

	it('places a cursor inside version v before the complete version v', () => {
		expect(compareCookies(cursor(3, 5, 'quotes', 'zzz'), done(5))).toBeLessThan(0);
		expect(compareCookies(cursor(3, 5, 'quotes', 'zzz'), done(4))).toBeGreaterThan(0);
	});

	it('orders cursors by version, then table, then id', () => {
		expect(compareCookies(cursor(0, 2, 'companies', 'z'), cursor(0, 3, 'companies', 'a'))).toBeLessThan(0);
		expect(compareCookies(cursor(0, 2, 'quoteLines', 'z'), cursor(0, 2, 'quotes', 'a'))).toBeLessThan(0);
		expect(compareCookies(cursor(0, 2, 'quotes', 'Q'), cursor(0, 2, 'quotes', 'a'))).toBeLessThan(0);
		expect(compareCookies(cursor(0, 2, 'quotes', 'a-1'), cursor(0, 2, 'quotes', 'a1'))).toBeLessThan(0);
	});

	it('orders ids as the stores do (UTF-8 bytes), so a page boundary between them never looks like going back', () => {
		// The gateway pages '\uffff' (EF BF BF) before '😀' (F0 9F 98 80); UTF-16 units say the opposite.
		expect(compareCookies(cursor(0, 2, 'quotes', 'q\uffff'), cursor(0, 2, 'quotes', 'q😀'))).toBeLessThan(0);
		expect(compareCookies(cursor(0, 2, 'quotes', 'q😀'), cursor(0, 2, 'quotes', 'q\uffff'))).toBeGreaterThan(0);
	});
});

describe('isSupportedVersion', () => {
	it('assumes the current versions when they are absent', () => {
		expect(isSupportedVersion({})).toBe(true);
		expect(isSupportedVersion({ protocolVersion: PROTOCOL_VERSION, schemaVersion: SCHEMA_VERSION })).toBe(true);
		expect(isSupportedVersion({ protocolVersion: PROTOCOL_VERSION })).toBe(true);
		expect(isSupportedVersion({ schemaVersion: SCHEMA_VERSION })).toBe(true);
	});

	it('refuses an older or newer protocol or schema', () => {
		expect(isSupportedVersion({ protocolVersion: PROTOCOL_VERSION - 1 })).toBe(false);
		expect(isSupportedVersion({ protocolVersion: PROTOCOL_VERSION + 1 })).toBe(false);
		expect(isSupportedVersion({ schemaVersion: SCHEMA_VERSION - 1 })).toBe(false);
		expect(isSupportedVersion({ schemaVersion: SCHEMA_VERSION + 1 })).toBe(false);
		expect(isSupportedVersion({ protocolVersion: PROTOCOL_VERSION, schemaVersion: 0 })).toBe(false);
	});
});

describe('wire schemas', () => {
	it('ignores unknown fields of push and pull bodies', () => {
		const push = pushRequestSchema.parse({ clientGroupID: 'g', clientID: 'c', mutations: [], pushVersion: 1 });
		expect(push).toEqual({ clientGroupID: 'g', clientID: 'c', mutations: [] });
		const pull = pullRequestSchema.parse({ clientGroupID: 'g', clientID: 'c', cookie: null, profileID: 'p' });
		expect(pull).toEqual({ clientGroupID: 'g', clientID: 'c', cookie: null });
	});

	it('requires positive integer mutation ids and a cookie that is an object or null', () => {
		const mutation = { id: 1, name: 'createQuote', args: {}, timestamp: 1 };
		const push = (m: object) =>
			pushRequestSchema.safeParse({ clientGroupID: 'g', clientID: 'c', mutations: [m] }).success;
		expect(push(mutation)).toBe(true);
		expect(push({ ...mutation, id: 0 })).toBe(false);
		expect(push({ ...mutation, id: 1.5 })).toBe(false);
		expect(push({ ...mutation, name: '' })).toBe(false);
		expect(pullRequestSchema.safeParse({ clientGroupID: 'g', clientID: 'c' }).success).toBe(false);
		expect(pullRequestSchema.safeParse({ clientGroupID: 'g', clientID: 'c', cookie: 7 }).success).toBe(false);
		expect(cookieSchema.safeParse({ v: -1, acl: 1 }).success).toBe(false);
	});
});
