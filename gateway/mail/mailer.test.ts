import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { STORE_KINDS, type TestStore } from '../test/stores.ts';
import { REDACTED_LINK } from './link-redaction.ts';
import { createMailSeal } from './mail-seal.ts';
import { createMailboxMailer, UNREADABLE_BODY, type Mail, type SentMail } from './mailer.ts';
import { sealKeptMail } from './seal-kept-mail.ts';

const TOKEN = 'Qm9va3MgYXJlIGEgdW5pcXVlbHkgcG9ydGFibGUgbWF';
const LINK = `https://outpost.example.com/reset/${TOKEN}`;
const mail = (subject: string): Mail => ({
	orgId: 'org-demo',
	to: 'person@example.com',
	subject,
	body: `Hello Pat,\n\nOpen this link:\n\n${LINK}\n\nThanks.\n`
});
const key = (fill: number) => new Uint8Array(32).fill(fill);

describe.each(STORE_KINDS)('the mailbox mailer on $name', (kind) => {
	let opened: TestStore;
	beforeAll(async () => {
		opened = await kind.open();
	});
	afterAll(async () => {
		await opened?.close();
	});

	const stored = (subject: string) =>
		opened.store.db
			.selectFrom('sent_mail')
			.select(['id', 'body'])
			.where('subject', '=', subject)
			.executeTakeFirstOrThrow();

	it('without SMTP keeps the body sealed at rest, and opens it for the mailbox', async () => {
		const mailer = createMailboxMailer({ seal: await createMailSeal(key(1)) });
		await opened.store.write((trx) => mailer.send(trx, mail('Only in the mailbox'), 1));
		const row = await stored('Only in the mailbox');
		expect(row.body).not.toContain(TOKEN);
		expect(row.body).not.toContain('Hello Pat');
		expect(row.body.startsWith('sealed:v1.')).toBe(true);
		expect(await mailer.read(row)).toBe(mail('Only in the mailbox').body);
	});

	it('with SMTP delivers the link, and keeps a copy without it', async () => {
		const delivered: SentMail[] = [];
		const deliver = async (m: SentMail) => void delivered.push(m);
		const mailer = createMailboxMailer({ seal: await createMailSeal(key(1)), deliver });
		await opened.store.write((trx) => mailer.send(trx, mail('Delivered'), 1));
		await vi.waitFor(() => expect(delivered).toHaveLength(1));
		expect(delivered[0]!.body).toContain(LINK);
		const row = await stored('Delivered');
		expect(row.body).not.toContain(TOKEN);
		expect(await mailer.read(row)).toBe(`Hello Pat,\n\nOpen this link:\n\n${REDACTED_LINK}\n\nThanks.\n`);
	});

	it('does not open a body under another key, nor one moved to another message', async () => {
		const mailer = createMailboxMailer({ seal: await createMailSeal(key(1)) });
		await opened.store.write((trx) => mailer.send(trx, mail('Moved'), 1));
		const row = await stored('Moved');
		const otherKey = createMailboxMailer({ seal: await createMailSeal(key(2)) });
		expect(await otherKey.read(row)).toBe(UNREADABLE_BODY);
		expect(await mailer.read({ id: 'another-message', body: row.body })).toBe(UNREADABLE_BODY);
	});

	it('shows a body kept in clear before sealing began without its links', async () => {
		const mailer = createMailboxMailer({ seal: await createMailSeal(key(1)) });
		const old = { id: 'mail-old', body: `Hello,\n\n${LINK}\n` };
		expect(await mailer.read(old)).toBe(`Hello,\n\n${REDACTED_LINK}\n`);
	});

	it('seals, once, the bodies kept in clear before sealing began, without their links', async () => {
		const seal = await createMailSeal(key(1));
		const mailer = createMailboxMailer({ seal });
		await opened.store.db
			.insertInto('sent_mail')
			.values({
				id: 'mail-kept',
				org_id: 'org-demo',
				to_address: 'a@example.com',
				subject: 'Kept',
				body: `Hi\n${LINK}\n`,
				sent_at: 1
			})
			.execute();
		expect(await sealKeptMail(opened.store, seal)).toBe(1);
		const row = await stored('Kept');
		expect(row.body).not.toContain(TOKEN);
		expect(row.body.startsWith('sealed:v1.')).toBe(true);
		expect(await mailer.read(row)).toBe(`Hi\n${REDACTED_LINK}\n`);
		expect(await sealKeptMail(opened.store, seal)).toBe(0);
	});
});
