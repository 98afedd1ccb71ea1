// /api/auth: password sign-in (throttled per account and per address), sign-out and "who am I".
// Refusals never reveal whether an email exists: an unknown one costs the same hash check as a wrong password.

import { Hono } from 'hono';
import { deleteCookie, getCookie } from 'hono/cookie';
import { z } from 'zod';
import { ERRORS } from '../../shared/errors.ts';
import type { AppEnv } from '../http/app-env.ts';
import type { ClientAddress } from '../http/client-address.ts';
import { errorResponse } from '../http/errors.ts';
import { jsonBody } from '../http/json-body.ts';
import { retryLater } from '../http/retry-later.ts';
import type { Store } from '../store/store.ts';
import type { PasswordHasher } from './password-hasher.ts';
import { loadProfile } from './principal.ts';
import { requireUser } from './session-guard.ts';
import { findAccountByEmail } from './account-lookup.ts';
import { endSession, SESSION_COOKIE, type SessionPolicy } from './sessions.ts';
import type { SignInAttempts } from './sign-in-attempts.ts';
import { checkSignIn } from './sign-in-policy.ts';
import { accountCounter, addressCounter } from './sign-in-throttle.ts';
import { startSession } from './start-session.ts';

export type AuthDeps = {
	store: Store;
	now: () => number;
	passwords: PasswordHasher;
	sessionPolicy: SessionPolicy;
	/** A real hash of nothing, checked when the email is unknown so both refusals take as long. */
	decoyHash: string;
	attempts: SignInAttempts;
	clientAddress: ClientAddress;
};

export const loginSchema = z.object({
	email: z.string().trim().toLowerCase().pipe(z.email()),
	password: z.string().min(1).max(1_000)
});

export function authRoutes(deps: AuthDeps) {
	return new Hono<AppEnv>()
		.post('/login', jsonBody(loginSchema), async (c) => {
			const { email, password } = c.req.valid('json');
			// Counted as a failure before the password is checked (concurrent guesses cannot share one
			// look at the count), the same way whether or not the account exists; taken back when right.
			const counters = [accountCounter(email), addressCounter(deps.clientAddress(c))];
			const reserved = await deps.attempts.reserve(counters);
			if (!reserved.ok) return retryLater(c, reserved.retryAfterSeconds);
			const account = await findAccountByEmail(deps.store, email);
			const matches = await deps.passwords.verify(password, account?.passwordHash ?? deps.decoyHash);
			if (!account || !account.passwordHash || !matches)
				return errorResponse(c, ERRORS.invalidCredentials.code, ERRORS.invalidCredentials.message);
			await deps.attempts.release(reserved.reservation);
			const verdict = checkSignIn(account.user, account.emailVerified, 'password', account.settings);
			if (!verdict.ok) return errorResponse(c, verdict.code, verdict.message);
			await deps.attempts.clear(counters[0]!);
			await startSession(c, deps, account.id);
			return c.json({ user: await loadProfile(deps.store, account.id) });
		})
		.post('/logout', async (c) => {
			const token = getCookie(c, SESSION_COOKIE);
			if (token) await endSession(deps.store, token);
			deleteCookie(c, SESSION_COOKIE, { path: '/' });
			return c.json({ ok: true });
		})
		.get('/me', requireUser(deps, { companyLink: true }), (c) => c.json({ user: c.get('profile') }));
}
