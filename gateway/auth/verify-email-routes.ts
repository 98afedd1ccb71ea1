// /api/auth/verify-email: confirming an address through its link, and asking for the link again
// (the sign-in form offers that when it refuses an unverified address).

import { Hono } from 'hono';
import { emailRequestSchema } from '../../shared/auth/account-links.ts';
import { ERRORS } from '../../shared/errors.ts';
import type { AppEnv } from '../http/app-env.ts';
import { errorResponse } from '../http/errors.ts';
import { jsonBody } from '../http/json-body.ts';
import { verificationMail } from '../mail/account-mail.ts';
import type { AccountDeps } from './account-routes.ts';
import { answerLinkRequest, type LinkMail } from './mail-link-request.ts';
import { consumeToken } from './one-time-tokens.ts';
import { tokenParam } from './token-param.ts';

const VERIFY_LINK: LinkMail = {
	purpose: 'verify-email',
	route: 'verify',
	wanted: (account) => !account.emailVerified && !account.user.loginDisabled,
	compose: verificationMail
};

export function verifyEmailRoutes(deps: AccountDeps) {
	return new Hono<AppEnv>()
		.post('/resend', jsonBody(emailRequestSchema), (c) =>
			answerLinkRequest(c, deps, c.req.valid('json').email, VERIFY_LINK)
		)
		.post('/:token', tokenParam, async (c) => {
			const { token } = c.req.valid('param');
			const verified = await deps.store.write(async (trx) => {
				const userId = await consumeToken(trx, token, 'verify-email', deps.now());
				if (userId) await trx.updateTable('users').set({ email_verified: 1 }).where('id', '=', userId).execute();
				return userId !== null;
			});
			if (!verified) return errorResponse(c, ERRORS.tokenInvalid.code, ERRORS.tokenInvalid.message);
			return c.json({ verified: true });
		});
}
