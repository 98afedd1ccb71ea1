// An admin changed a user's email: the account signs in with the new address once it is verified,
// so the gateway moves the credentials to it, marks it unverified and mails the verification link
// (or, to someone who never accepted their invitation, the invitation again).

import { issueToken } from '../../auth/one-time-tokens.ts';
import { verificationMail } from '../../mail/account-mail.ts';
import type { Effect } from './effect-context.ts';
import { mailInvitation, unissuedToken } from './identity-effects.ts';

/**
 * An address signs in to one organisation. When the new address already signs in elsewhere (or the
 * user has no account here: see createInvitedAccount), the account keeps its old address and the
 * mail carries a link that opens nothing: the admin sees the same answer and mail as for a free
 * address, so changing an email cannot probe other organisations.
 */
export const emailChanged: Effect<{ id: string; email: string }> = async (ctx, { id: userId }) => {
	const user = await ctx.tx.get('users', userId);
	if (!user) return;
	const account = await ctx.trx
		.selectFrom('users')
		.select(['email', 'password_hash'])
		.where('id', '=', userId)
		.where('org_id', '=', ctx.orgId)
		.executeTakeFirst();
	if (account?.email === user.email) return;
	const elsewhere = await ctx.trx
		.selectFrom('users')
		.select('id')
		.where('email', '=', user.email)
		.where('id', '!=', userId)
		.executeTakeFirst();
	const movable = account !== undefined && elsewhere === undefined;
	if (movable) {
		await ctx.trx.updateTable('users').set({ email: user.email, email_verified: 0 }).where('id', '=', userId).execute();
	}
	if (user.invitedAt !== null && account?.password_hash === null) return mailInvitation(ctx, userId);
	const token = movable ? await issueToken(ctx.trx, userId, 'verify-email', ctx.now) : unissuedToken();
	const to = { orgId: ctx.orgId, email: user.email, name: user.name };
	await ctx.mailer.send(ctx.trx, verificationMail(to, `${ctx.publicUrl}/verify/${token}`), ctx.now);
};
