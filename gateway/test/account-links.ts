// Helpers for tests of the account links: invite someone the way an admin's device does (a pushed
// inviteUser mutation), read the mailbox (bodies opened by the gateway's mailer), and take the
// token out of a mailed link.

import { expect, vi } from 'vitest';
import type { MutationArgs } from '../../shared/mutations/registry.ts';
import type { Gateway, HttpClient } from './http-harness.ts';

export type MailRow = { to_address: string; subject: string; body: string; sent_at: number };

/** Pushes one inviteUser mutation from a fresh client of `admin` and expects it applied. */
export async function invite(admin: HttpClient, args: MutationArgs<'inviteUser'>): Promise<void> {
	const client = crypto.randomUUID();
	const res = await admin.post('/api/sync/push', {
		clientGroupID: `cg-${client}`,
		clientID: `c-${client}`,
		mutations: [{ id: 1, name: 'inviteUser', args, timestamp: Date.now() }]
	});
	expect(res.status, JSON.stringify(res.body)).toBe(200);
	expect(res.body.results).toEqual([{ id: 1, status: 'applied' }]);
}

/** What the mailbox shows for `to`, newest first. */
export async function mailTo(gw: Pick<Gateway, 'store' | 'mailer'>, to: string): Promise<MailRow[]> {
	const rows = await gw.store.db
		.selectFrom('sent_mail')
		.select(['id', 'to_address', 'subject', 'body', 'sent_at'])
		.where('to_address', '=', to)
		.orderBy('sent_at', 'desc')
		.execute();
	return Promise.all(
		rows.map(async ({ id, ...row }) => ({ ...row, body: await gw.mailer.read({ id, body: row.body }) }))
	);
}

/** Waits for mail to `to` whose subject matches (links requested by email are mailed after the answer). */
export async function waitForMail(
	gw: Pick<Gateway, 'store' | 'mailer'>,
	to: string,
	subject: RegExp,
	count = 1
): Promise<MailRow> {
	return vi.waitFor(
		async () => {
			const found = (await mailTo(gw, to)).filter((m) => subject.test(m.subject));
			expect(found.length).toBeGreaterThanOrEqual(count);
			return found[0]!;
		},
		{ timeout: 5_000, interval: 20 }
	);
}

/** The token of the `${publicUrl}/<route>/<token>` link in a mail body. */
export function tokenIn(body: string, route: string): string {
	const match = new RegExp(`/${route}/([A-Za-z0-9_-]+)`).exec(body);
	if (!match) throw new Error(`No /${route}/ link in:\n${body}`);
	return match[1]!;
}

/** Lets background work started by an earlier answer finish (for asserting that nothing was sent). */
export function settle(ms = 150): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}
