// /api/auth/password-reset: asking for a reset link (the same 202 whether or not the account exists)
// and choosing a new password through it, which ends every other session and signs the person in.

import { Hono } from 'hono';
import { emailRequestSchema, newPasswordRequestSchema } from '../../shared/auth/account-links.ts';
import type { AppEnv } from '../http/app-env.ts';
import { errorResponse } from '../http/errors.ts';
import { jsonBody } from '../http/json-body.ts';
import { passwordResetMail } from '../mail/account-mail.ts';
import type { AccountDeps } from './account-routes.ts';
import { answerLinkRequest, type LinkMail } from './mail-link-request.ts';
import { redeemPasswordLink } from './redeem-password-link.ts';
import { signInWithNewPassword } from './sign-in-with-new-password.ts';
import { tokenParam } from './token-param.ts';

const RESET_LINK: LinkMail = {
	purpose: 'reset-password',
	route: 'reset',
	wanted: (account) => !account.user.loginDisabled,
	compose: passwordResetMail
};

export function passwordResetRoutes(deps: AccountDeps) {
	return new Hono<AppEnv>()
		.post('/', jsonBody(emailRequestSchema), (c) => answerLinkRequest(c, deps, c.req.valid('json').email, RESET_LINK))
		.post('/:token', tokenParam, jsonBody(newPasswordRequestSchema), async (c) => {
			const { token } = c.req.valid('param');
			const redeemed = await redeemPasswordLink(deps, token, 'reset-password', c.req.valid('json').password);
			if (!redeemed.ok) return errorResponse(c, redeemed.code, redeemed.message);
			return signInWithNewPassword(c, deps, redeemed.userId);
		});
}
