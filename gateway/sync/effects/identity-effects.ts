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

async function mailInvitation(ctx: EffectContext, userId: string): Promise<void> {
	const user = await ctx.tx.get('users', userId);
	if (!user) return;
	const token = await issueToken(ctx.trx, userId, 'invite', ctx.now);
	await ctx.mailer.send(
		ctx.trx,
		{
			orgId: ctx.orgId,
			to: user.email,
			subject: 'You are invited to Outpost',
			body: `Hello ${user.name},\n\nYou have been invited to Outpost. Choose a password and sign in here (the link works once, for 7 days):\n\n${ctx.publicUrl}/invite/${token}\n`
		},
		ctx.now
	);
}

/** The user's access changed: their next pull starts over; a disabled user is signed out everywhere. */
export const accessChanged: Effect = async (ctx, args) => {
	const userId = String(args.id);
	await bumpAcl(ctx, [userId]);
	const user = await ctx.tx.get('users', userId);
	if (user?.loginDisabled) await ctx.trx.deleteFrom('sessions').where('user_id', '=', userId).execute();
};

export const createInvitedAccount: Effect = async (ctx, args) => {
	const userId = String(args.id);
	const user = await ctx.tx.get('users', userId);
	if (!user) return;
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

export const reissueInvitation: Effect = async (ctx, args) => {
	await mailInvitation(ctx, String(args.id));
};

/** A role's permissions changed for everyone who holds it. */
export const rolesChanged: Effect = async (ctx) => {
	await bumpAcl(ctx);
};
