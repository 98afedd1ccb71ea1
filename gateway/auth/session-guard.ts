// Middleware that turns the session cookie into a Principal, and refuses a non-admin whose company
// link is missing or unverified on every route it guards, sync included (seeds: Access Forbidden),
// telling them which account is signed in, which cause applies and whom to ask.

import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { hasVerifiedCompanyLink, toPrincipal } from '../../shared/auth/permissions.ts';
import { ERRORS } from '../../shared/errors.ts';
import type { AppEnv } from '../http/app-env.ts';
import { errorResponse, statusOf } from '../http/errors.ts';
import { accessRefusal } from './access-refusal.ts';
import type { Store } from '../store/store.ts';
import { resolveSessionProfile } from './session-profile.ts';
import { SESSION_COOKIE, type SessionPolicy } from './sessions.ts';

export type GuardDeps = { store: Store; now: () => number; sessionPolicy: SessionPolicy };

export function requireUser(deps: GuardDeps, options: { companyLink: boolean }): MiddlewareHandler<AppEnv> {
	return async (c, next) => {
		const token = getCookie(c, SESSION_COOKIE);
		const session = token ? await resolveSessionProfile(deps.store, token, deps.now(), deps.sessionPolicy) : null;
		if (!session) return errorResponse(c, ERRORS.notSignedIn.code, ERRORS.notSignedIn.message);
		const { profile, versions } = session;
		const principal = toPrincipal(profile);
		if (options.companyLink && !hasVerifiedCompanyLink(principal)) {
			const { code, message } = ERRORS.companyLinkRequired;
			return c.json({ error: { code, message, access: await accessRefusal(deps.store, profile) } }, statusOf(code));
		}
		c.set('profile', profile);
		c.set('principal', principal);
		c.set('seenVersions', versions);
		await next();
	};
}
