// Hands recorded mail to a deliverer only once the transaction that recorded it has committed: it
// waits until the sent_mail row is visible outside that transaction, and drops mail whose row never
// appears (the transaction rolled back). Delivery is best effort; the mailbox keeps every message.

import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.ts';
import type { Mail, SentMail } from './mailer.ts';

export type AfterCommitOptions = {
	/** Pauses between looks for the row; after the last one the mail is dropped. */
	waitsMs?: readonly number[];
	log?: (message: string, detail?: unknown) => void;
};

const DEFAULT_WAITS_MS = [0, 20, 100, 500, 2_000, 5_000, 15_000];

export function deliverAfterCommit(
	db: Kysely<Database>,
	deliver: (mail: Mail) => Promise<void>,
	options: AfterCommitOptions = {}
): (mail: SentMail) => Promise<void> {
	const waits = options.waitsMs ?? DEFAULT_WAITS_MS;
	const log = options.log ?? ((message, detail) => console.error(message, detail));
	return async ({ id, ...mail }) => {
		for (const ms of waits) {
			await new Promise((resolve) => setTimeout(resolve, ms));
			// On SQLite this read queues behind the open transaction; on Postgres it sees committed rows only.
			const row = await db.selectFrom('sent_mail').select('id').where('id', '=', id).executeTakeFirst();
			if (row) return deliver(mail);
		}
		log(`Mail "${mail.subject}" to ${mail.to} was not delivered: the change that sent it did not commit.`);
	};
}
