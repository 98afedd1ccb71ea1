import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ERRORS } from '../../shared/errors.ts';
import { demoUserId } from '../demo/seed-demo.ts';
import { mailTo, settle, tokenIn, waitForMail } from '../test/account-links.ts';
import { patchEntity } from '../test/edit-entity.ts';
import { postFrom, testClientAddress } from '../test/from-address.ts';
import { startGateway, type Gateway } from '../test/http-harness.ts';
import { STORE_KINDS } from '../test/stores.ts';
import { TOKEN_LIFETIME_MS } from './one-time-tokens.ts';

const CATALOG = 'catalog@demo.outpost.test';
const PASSWORD = 'outpost-demo';
const SUBJECT = /^Verify your email address/;
const accepted = { status: 202, body: { accepted: true } };

describe.each(STORE_KINDS)('email verification on $name', (kind) => {
	const clock = {
		t: Date.UTC(2026, 10, 1, 9),
		now() {
			return this.t;
		}
	};
	let gw: Gateway;
	const setVerified = (email: string, verified: boolean) =>
		gw.store.db
			.updateTable('users')
			.set({ email_verified: verified ? 1 : 0 })
			.where('email', '=', email)
			.execute();
	const resend = async (email: string) => {
		const res = await gw.client().post('/api/auth/verify-email/resend', { email });
		return { status: res.status, body: res.body };
	};

	beforeAll(async () => {
		gw = await startGateway(kind, {
			clock,
			clientAddress: testClientAddress,
			publicUrl: 'https://outpost.example.com'
		});
	});
	afterAll(async () => {
		await gw?.close();
	});
	beforeEach(async () => {
		clock.t += 3600_000;
		await setVerified(CATALOG, false);
	});

	it('refuses a password sign-in until the address is verified, saying the link can be sent again', async () => {
		const refused = await gw.client().post('/api/auth/login', { email: CATALOG, password: PASSWORD });
		expect(refused.status).toBe(403);
		expect(refused.body).toEqual({ error: ERRORS.emailNotVerified });
		expect(refused.body.error.message).toMatch(/sent again/);
	});

	it('mails a new link on request; opening it verifies the address and the person can sign in', async () => {
		expect(await resend(CATALOG)).toEqual(accepted);
		const mail = await waitForMail(gw, CATALOG, SUBJECT);
		expect(mail.body).toContain('https://outpost.example.com/verify/');
		const token = tokenIn(mail.body, 'verify');

		const verified = await gw.client().post(`/api/auth/verify-email/${token}`);
		expect(verified).toMatchObject({ status: 200, body: { verified: true } });
		expect(verified.headers.getSetCookie()).toEqual([]); // verifying does not sign anyone in
		expect((await gw.client().post('/api/auth/login', { email: CATALOG, password: PASSWORD })).status).toBe(200);

		const reused = await gw.client().post(`/api/auth/verify-email/${token}`);
		expect(reused.status).toBe(400);
		expect(reused.body).toEqual({ error: ERRORS.tokenInvalid });
	});

	it('answers every request the same way and mails only an unverified account', async () => {
		const others = ['nobody@demo.outpost.test', 'sales@demo.outpost.test'];
		const before = (await mailTo(gw, CATALOG)).length;
		for (const email of others) expect(await resend(email)).toEqual(accepted);
		expect(await resend(CATALOG)).toEqual(accepted);
		// Waits for this request's mail, not the earlier test's: a late one would be counted by the next test.
		await waitForMail(gw, CATALOG, SUBJECT, before + 1);
		await settle();
		for (const email of others) expect(await mailTo(gw, email)).toEqual([]);
	});

	it('does not mail an account whose sign-in is disabled', async () => {
		const id = demoUserId(CATALOG);
		const before = (await mailTo(gw, CATALOG)).length;
		await patchEntity(gw.store, 'users', id, { loginDisabled: true });
		try {
			expect(await resend(CATALOG)).toEqual(accepted);
			await settle();
			expect(await mailTo(gw, CATALOG)).toHaveLength(before);
		} finally {
			await patchEntity(gw.store, 'users', id, { loginDisabled: false });
		}
	});

	it('keeps only the newest link working, for 2 days', async () => {
		const before = (await mailTo(gw, CATALOG)).length;
		await resend(CATALOG);
		const first = tokenIn((await waitForMail(gw, CATALOG, SUBJECT, before + 1)).body, 'verify');
		clock.t += 1_000;
		await resend(CATALOG);
		const second = tokenIn((await waitForMail(gw, CATALOG, SUBJECT, before + 2)).body, 'verify');
		expect(second).not.toBe(first);
		expect((await gw.client().post(`/api/auth/verify-email/${first}`)).status).toBe(400);
		clock.t += TOKEN_LIFETIME_MS['verify-email'];
		expect((await gw.client().post(`/api/auth/verify-email/${second}`)).body).toEqual({ error: ERRORS.tokenInvalid });
	});

	it('refuses a link that cannot be a token, and an email that is not one', async () => {
		expect((await gw.client().post('/api/auth/verify-email/nope')).body).toEqual({ error: ERRORS.tokenInvalid });
		const bad = await gw.client().post('/api/auth/verify-email/resend', { email: 'not-an-email' });
		expect(bad.status).toBe(400);
		expect(bad.body.error.code).toBe('invalid_input');
	});

	it('limits link requests per address', async () => {
		const from = (address: string) =>
			postFrom(gw.baseUrl, address, '/api/auth/verify-email/resend', { email: 'nobody@demo.outpost.test' });
		for (let k = 1; k <= 20; k++) expect((await from('192.0.2.7')).status, `request ${k}`).toBe(202);
		const refused = await from('192.0.2.7');
		expect(refused).toEqual({ status: 429, body: { error: ERRORS.tooManyAttempts }, retryAfter: String(15 * 60) });
		expect((await from('192.0.2.8')).status).toBe(202);
	});
});
