// /api/admin/mailbox: the mail Outpost sent for the admin's organisation, newest first. Without SMTP
// this is the only place invitations and reset links arrive; with SMTP their links went to the
// recipient only and show here taken out. Bodies are kept sealed and opened by the mailer to show.

import { Hono } from 'hono';
import { z } from 'zod';
import type { MailboxAnswer } from '../../shared/mail/sent-mail.ts';
import type { GuardDeps } from '../auth/session-guard.ts';
import type { AppEnv } from '../http/app-env.ts';
import type { Mailer } from '../mail/mailer.ts';
import { queryParams } from '../http/query-params.ts';

export const mailboxQuery = z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) });

export function mailboxRoutes(deps: GuardDeps & { mailer: Mailer }) {
	return new Hono<AppEnv>().get('/', queryParams(mailboxQuery), async (c) => {
		const rows = await deps.store.db
			.selectFrom('sent_mail')
			.select(['id', 'to_address', 'subject', 'body', 'sent_at'])
			.where('org_id', '=', c.get('principal').orgId)
			.orderBy('sent_at', 'desc')
			.orderBy('id', 'desc')
			.limit(c.req.valid('query').limit)
			.execute();
		const mail = await Promise.all(
			rows.map(async (r) => ({
				id: r.id,
				to: r.to_address,
				subject: r.subject,
				body: await deps.mailer.read(r),
				sentAt: r.sent_at
			}))
		);
		return c.json({ mail } satisfies MailboxAnswer);
	});
}
