// Reads the sandbox mailbox (/api/admin/mailbox) for the admin screen; answers are checked before use.

import { mailboxAnswerSchema, type SentMailItem } from '../../../shared/mail/sent-mail.ts';
import { refusalOf, requestJson } from '../platform/json-request.ts';

export type MailboxResult = { ok: true; mail: SentMailItem[] } | { ok: false; message: string };

export async function fetchMailbox(limit = 100): Promise<MailboxResult> {
	const answer = await requestJson(`/api/admin/mailbox?limit=${limit}`);
	if (!answer.reached) {
		return { ok: false, message: 'The mailbox needs a connection to the server. Try again when you are online.' };
	}
	if (!answer.ok) return { ok: false, message: refusalOf(answer.body)?.message ?? 'The mailbox could not be read.' };
	const parsed = mailboxAnswerSchema.safeParse(answer.body);
	return parsed.success
		? { ok: true, mail: parsed.data.mail }
		: { ok: false, message: 'The mailbox could not be read.' };
}
