// Ends a link flow (invitation accepted, password reset) by signing the person in, when the same
// rules as a password sign-in allow it; a refusal says which rule, as it would at the sign-in form.

import type { Context } from 'hono';
import { ERRORS } from '../../shared/errors.ts';
import { errorResponse } from '../http/errors.ts';
import { findAccountById } from './account-lookup.ts';
import { loadProfile } from './principal.ts';
import type { SignInAttempts } from './sign-in-attempts.ts';
import { checkSignIn } from './sign-in-policy.ts';
import { accountCounter } from './sign-in-throttle.ts';
import { startSession, type SessionDeps } from './start-session.ts';

export async function signInWithNewPassword(
	c: Context,
	deps: SessionDeps & { attempts: SignInAttempts },
	userId: string
) {
	const account = await findAccountById(deps.store, userId);
	if (!account) return errorResponse(c, ERRORS.tokenInvalid.code, ERRORS.tokenInvalid.message);
	const verdict = checkSignIn(account.user, account.emailVerified, 'password', account.settings);
	if (!verdict.ok) return errorResponse(c, verdict.code, verdict.message);
	await deps.attempts.clear(accountCounter(account.user.email));
	await startSession(c, deps, userId);
	return c.json({ user: await loadProfile(deps.store, userId) });
}
