// /api/auth: password sign-in, sign-out and "who am I". Refusals never reveal whether an email
// exists: an unknown address costs the same hash check as a wrong password.

import { Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import { ERRORS } from '../../shared/errors.ts';
import type { AppEnv } from '../http/app-env.ts';
import { errorResponse } from '../http/errors.ts';
import { jsonBody } from '../http/json-body.ts';
import type { Store } from '../store/store.ts';
import type { PasswordHasher } from './password-hasher.ts';
import { loadProfile } from './principal.ts';
import { requireUser } from './session-guard.ts';
import { createSession, endSession, SESSION_COOKIE, type SessionPolicy } from './sessions.ts';

export type AuthDeps = {
	store: Store;
	now: () => number;
	passwords: PasswordHasher;
	sessionPolicy: SessionPolicy;
	/** A real hash of nothing, checked when the email is unknown so both refusals take as long. */
	decoyHash: string;
};

const loginSchema = z.object({
	email: z.string().trim().toLowerCase().pipe(z.email()),
	password: z.string().min(1).max(1_000)
});

export function authRoutes(deps: AuthDeps) {
	return new Hono<AppEnv>()
		.post('/login', jsonBody(loginSchema), async (c) => {
			const { email, password } = c.req.valid('json');
			const user = await deps.store.db
				.selectFrom('users')
				.select(['id', 'password_hash', 'login_disabled', 'email_verified'])
				.where('email', '=', email)
				.executeTakeFirst();
			const matches = await deps.passwords.verify(password, user?.password_hash ?? deps.decoyHash);
			if (!user || !user.password_hash || !matches) {
				return errorResponse(c, ERRORS.invalidCredentials.code, ERRORS.invalidCredentials.message);
			}
			if (user.login_disabled) return errorResponse(c, ERRORS.loginDisabled.code, ERRORS.loginDisabled.message);
			if (!user.email_verified) {
				return errorResponse(c, ERRORS.emailNotVerified.code, ERRORS.emailNotVerified.message);
			}
			const token = await createSession(deps.store, user.id, deps.now(), deps.sessionPolicy);
			setCookie(c, SESSION_COOKIE, token, {
				httpOnly: true,
				sameSite: 'Lax',
				path: '/',
				secure: isHttps(c.req.url, c.req.header('x-forwarded-proto')),
				maxAge: Math.floor(deps.sessionPolicy.absoluteMs / 1000)
			});
			return c.json({ user: await loadProfile(deps.store, user.id) });
		})
		.post('/logout', async (c) => {
			const token = getCookie(c, SESSION_COOKIE);
			if (token) await endSession(deps.store, token);
			deleteCookie(c, SESSION_COOKIE, { path: '/' });
			return c.json({ ok: true });
		})
		.get('/me', requireUser(deps, { companyLink: true }), (c) => c.json({ user: c.get('profile') }));
}

function isHttps(url: string, forwardedProto: string | undefined): boolean {
	return url.startsWith('https:') || forwardedProto === 'https';
}
