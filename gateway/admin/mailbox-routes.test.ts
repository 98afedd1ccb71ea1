import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERRORS } from '../../shared/errors.ts';
import { mailboxAnswerSchema } from '../../shared/mail/sent-mail.ts';
import { DEMO_ORG } from '../demo/demo-data.ts';
import { startGateway, type Gateway } from '../test/http-harness.ts';
import { STORE_KINDS } from '../test/stores.ts';

const ADMIN = 'admin@demo.outpost.test';
const T0 = Date.UTC(2026, 10, 1, 9);

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
		expect(res.body).toEqual({ error });
	});

	it('asks a visitor to sign in, and guards unknown admin routes the same way', async () => {
		const visitor = await gw.client().get('/api/admin/mailbox');
		expect(visitor.status).toBe(401);
		expect(visitor.body).toEqual({ error: ERRORS.notSignedIn });
		expect((await (await gw.login('sales@demo.outpost.test')).get('/api/admin/nope')).status).toBe(403);
		expect((await (await gw.login(ADMIN)).get('/api/admin/nope')).status).toBe(404);
	});
});
