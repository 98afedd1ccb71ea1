import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { patchEntity } from '../test/edit-entity.ts';
import { ERRORS } from '../../shared/errors.ts';
import { demoUserId } from '../demo/seed-demo.ts';
import { startGateway, type Gateway } from '../test/http-harness.ts';
import { STORE_KINDS } from '../test/stores.ts';
import { SESSION_COOKIE } from './sessions.ts';

const SALES = 'sales@demo.outpost.test';
const LINK_REQUIRED = 'You are not linked to a company or the link is not verified.';
const sync = { clientGroupID: 'cg-auth', clientID: 'c-auth' };

describe.each(STORE_KINDS)('/api/auth on $name', (kind) => {
	let gw: Gateway;
	beforeAll(async () => {
		gw = await startGateway(kind);
	});
	afterAll(async () => {
		await gw?.close();
	});

	describe('login', () => {
		it('signs in with an HttpOnly, SameSite=Lax session cookie and returns the user', async () => {
			const client = gw.client();
			const res = await client.post('/api/auth/login', { email: SALES, password: 'outpost-demo' });
			expect(res.status).toBe(200);
			expect(res.body.user).toMatchObject({ email: SALES, name: 'Sam Sales', isAdmin: false });
			const cookie = res.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`));
			expect(cookie).toBeDefined();
			expect(cookie).toMatch(/;\s*HttpOnly/i);
			expect(cookie).toMatch(/;\s*SameSite=Lax/i);
			expect(cookie).toMatch(/;\s*Path=\//i);
			expect(cookie).not.toMatch(/;\s*Secure/i); // plain http on loopback
			expect(client.cookies.get(SESSION_COOKIE)?.length).toBeGreaterThanOrEqual(40);
		});

		it('marks the cookie Secure behind an https proxy', async () => {
			const res = await fetch(`${gw.baseUrl}/api/auth/login`, {
				method: 'POST',
				headers: { 'content-type': 'application/json', 'x-forwarded-proto': 'https' },
				body: JSON.stringify({ email: SALES, password: 'outpost-demo' })
			});
			expect(res.status).toBe(200);
			expect(res.headers.getSetCookie().join('\n')).toMatch(/;\s*Secure/i);
		});

		it('trims the email and ignores its case', async () => {
			const res = await gw
				.client()
				.post('/api/auth/login', { email: '  Sales@Demo.OUTPOST.test ', password: 'outpost-demo' });
			expect(res.status).toBe(200);
			expect(res.body.user.email).toBe(SALES);
		});

		it('answers a wrong password and an unknown email the same way, without a cookie', async () => {
			const wrong = await gw.client().post('/api/auth/login', { email: SALES, password: 'outpost-demo!' });
			const unknown = await gw
				.client()
				.post('/api/auth/login', { email: 'nobody@demo.outpost.test', password: 'outpost-demo' });
			expect(wrong.status).toBe(401);
			expect(unknown.status).toBe(401);
			expect(wrong.body).toEqual({
				error: { code: 'invalid_credentials', message: ERRORS.invalidCredentials.message }
			});
			expect(unknown.body).toEqual(wrong.body);
			expect(wrong.headers.getSetCookie()).toEqual([]);
			expect(unknown.headers.getSetCookie()).toEqual([]);
		});

		it('refuses a malformed body with 400 naming the field', async () => {
			const badEmail = await gw.client().post('/api/auth/login', { email: 'not-an-email', password: 'x' });
			expect(badEmail.status).toBe(400);
			expect(badEmail.body.error.code).toBe('invalid_input');
			expect(badEmail.body.error.message).toMatch(/^email: /);
			const noPassword = await gw.client().post('/api/auth/login', { email: SALES });
			expect(noPassword.status).toBe(400);
			expect(noPassword.body.error.message).toMatch(/^password: /);
			const emptyPassword = await gw.client().post('/api/auth/login', { email: SALES, password: '' });
			expect(emptyPassword.status).toBe(400);
			expect(emptyPassword.body.error.message).toMatch(/password/);
		});

		it('refuses a body that is not JSON with `body: not valid JSON`', async () => {
			const res = await gw.client().post('/api/auth/login', undefined, { raw: '{"email": "sales@' });
			expect(res.status).toBe(400);
			expect(res.body).toEqual({ error: { code: 'invalid_input', message: 'body: not valid JSON' } });
		});

		it('refuses a disabled account and an unverified email, but only with the right password', async () => {
			const id = demoUserId('buyer@demo.outpost.test');
			const setUser = async (values: { loginDisabled?: boolean; email_verified?: number }) => {
				if (values.loginDisabled !== undefined)
					await patchEntity(gw.store, 'users', id, { loginDisabled: values.loginDisabled });
				if (values.email_verified !== undefined) {
					await gw.store.db
						.updateTable('users')
						.set({ email_verified: values.email_verified })
						.where('id', '=', id)
						.execute();
				}
			};
			try {
				await setUser({ loginDisabled: true });
				const disabled = await gw
					.client()
					.post('/api/auth/login', { email: 'buyer@demo.outpost.test', password: 'outpost-demo' });
				expect(disabled.status).toBe(403);
				expect(disabled.body.error.code).toBe('login_disabled');
				const guessed = await gw
					.client()
					.post('/api/auth/login', { email: 'buyer@demo.outpost.test', password: 'guess' });
				expect(guessed.status).toBe(401);
				await setUser({ loginDisabled: false, email_verified: 0 });
				const unverified = await gw
					.client()
					.post('/api/auth/login', { email: 'buyer@demo.outpost.test', password: 'outpost-demo' });
				expect(unverified.status).toBe(403);
				expect(unverified.body.error.code).toBe('email_not_verified');
				expect(unverified.headers.getSetCookie()).toEqual([]);
			} finally {
				await setUser({ loginDisabled: false, email_verified: 1 });
			}
		});
	});

	describe('me and logout', () => {
		it('returns the user, roles, permissions and company link', async () => {
			const client = await gw.login(SALES);
			const res = await client.get('/api/auth/me');
			expect(res.status).toBe(200);
			expect(res.body.user).toEqual({
				id: demoUserId(SALES),
				email: SALES,
				name: 'Sam Sales',
				orgId: 'org-demo',
				isAdmin: false,
				kind: 'msp',
				roles: ['Product viewer', 'Quote editor'],
				permissions: ['quoteEditor', 'productViewer'],
				companyId: 'company-northwind',
				companyVerified: true
			});
			expect(res.headers.get('cache-control')).toBe('no-store');
		});

		it('says who a customer contact is and which company they belong to', async () => {
			const res = await (await gw.login('customer@acme.outpost.test')).get('/api/auth/me');
			expect(res.body.user).toMatchObject({ kind: 'customer', companyId: 'company-acme', permissions: [], roles: [] });
		});

		it('asks a visitor without a session to sign in', async () => {
			const res = await gw.client().get('/api/auth/me');
			expect(res.status).toBe(401);
			expect(res.body).toEqual({ error: ERRORS.notSignedIn });
		});

		it('ignores a forged session cookie', async () => {
			const client = gw.client();
			client.cookies.set(SESSION_COOKIE, 'forged-token-forged-token-forged-token-123');
			expect((await client.get('/api/auth/me')).status).toBe(401);
		});

		it('logout ends the session on the server, not just in the browser', async () => {
			const client = await gw.login(SALES);
			const token = client.cookies.get(SESSION_COOKIE)!;
			const out = await client.post('/api/auth/logout');
			expect(out.status).toBe(200);
			expect(client.cookies.has(SESSION_COOKIE)).toBe(false);
			expect((await client.get('/api/auth/me')).status).toBe(401);
			const replay = gw.client();
			replay.cookies.set(SESSION_COOKIE, token);
			expect((await replay.get('/api/auth/me')).status).toBe(401);
		});

		it('ends the session the browser held when it signs in again, as the same or another person', async () => {
			const client = await gw.login(SALES);
			const asSales = client.cookies.get(SESSION_COOKIE)!;
			expect(
				(await client.post('/api/auth/login', { email: 'viewer@demo.outpost.test', password: 'outpost-demo' })).status
			).toBe(200);
			expect((await client.get('/api/auth/me')).body.user.email).toBe('viewer@demo.outpost.test');
			const replay = gw.client();
			replay.cookies.set(SESSION_COOKIE, asSales);
			expect((await replay.get('/api/auth/me')).status).toBe(401);
		});

		it('logout without a session is harmless', async () => {
			expect((await gw.client().post('/api/auth/logout')).status).toBe(200);
		});
	});

	describe.each([
		{ email: 'unlinked@demo.outpost.test', name: 'Una Unlinked', cause: 'no_company' },
		{ email: 'unverified@demo.outpost.test', name: 'Uri Unverified', cause: 'link_not_verified' }
	])('$email', ({ email, name, cause }) => {
		const support = { name: 'Northwind service desk', email: 'support@northwind.example', phone: '+1 206 555 0199' };
		const refused = {
			error: {
				code: 'company_link_required',
				message: LINK_REQUIRED,
				access: { account: { email, name }, cause, support }
			}
		};

		it('may sign in but gets 403 with the exact sentence, the account, the cause and whom to ask, on /me, pull and push', async () => {
			const client = await gw.login(email);
			const me = await client.get('/api/auth/me');
			const pull = await client.post('/api/sync/pull', { ...sync, cookie: null });
			const push = await client.post('/api/sync/push', {
				...sync,
				mutations: [
					{ id: 1, name: 'createQuote', args: { id: 'q-sneaky', companyId: 'company-acme', title: 'x' }, timestamp: 1 }
				]
			});
			for (const res of [me, pull, push]) {
				expect(res.status).toBe(403);
				expect(res.body).toEqual(refused);
			}
			const written = await gw.store.db.selectFrom('entities').select('id').where('id', '=', 'q-sneaky').execute();
			expect(written).toEqual([]);
		});
	});

	describe('routing', () => {
		it('answers an unknown API route with 404 JSON', async () => {
			for (const res of [await gw.client().get('/api/nope'), await gw.client().post('/api/auth/nope', {})]) {
				expect(res.status).toBe(404);
				expect(res.headers.get('content-type')).toMatch(/application\/json/);
				expect(res.body.error.code).toBe('not_found');
			}
		});

		it('reports health with the store kind', async () => {
			const res = await gw.client().get('/api/health');
			expect(res.status).toBe(200);
			expect(res.body).toEqual({ ok: true, store: kind.name, sandbox: false });
		});
	});

	describe('session expiry', () => {
		const MINUTE = 60_000;
		let clock: { t: number; now(): number };
		let timed: Gateway;

		beforeAll(async () => {
			clock = {
				t: Date.UTC(2026, 10, 1, 9),
				now() {
					return this.t;
				}
			};
			timed = await startGateway(kind, {
				store: gw.store,
				clock,
				sessionPolicy: { idleMs: 10 * MINUTE, absoluteMs: 60 * MINUTE }
			});
		});
		afterAll(async () => {
			await timed?.close();
		});

		it('gives the cookie the absolute lifetime as Max-Age', async () => {
			const res = await timed.client().post('/api/auth/login', { email: SALES, password: 'outpost-demo' });
			expect(res.headers.getSetCookie().join('\n')).toMatch(/Max-Age=3600\b/);
		});

		it('ends a session left idle for the idle limit', async () => {
			const client = await timed.login(SALES);
			clock.t += 10 * MINUTE - 1;
			expect((await client.get('/api/auth/me')).status).toBe(200);
			clock.t += 10 * MINUTE;
			expect((await client.get('/api/auth/me')).status).toBe(401);
			clock.t -= 10 * MINUTE; // a session that has ended stays ended
			expect((await client.get('/api/auth/me')).status).toBe(401);
		});

		it('keeps a session alive under an idle limit shorter than a minute', async () => {
			const brief = await startGateway(kind, {
				store: gw.store,
				clock,
				sessionPolicy: { idleMs: 20_000, absoluteMs: 60 * MINUTE }
			});
			try {
				const client = await brief.login(SALES);
				for (let k = 0; k < 5; k++) {
					clock.t += 15_000;
					expect((await client.get('/api/auth/me')).status, `after ${(k + 1) * 15} seconds`).toBe(200);
				}
			} finally {
				await brief.close();
			}
		});

		it('keeps an active session alive past the idle limit, but not past its lifetime', async () => {
			const client = await timed.login(SALES);
			for (let k = 0; k < 6; k++) {
				clock.t += 9 * MINUTE;
				expect((await client.get('/api/auth/me')).status, `after ${(k + 1) * 9} minutes`).toBe(200);
			}
			clock.t += 6 * MINUTE; // 60 minutes since sign-in
			const expired = await client.get('/api/auth/me');
			expect(expired.status).toBe(401);
			expect(expired.body.error.code).toBe('not_signed_in');
		});
	});
});
