// Requests that send a link by mail (password reset, the verification link again). Throttled per
// client address, answered at once with the same 202; the lookup and the mail happen after the
// answer, so neither its body nor its timing tells whether the address has an account (OWASP).

import type { Context } from 'hono';
import { MAIL_REQUEST_ACCEPTED } from '../../shared/auth/account-links.ts';
import { retryLater } from '../http/retry-later.ts';
import type { Mail } from '../mail/mailer.ts';
import { findAccountByEmail, type Account } from './account-lookup.ts';
import type { AccountDeps } from './account-routes.ts';
import { issueToken, type TokenPurpose } from './one-time-tokens.ts';
import { mailRequestCounter } from './sign-in-throttle.ts';

export type LinkMail = {
	purpose: TokenPurpose;
	/** The web route the link opens, e.g. 'reset' for `${publicUrl}/reset/<token>`. */
	route: string;
	/** Whether this account should get the link at all. */
	wanted(account: Account): boolean;
	compose(to: { orgId: string; email: string; name: string }, link: string): Mail;
};

export async function answerLinkRequest(c: Context, deps: AccountDeps, email: string, link: LinkMail) {
	const counter = mailRequestCounter(deps.clientAddress(c));
	const reserved = await deps.attempts.reserve([counter]);
	if (!reserved.ok) return retryLater(c, reserved.retryAfterSeconds);
	void mailLink(deps, email, link).catch((error: unknown) => deps.log(`Could not mail a ${link.purpose} link`, error));
	return c.json(MAIL_REQUEST_ACCEPTED, 202);
}

async function mailLink(deps: AccountDeps, email: string, link: LinkMail): Promise<void> {
	const account = await findAccountByEmail(deps.store, email);
	if (!account || !link.wanted(account)) return;
	await deps.store.write(async (trx) => {
		const now = deps.now();
		const token = await issueToken(trx, account.id, link.purpose, now);
		const to = { orgId: account.orgId, email: account.user.email, name: account.user.name };
		await deps.mailer.send(trx, link.compose(to, `${deps.publicUrl}/${link.route}/${token}`), now);
	});
}
