import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ERRORS } from '../../shared/errors.ts';
import { demoUserId } from '../demo/seed-demo.ts';
import { mailTo, settle, tokenIn, waitForMail } from '../test/account-links.ts';
import { patchEntity } from '../test/edit-entity.ts';
import { postFrom, testClientAddress } from '../test/from-address.ts';
import { startGateway, type Gateway } from '../test/http-harness.ts';
import { STORE_KINDS } from '../test/stores.ts';
import { TOKEN_LIFETIME_MS } from './one-time-tokens.ts';

const VIEWER = 'viewer@demo.outpost.test';
const OLD_PASSWORD = 'outpost-demo';
const SUBJECT = /^Reset your Outpost password/;
const PUBLIC_URL = 'https://outpost.example.com';

describe.each(STORE_KINDS)('password reset on $name', (kind) => {
	const clock = {
		t: Date.UTC(2026, 10, 1, 9),
		now() {
			return this.t;
		}
	};
	let gw: Gateway;
	let n = 0;
	const request = (email: string, address = '127.0.0.1') =>
		postFrom(gw.baseUrl, address, '/api/auth/password-reset', { email });
	/** Asks for a link for `email` and returns the token from the newest reset mail. */
	async function resetToken(email: string): Promise<string> {
		const before = (await mailTo(gw, email)).filter((m) => SUBJECT.test(m.subject)).length;
		expect((await request(email)).status).toBe(202);
		return tokenIn((await waitForMail(gw, email, SUBJECT, before + 1)).body, 'reset');
	}

	beforeAll(async () => {
		gw = await startGateway(kind, { clock, clientAddress: testClientAddress, publicUrl: PUBLIC_URL });
	});
	afterAll(async () => {
		await gw?.close();
	});
	beforeEach(() => {
		clock.t += 3600_000;
	});

	it('mails a link; the new password ends every other session and signs the person in', async () => {
		const phone = await gw.login(VIEWER);
		const laptop = await gw.login(VIEWER);
		const token = await resetToken(VIEWER);
		const mail = (await mailTo(gw, VIEWER))[0]!;
		expect(mail.body).toContain(`${PUBLIC_URL}/reset/${token}`);
		expect(mail.body).toMatch(/1 hour/);

		const browser = gw.client();
		const newPassword = `a brand new password ${++n}`;
		const reset = await browser.post(`/api/auth/password-reset/${token}`, { password: newPassword });
		expect(reset.status, JSON.stringify(reset.body)).toBe(200);
		expect(reset.body.user.email).toBe(VIEWER);
		expect((await browser.get('/api/auth/me')).status).toBe(200);
		expect((await phone.get('/api/auth/me')).status).toBe(401);
		expect((await laptop.get('/api/auth/me')).status).toBe(401);

		expect((await gw.client().post('/api/auth/login', { email: VIEWER, password: OLD_PASSWORD })).status).toBe(401);
		expect((await gw.client().post('/api/auth/login', { email: VIEWER, password: newPassword })).status).toBe(200);
		const reused = await gw.client().post(`/api/auth/password-reset/${token}`, { password: 'yet another password' });
		expect(reused.status).toBe(400);
		expect(reused.body).toEqual({ error: ERRORS.tokenInvalid });
	});

	it('answers an unknown, a disabled and a real account identically, and mails only the real one', async () => {
		const disabled = 'buyer@demo.outpost.test';
		await patchEntity(gw.store, 'users', demoUserId(disabled), { loginDisabled: true });
		try {
			const unknown = await request('nobody@demo.outpost.test');
			const off = await request(disabled);
			const real = await request('catalog@demo.outpost.test');
			expect(unknown).toEqual({ status: 202, body: { accepted: true }, retryAfter: null });
			expect(off).toEqual(unknown);
			expect(real).toEqual(unknown);
			await waitForMail(gw, 'catalog@demo.outpost.test', SUBJECT);
			await settle();
			expect(await mailTo(gw, 'nobody@demo.outpost.test')).toEqual([]);
			expect(await mailTo(gw, disabled)).toEqual([]);
		} finally {
			await patchEntity(gw.store, 'users', demoUserId(disabled), { loginDisabled: false });
		}
	});

	it('works for an hour, and only the newest link', async () => {
		const email = 'customer@acme.outpost.test';
		const first = await resetToken(email);
		clock.t += 1_000;
		const second = await resetToken(email);
		expect((await gw.client().post(`/api/auth/password-reset/${first}`, { password: 'long enough now' })).status).toBe(
			400
		);
		clock.t += TOKEN_LIFETIME_MS['reset-password'];
		const late = await gw.client().post(`/api/auth/password-reset/${second}`, { password: 'long enough now' });
		expect(late.status).toBe(400);
		expect(late.body).toEqual({ error: ERRORS.tokenInvalid });
		expect((await gw.client().post('/api/auth/login', { email, password: OLD_PASSWORD })).status).toBe(200);
	});

	it('asks for at least 10 characters and keeps the link usable', async () => {
		const email = 'sales@demo.outpost.test';
		const token = await resetToken(email);
		const short = await gw.client().post(`/api/auth/password-reset/${token}`, { password: 'too short' });
		expect(short.status).toBe(400);
		expect(short.body).toEqual({ error: ERRORS.passwordTooWeak });
		expect((await gw.client().post('/api/auth/login', { email, password: OLD_PASSWORD })).status).toBe(200);
		expect((await gw.client().post(`/api/auth/password-reset/${token}`, { password: 'long enough now' })).status).toBe(
			200
		);
	});

	it('lifts the lock on an account that ran out of sign-in attempts', async () => {
		const email = 'admin@demo.outpost.test';
		for (let k = 0; k < 5; k++) await gw.client().post('/api/auth/login', { email, password: 'wrong guess' });
		expect((await gw.client().post('/api/auth/login', { email, password: OLD_PASSWORD })).status).toBe(429);
		const token = await resetToken(email);
		const newPassword = `the admin's new password ${++n}`;
		expect((await gw.client().post(`/api/auth/password-reset/${token}`, { password: newPassword })).status).toBe(200);
		expect((await gw.client().post('/api/auth/login', { email, password: newPassword })).status).toBe(200);
	});

	it('limits reset requests per address with 429 and Retry-After', async () => {
		for (let k = 1; k <= 20; k++) {
			clock.t += 10_000;
			expect((await request(`guess-${k}@demo.outpost.test`, '203.0.113.50')).status, `request ${k}`).toBe(202);
		}
		const refused = await request('nobody@demo.outpost.test', '203.0.113.50');
		expect(refused).toEqual({
			status: 429,
			body: { error: ERRORS.tooManyAttempts },
			retryAfter: String(15 * 60 - 190)
		});
		expect((await request('nobody@demo.outpost.test', '203.0.113.51')).status).toBe(202);
		// Asking for links does not use up the address's sign-in attempts.
		const signIn = await postFrom(gw.baseUrl, '203.0.113.50', '/api/auth/login', { email: VIEWER, password: 'wrong' });
		expect(signIn.status).toBe(401);
	});

	it('holds the per-address limit under 30 concurrent requests', async () => {
		const answers = await Promise.all(
			Array.from({ length: 30 }, (_, k) => request(`burst-${k}@demo.outpost.test`, '203.0.113.60'))
		);
		expect(answers.filter((a) => a.status === 202)).toHaveLength(20);
		expect(answers.filter((a) => a.status === 429)).toHaveLength(10);
	});
});
