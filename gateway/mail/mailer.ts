// Outgoing mail. In sandbox mode every message lands in the sent_mail table, the mailbox an admin
// reads in the app; with SMTP configured it is also handed to the mail server. Messages are written
// inside the caller's transaction, so an invitation is never mailed for a change that rolled back.

import type { Transaction } from 'kysely';
import type { Database } from '../store/schema.ts';

export type Mail = { orgId: string; to: string; subject: string; body: string };
/** A message as recorded: its sent_mail id tells a deliverer when the transaction has committed. */
export type SentMail = Mail & { id: string };

export type Mailer = {
	/** Records the message in the transaction; delivery happens after commit. */
	send(trx: Transaction<Database>, mail: Mail, now: number): Promise<void>;
};

/** `deliver` runs as soon as a message is recorded, before commit: wrap it in deliverAfterCommit. */
export function createMailboxMailer(deliver?: (mail: SentMail) => Promise<void>): Mailer {
	return {
		async send(trx, mail, now) {
			const id = crypto.randomUUID();
			await trx
				.insertInto('sent_mail')
				.values({ id, org_id: mail.orgId, to_address: mail.to, subject: mail.subject, body: mail.body, sent_at: now })
				.execute();
			if (deliver)
				queueMicrotask(
					() => void deliver({ ...mail, id }).catch((error: unknown) => console.error('Mail delivery failed', error))
				);
		}
	};
}
