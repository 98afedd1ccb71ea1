import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERRORS } from '../../shared/errors.ts';
import { DEMO_ORG, MSP_COMPANY_ID } from '../demo/demo-data.ts';
import { roleIdOf } from '../demo/seed-demo.ts';
import { invite, tokenIn } from '../test/account-links.ts';
import { startGateway, type Gateway, type HttpClient } from '../test/http-harness.ts';
import { STORE_KINDS } from '../test/stores.ts';
import { TOKEN_LIFETIME_MS } from './one-time-tokens.ts';
import { SESSION_COOKIE } from './sessions.ts';

const ADMIN = 'admin@demo.outpost.test';
const PUBLIC_URL = 'https://outpost.example.com';
const PASSWORD = 'a long enough passphrase';
const tokenInvalid = { error: ERRORS.tokenInvalid };

let seq = 0;
function newcomer() {
	const n = ++seq;
	return {
		id: `user-invited-${n}-${crypto.randomUUID().slice(0, 8)}`,
		email: `newcomer${n}@demo.outpost.test`,
		name: `Nell Newcomer ${n}`,
		kind: 'msp' as const,
		roleIds: [roleIdOf(DEMO_ORG.id, 'quoteEditor')],
		companyId: MSP_COMPANY_ID
	};
}

describe.each(STORE_KINDS)('invitations on $name', (kind) => {
	const clock = {
		t: Date.UTC(2026, 10, 1, 9),
		now() {
			return this.t;
		}
	};
	let gw: Gateway;
	let admin: HttpClient;

	beforeAll(async () => {
		gw = await startGateway(kind, { clock, publicUrl: PUBLIC_URL });
		admin = await gw.login(ADMIN);
	});
	afterAll(async () => {
		await gw?.close();
	});

	/** Invites a newcomer and reads the invitation from the admin's mailbox, as a person would. */
	async function inviteAndOpenMailbox() {
		const person = newcomer();
		await invite(admin, person);
		const mailbox = await admin.get('/api/admin/mailbox');
		expect(mailbox.status).toBe(200);
		const mail = mailbox.body.mail.find((m: { to: string }) => m.to === person.email);
		expect(mail).toMatchObject({ subject: 'You are invited to Outpost', sentAt: clock.t });
		expect(mail.body).toContain(`${PUBLIC_URL}/invite/`);
		return { person, token: tokenIn(mail.body, 'invite') };
	}

	it('takes an invited person from the mail to signed in, and then to signing in with the password', async () => {
		const { person, token } = await inviteAndOpenMailbox();
		const visitor = gw.client();
		expect((await visitor.post('/api/auth/login', { email: person.email, password: PASSWORD })).status).toBe(401);

		const shown = await visitor.get(`/api/auth/invitation/${token}`);
		expect(shown.status).toBe(200);
		expect(shown.body).toEqual({ invitation: { name: person.name, email: person.email } });

		const accepted = await visitor.post(`/api/auth/invitation/${token}`, { password: PASSWORD });
		expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
		expect(accepted.body.user).toMatchObject({
			id: person.id,
			email: person.email,
			companyVerified: true,
			roles: ['Quote editor']
		});
		expect(accepted.headers.getSetCookie().join('\n')).toMatch(new RegExp(`${SESSION_COOKIE}=.+HttpOnly`, 'i'));
		expect((await visitor.get('/api/auth/me')).body.user.email).toBe(person.email);

		const credentials = await gw.store.db
			.selectFrom('users')
			.select(['email_verified', 'password_hash'])
			.where('id', '=', person.id)
			.executeTakeFirstOrThrow();
		expect(credentials.email_verified).toBe(1);
		expect(credentials.password_hash).not.toContain(PASSWORD);
		const again = await gw.client().post('/api/auth/login', { email: person.email, password: PASSWORD });
		expect(again.status).toBe(200);
	});

	it('works once: a used invitation is refused, to show and to accept', async () => {
		const { token } = await inviteAndOpenMailbox();
		expect((await gw.client().post(`/api/auth/invitation/${token}`, { password: PASSWORD })).status).toBe(200);
		const shown = await gw.client().get(`/api/auth/invitation/${token}`);
		const reused = await gw.client().post(`/api/auth/invitation/${token}`, { password: 'another long passphrase' });
		for (const res of [shown, reused]) {
			expect(res.status).toBe(400);
			expect(res.body).toEqual(tokenInvalid);
			expect(res.headers.getSetCookie()).toEqual([]);
		}
	});

	it('expires after 7 days', async () => {
		const { token } = await inviteAndOpenMailbox();
		const start = clock.t;
		try {
			clock.t = start + TOKEN_LIFETIME_MS.invite - 1;
			expect((await gw.client().get(`/api/auth/invitation/${token}`)).status).toBe(200);
			clock.t = start + TOKEN_LIFETIME_MS.invite;
			expect((await gw.client().get(`/api/auth/invitation/${token}`)).body).toEqual(tokenInvalid);
			const late = await gw.client().post(`/api/auth/invitation/${token}`, { password: PASSWORD });
			expect(late.status).toBe(400);
			expect(late.body).toEqual(tokenInvalid);
		} finally {
			clock.t = start;
		}
	});

	it('stops working when the admin sends a new one', async () => {
		const { person, token: first } = await inviteAndOpenMailbox();
		clock.t += 1_000; // the mailbox lists newest first
		const res = await admin.post('/api/sync/push', {
			clientGroupID: 'cg-resend',
			clientID: `c-resend-${person.id}`,
			mutations: [{ id: 1, name: 'resendInvitation', args: { id: person.id }, timestamp: clock.t }]
		});
		expect(res.body.results).toEqual([{ id: 1, status: 'applied' }]);
		expect((await gw.client().get(`/api/auth/invitation/${first}`)).body).toEqual(tokenInvalid);
		const mail = (await admin.get('/api/admin/mailbox')).body.mail.filter((m: { to: string }) => m.to === person.email);
		expect(mail).toHaveLength(2);
		const second = tokenIn(mail[0].body, 'invite');
		expect(second).not.toBe(first);
		expect((await gw.client().post(`/api/auth/invitation/${second}`, { password: PASSWORD })).status).toBe(200);
	});

	it('asks for a password of at least 10 characters, and keeps the link usable', async () => {
		const { token } = await inviteAndOpenMailbox();
		const short = await gw.client().post(`/api/auth/invitation/${token}`, { password: 'nine char' });
		expect(short.status).toBe(400);
		expect(short.body).toEqual({ error: ERRORS.passwordTooWeak });
		const huge = await gw.client().post(`/api/auth/invitation/${token}`, { password: 'x'.repeat(1_001) });
		expect(huge.status).toBe(400);
		expect(huge.body.error.code).toBe('invalid_input');
		expect((await gw.client().post(`/api/auth/invitation/${token}`, { password: 'ten chars!' })).status).toBe(200);
	});

	it('answers a token that was never issued, or cannot be one, like a used one', async () => {
		for (const token of ['A'.repeat(43), 'short', 'not%20a%20token%20at%20all%20really']) {
			const shown = await gw.client().get(`/api/auth/invitation/${token}`);
			const accepted = await gw.client().post(`/api/auth/invitation/${token}`, { password: PASSWORD });
			expect(shown.body, token).toEqual(tokenInvalid);
			expect(accepted.body, token).toEqual(tokenInvalid);
		}
	});

	it('does not sign in someone whose sign-in an admin disabled meanwhile', async () => {
		const { person, token } = await inviteAndOpenMailbox();
		const res = await admin.post('/api/sync/push', {
			clientGroupID: 'cg-disable',
			clientID: `c-disable-${person.id}`,
			mutations: [{ id: 1, name: 'updateUser', args: { id: person.id, loginDisabled: true }, timestamp: clock.t }]
		});
		expect(res.body.results).toEqual([{ id: 1, status: 'applied' }]);
		const accepted = await gw.client().post(`/api/auth/invitation/${token}`, { password: PASSWORD });
		expect(accepted.status).toBe(403);
		expect(accepted.body).toEqual({ error: ERRORS.loginDisabled });
		expect(accepted.headers.getSetCookie()).toEqual([]);
	});
});
