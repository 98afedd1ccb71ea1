// What only the gateway can do when an admin manages people: keep the credentials table in step,
// mail invitations, reset the view of whoever's access changed, and end the sessions of a disabled user.

import { sql } from 'kysely';
import { issueToken } from '../../auth/one-time-tokens.ts';
import type { Effect, EffectContext } from './effect-context.ts';

async function bumpAcl(ctx: EffectContext, userIds?: string[]): Promise<void> {
	let query = ctx.trx
		.updateTable('users')
		.set({ acl_version: sql`acl_version + 1` })
		.where('org_id', '=', ctx.orgId);
	if (userIds) query = query.where('id', 'in', userIds);
	await query.execute();
}

/**
 * Mails the invitation. A user of this organisation without an account here is an address that
 * signs in to another organisation (see createInvitedAccount): they get the same mail as anyone, so
 * the admin's mailbox tells nothing, but its link was never issued and cannot open any account.
 */
export async function mailInvitation(ctx: EffectContext, userId: string): Promise<void> {
	const user = await ctx.tx.get('users', userId);
	if (!user) return;
	const account = await ctx.trx
		.selectFrom('users')
		.select('id')
		.where('id', '=', userId)
		.where('org_id', '=', ctx.orgId)
		.executeTakeFirst();
	const token = account ? await issueToken(ctx.trx, userId, 'invite', ctx.now) : unissuedToken();
	await ctx.mailer.send(
		ctx.trx,
		{
			orgId: ctx.orgId,
			to: user.email,
			subject: 'You are invited to Outpost',
			body: `Hello ${user.name},\n\nYou have been invited to Outpost. Choose a password and sign in here (the link works once, for 7 days):\n\n${ctx.publicUrl}/invite/${token}\n\nAn address belongs to one organisation: if you already sign in to Outpost elsewhere with it, this link will not open, and whoever invited you can invite another address.\n`
		},
		ctx.now
	);
}

/** Looks like an issued token (32 random bytes, base64url) and is stored nowhere. */
export function unissuedToken(): string {
	const bytes = crypto.getRandomValues(new Uint8Array(32));
	return btoa(String.fromCharCode(...bytes))
		.replace(/\+/g, '-')
		.replace(/\//g, '_')
		.replace(/=+$/, '');
}

/** The user's access changed: their next pull starts over; a disabled user is signed out everywhere. */
export const accessChanged: Effect<{ id: string }> = async (ctx, { id: userId }) => {
	await bumpAcl(ctx, [userId]);
	const user = await ctx.tx.get('users', userId);
	if (!user?.loginDisabled) return;
	await ctx.trx
		.deleteFrom('sessions')
		.where('user_id', '=', userId)
		.where('user_id', 'in', (eb) => eb.selectFrom('users').select('id').where('org_id', '=', ctx.orgId))
		.execute();
};

/**
 * An address signs in to one organisation. When the invited address or id already has an account (in
 * another organisation: the mutation refused one of this organisation's), no account is made here
 * and the invitation is mailed as usual with a link that opens nothing: the admin sees the same
 * answer, mail and user row as for a new address, so inviting cannot probe other organisations.
 */
export const createInvitedAccount: Effect<{ id: string }> = async (ctx, { id: userId }) => {
	const user = await ctx.tx.get('users', userId);
	if (!user) return;
	const taken = await ctx.trx
		.selectFrom('users')
		.select(['id', 'email'])
		.where((eb) => eb.or([eb('id', '=', userId), eb('email', '=', user.email)]))
		.execute();
	// An id or an address that already signs in elsewhere: the same answer as for a new one.
	if (taken.length > 0) return mailInvitation(ctx, userId);
	await ctx.trx
		.insertInto('users')
		.values({
			id: userId,
			org_id: ctx.orgId,
			email: user.email,
			password_hash: null,
			email_verified: 0,
			acl_version: 1,
			created_at: ctx.now
		})
		.execute();
	await mailInvitation(ctx, userId);
};

export const reissueInvitation: Effect<{ id: string }> = async (ctx, { id }) => {
	await mailInvitation(ctx, id);
};

/** A role's permissions changed for everyone who holds it. */
export const rolesChanged: Effect<unknown> = async (ctx) => {
	await bumpAcl(ctx);
};
