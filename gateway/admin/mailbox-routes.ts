// /api/admin/mailbox: the mail Outpost sent for the admin's organisation, newest first. In sandbox
// mode this is the only place invitations and reset links arrive.

import { Hono } from 'hono';
import { z } from 'zod';
import type { MailboxAnswer } from '../../shared/mail/sent-mail.ts';
import type { GuardDeps } from '../auth/session-guard.ts';
import type { AppEnv } from '../http/app-env.ts';
import { queryParams } from '../http/query-params.ts';

const mailboxQuery = z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) });

export function mailboxRoutes(deps: GuardDeps) {
	return new Hono<AppEnv>().get('/', queryParams(mailboxQuery), async (c) => {
		const rows = await deps.store.db
			.selectFrom('sent_mail')
			.select(['id', 'to_address', 'subject', 'body', 'sent_at'])
			.where('org_id', '=', c.get('principal').orgId)
			.orderBy('sent_at', 'desc')
			.orderBy('id', 'desc')
			.limit(c.req.valid('query').limit)
			.execute();
		const mail = rows.map((r) => ({ id: r.id, to: r.to_address, subject: r.subject, body: r.body, sentAt: r.sent_at }));
		return c.json({ mail } satisfies MailboxAnswer);
	});
}
