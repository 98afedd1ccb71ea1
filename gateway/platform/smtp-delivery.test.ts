import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeSmtpServer, type FakeSmtpServer } from '../test/fake-smtp-server.ts';
import { createSmtpDelivery } from './smtp-delivery.ts';

describe('createSmtpDelivery', () => {
	let smtp: FakeSmtpServer;
	beforeAll(async () => {
		smtp = await startFakeSmtpServer();
	});
	afterAll(async () => {
		await smtp?.close();
	});

	it('sends the mail as plain text from MAIL_FROM, logging in with the credentials in SMTP_URL', async () => {
		const delivery = createSmtpDelivery({
			url: `smtp://mailer:s3cret@127.0.0.1:${smtp.port}`,
			from: 'Outpost <outpost@example.com>'
		});
		try {
			await delivery.deliver({
				orgId: 'org-demo',
				to: 'nell@example.com',
				subject: 'You are invited to Outpost',
				body: 'Hello Nell,\n\nhttps://outpost.example.com/invite/abc\n'
			});
		} finally {
			delivery.close();
		}
		expect(smtp.received).toHaveLength(1);
		const [mail] = smtp.received;
		expect(mail).toMatchObject({ user: 'mailer', from: 'outpost@example.com', to: ['nell@example.com'] });
		expect(mail!.data).toMatch(/^Subject: You are invited to Outpost$/m);
		expect(mail!.data).toMatch(/^From: Outpost <outpost@example.com>$/m);
		expect(mail!.data).toMatch(/^Content-Type: text\/plain/m);
		expect(mail!.data).toContain('https://outpost.example.com/invite/abc');
	});

	it('rejects when the server cannot be reached, so the caller can log it', async () => {
		const delivery = createSmtpDelivery({ url: 'smtp://127.0.0.1:1', from: 'outpost@example.com' });
		await expect(delivery.deliver({ orgId: 'o', to: 'a@example.com', subject: 's', body: 'b' })).rejects.toThrow();
		delivery.close();
	});
});
