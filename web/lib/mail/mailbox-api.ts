// Reads the sandbox mailbox (/api/admin/mailbox) for the admin screen; answers are checked before use.

import { mailboxAnswerSchema, type SentMailItem } from '../../../shared/mail/sent-mail.ts';

export type MailboxResult = { ok: true; mail: SentMailItem[] } | { ok: false; message: string };

export async function fetchMailbox(limit = 100): Promise<MailboxResult> {
	let response: Response;
	try {
		response = await fetch(`/api/admin/mailbox?limit=${limit}`, { credentials: 'same-origin' });
	} catch {
		return { ok: false, message: 'The mailbox needs a connection to the server. Try again when you are online.' };
	}
	const body: unknown = await response.json().catch(() => null);
	if (!response.ok) {
		const message = (body as { error?: { message?: unknown } } | null)?.error?.message;
		return { ok: false, message: typeof message === 'string' ? message : 'The mailbox could not be read.' };
	}
	const parsed = mailboxAnswerSchema.safeParse(body);
	return parsed.success
		? { ok: true, mail: parsed.data.mail }
		: { ok: false, message: 'The mailbox could not be read.' };
}
