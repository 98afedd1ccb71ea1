// /api/auth/invitation/:token: who an invitation is for, and accepting it by choosing a password,
// which verifies the address and signs the person in. The invitation itself is the inviteUser
// mutation's server effect.

import { Hono } from 'hono';
import { newPasswordRequestSchema, type InvitationAnswer } from '../../shared/auth/account-links.ts';
import { ERRORS } from '../../shared/errors.ts';
import type { AppEnv } from '../http/app-env.ts';
import { errorResponse } from '../http/errors.ts';
import { jsonBody } from '../http/json-body.ts';
import { findAccountById } from './account-lookup.ts';
import type { AccountDeps } from './account-routes.ts';
import { peekToken } from './one-time-tokens.ts';
import { redeemPasswordLink } from './redeem-password-link.ts';
import { signInWithNewPassword } from './sign-in-with-new-password.ts';
import { tokenParam } from './token-param.ts';

export function invitationRoutes(deps: AccountDeps) {
	return new Hono<AppEnv>()
		.get('/:token', tokenParam, async (c) => {
			const userId = await peekToken(deps.store, c.req.valid('param').token, 'invite', deps.now());
			const account = userId ? await findAccountById(deps.store, userId) : null;
			if (!account) return errorResponse(c, ERRORS.tokenInvalid.code, ERRORS.tokenInvalid.message);
			const answer = { invitation: { name: account.user.name, email: account.user.email } };
			return c.json(answer satisfies InvitationAnswer);
		})
		.post('/:token', tokenParam, jsonBody(newPasswordRequestSchema), async (c) => {
			const { token } = c.req.valid('param');
			const redeemed = await redeemPasswordLink(deps, token, 'invite', c.req.valid('json').password);
			if (!redeemed.ok) return errorResponse(c, redeemed.code, redeemed.message);
			return signInWithNewPassword(c, deps, redeemed.userId);
		});
}
