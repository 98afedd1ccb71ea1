import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ERRORS } from '../../shared/errors.ts';
import { mailboxAnswerSchema, type SentMailItem } from '../../shared/mail/sent-mail.ts';
import { hashToken } from '../auth/sessions.ts';
import { DEMO_ORG } from '../demo/demo-data.ts';
import { deliverAfterCommit } from '../mail/deliver-after-commit.ts';
import { REDACTED_LINK } from '../mail/link-redaction.ts';
import { createMailSeal } from '../mail/mail-seal.ts';
import { createMailboxMailer } from '../mail/mailer.ts';
import { createSmtpDelivery } from '../platform/smtp-delivery.ts';
import { tokenIn } from '../test/account-links.ts';
import { startFakeSmtpServer, type FakeSmtpServer } from '../test/fake-smtp-server.ts';
import { startGateway, type Gateway, type HttpClient } from '../test/http-harness.ts';
import { STORE_KINDS, type TestStore } from '../test/stores.ts';

const ADMIN = 'admin@demo.outpost.test';
const VIEWER = 'viewer@demo.outpost.test';
const T0 = Date.UTC(2026, 10, 1, 9);

/** Asks for a reset link for the viewer and waits for it in the admin's mailbox. */
async function resetMailShown(gw: Gateway, admin: HttpClient): Promise<SentMailItem> {
	expect((await gw.client().post('/api/auth/password-reset', { email: VIEWER })).status).toBe(202);
	return vi.waitFor(
		async () => {
			const { mail } = mailboxAnswerSchema.parse((await admin.get('/api/admin/mailbox')).body);
			const reset = mail.find((m) => m.to === VIEWER && m.subject.startsWith('Reset'));
			expect(reset).toBeDefined();
			return reset!;
		},
		{ timeout: 5_000, interval: 20 }
	);
}

const storedBodies = async (gw: Gateway) =>
	(await gw.store.db.selectFrom('sent_mail').select('body').where('to_address', '=', VIEWER).execute()).map(
		(r) => r.body
	);

describe.each(STORE_KINDS)('/api/admin/mailbox on $name', (kind) => {
	let gw: Gateway;

	beforeAll(async () => {
		gw = await startGateway(kind);
		const mail = (orgId: string, k: number) => ({
			id: `mail-${orgId}-${k}`,
			org_id: orgId,
			to_address: `person${k}@${orgId}.test`,
			subject: `Message ${k}`,
			body: `Hello ${k},\n\nhttps://outpost.example.com/reset/token${k}\n`,
			sent_at: T0 + k * 1_000
		});
		await gw.store.db
			.insertInto('sent_mail')
			.values([2, 0, 1].flatMap((k) => [mail(DEMO_ORG.id, k), mail('org-elsewhere', k)]))
			.execute();
	});
	afterAll(async () => {
		await gw?.close();
	});

	it("shows an admin their organisation's mail, newest first", async () => {
		const res = await (await gw.login(ADMIN)).get('/api/admin/mailbox');
		expect(res.status).toBe(200);
		const { mail } = mailboxAnswerSchema.parse(res.body);
		expect(mail.map((m) => m.subject)).toEqual(['Message 2', 'Message 1', 'Message 0']);
		expect(mail[0]).toEqual({
			id: `mail-${DEMO_ORG.id}-2`,
			to: `person2@${DEMO_ORG.id}.test`,
			subject: 'Message 2',
			body: 'Hello 2,\n\nhttps://outpost.example.com/reset/token2\n',
			sentAt: T0 + 2_000
		});
		expect(res.headers.get('cache-control')).toBe('no-store');
	});

	it('returns at most `limit` messages and refuses a limit that is not one', async () => {
		const admin = await gw.login(ADMIN);
		const one = await admin.get('/api/admin/mailbox?limit=1');
		expect(one.body.mail.map((m: { subject: string }) => m.subject)).toEqual(['Message 2']);
		for (const limit of ['0', '-1', 'many', '1.5', '501']) {
			const res = await admin.get(`/api/admin/mailbox?limit=${limit}`);
			expect(res.status, limit).toBe(400);
			expect(res.body.error.code).toBe('invalid_input');
			expect(res.body.error.message).toMatch(/^limit: /);
		}
	});

	it.each([
		['sales@demo.outpost.test', 403, ERRORS.forbidden],
		['viewer@demo.outpost.test', 403, ERRORS.forbidden],
		['customer@acme.outpost.test', 403, ERRORS.forbidden],
		['unlinked@demo.outpost.test', 403, ERRORS.companyLinkRequired],
		['unverified@demo.outpost.test', 403, ERRORS.companyLinkRequired]
	])('refuses %s with %i', async (email, status, error) => {
		const res = await (await gw.login(email)).get('/api/admin/mailbox');
		expect(res.status).toBe(status);
		// A company-link refusal also names the account and the cause (the Access Forbidden page reads them).
		const { code, message } = res.body.error;
		expect({ code, message }).toEqual(error);
	});

	it('asks a visitor to sign in, and guards unknown admin routes the same way', async () => {
		const visitor = await gw.client().get('/api/admin/mailbox');
		expect(visitor.status).toBe(401);
		expect(visitor.body).toEqual({ error: ERRORS.notSignedIn });
		expect((await (await gw.login('sales@demo.outpost.test')).get('/api/admin/nope')).status).toBe(403);
		expect((await (await gw.login(ADMIN)).get('/api/admin/nope')).status).toBe(404);
	});

	it('shows a link mailed only to the mailbox, which the store keeps sealed and the token hashed', async () => {
		const shown = await resetMailShown(gw, await gw.login(ADMIN));
		const token = tokenIn(shown.body, 'reset');
		const bodies = await storedBodies(gw);
		expect(bodies).toHaveLength(1);
		expect(bodies[0]).not.toContain(token);
		expect(bodies[0]).not.toContain('/reset/');
		const kept = await gw.store.db.selectFrom('one_time_tokens').select('token_hash').execute();
		expect(kept.map((t) => t.token_hash)).toContain(hashToken(token));
		expect(kept.map((t) => t.token_hash)).not.toContain(token);
	});
});

describe.each(STORE_KINDS)('/api/admin/mailbox with SMTP on $name', (kind) => {
	let smtp: FakeSmtpServer;
	let opened: TestStore;
	let gw: Gateway;

	beforeAll(async () => {
		smtp = await startFakeSmtpServer();
		opened = await kind.open();
		const delivery = createSmtpDelivery({ url: `smtp://127.0.0.1:${smtp.port}`, from: 'outpost@example.com' });
		const mailer = createMailboxMailer({
			seal: await createMailSeal(crypto.getRandomValues(new Uint8Array(32))),
			deliver: deliverAfterCommit(opened.store.db, delivery.deliver)
		});
		gw = await startGateway(kind, { store: opened.store, mailer });
	});
	afterAll(async () => {
		await gw?.close();
		await opened?.close();
		await smtp?.close();
	});

	it('mails the link to the recipient only: the mailbox and the store hold it taken out', async () => {
		const shown = await resetMailShown(gw, await gw.login(ADMIN));
		await vi.waitFor(() => expect(smtp.received).toHaveLength(1));
		const token = tokenIn(smtp.received[0]!.data.replace(/=\r?\n/g, ''), 'reset');
		expect(shown.body).toContain(REDACTED_LINK);
		expect(shown.body).not.toContain(token);
		for (const body of await storedBodies(gw)) expect(body).not.toContain(token);
	});
});
