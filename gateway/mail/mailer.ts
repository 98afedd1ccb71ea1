// Outgoing mail. Every message is recorded in the sent_mail table, the mailbox an admin reads in the
// app; with SMTP configured it is also handed to the mail server. Messages are written inside the
// caller's transaction, so an invitation is never mailed for a change that rolled back.
// Bodies carry live sign-in links, so none is kept in clear: the body is sealed, and when SMTP
// delivered the mail the kept copy has its links taken out as well (the recipient has them).

import type { Transaction } from 'kysely';
import type { Database } from '../store/schema.ts';
import { redactLinks } from './link-redaction.ts';
import { isSealed, type MailSeal } from './mail-seal.ts';

export type Mail = { orgId: string; to: string; subject: string; body: string };
/** A message as recorded: its sent_mail id tells a deliverer when the transaction has committed. */
export type SentMail = Mail & { id: string };

export type Mailer = {
	/** Records the message in the transaction; delivery happens after commit. */
	send(trx: Transaction<Database>, mail: Mail, now: number): Promise<void>;
	/** The body of a sent_mail row as the mailbox shows it. */
	read(row: { id: string; body: string }): Promise<string>;
};

export const UNREADABLE_BODY = '(This message was sealed under another key and cannot be shown.)';

export type MailerOptions = {
	seal: MailSeal;
	/** Runs as soon as a message is recorded, before commit: wrap it in deliverAfterCommit. */
	deliver?: (mail: SentMail) => Promise<void>;
};

export function createMailboxMailer({ seal, deliver }: MailerOptions): Mailer {
	return {
		async send(trx, mail, now) {
			const id = crypto.randomUUID();
			const kept = await seal.seal(id, deliver ? redactLinks(mail.body) : mail.body);
			await trx
				.insertInto('sent_mail')
				.values({ id, org_id: mail.orgId, to_address: mail.to, subject: mail.subject, body: kept, sent_at: now })
				.execute();
			if (deliver)
				queueMicrotask(
					() => void deliver({ ...mail, id }).catch((error: unknown) => console.error('Mail delivery failed', error))
				);
		},
		async read({ id, body }) {
			// Rows from before bodies were sealed show without their links.
			if (!isSealed(body)) return redactLinks(body);
			return (await seal.open(id, body)) ?? UNREADABLE_BODY;
		}
	};
}
