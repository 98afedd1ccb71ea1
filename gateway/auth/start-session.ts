// Opens a new server-side session for a user who passed every sign-in check and sets its cookie.
// Every sign-in gets a fresh session id, and the session the browser held before ends on the server
// (no fixation, and signing in as B does not leave A's session alive for 90 days).

import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import type { Store } from '../store/store.ts';
import { createSession, endSession, SESSION_COOKIE, type SessionPolicy } from './sessions.ts';

export type SessionDeps = { store: Store; now: () => number; sessionPolicy: SessionPolicy };

export async function startSession(c: Context, deps: SessionDeps, userId: string): Promise<void> {
	const previous = getCookie(c, SESSION_COOKIE);
	if (previous) await endSession(deps.store, previous);
	const token = await createSession(deps.store, userId, deps.now(), deps.sessionPolicy);
	setCookie(c, SESSION_COOKIE, token, {
		httpOnly: true,
		sameSite: 'Lax',
		path: '/',
		secure: isHttps(c.req.url, c.req.header('x-forwarded-proto')),
		maxAge: Math.floor(deps.sessionPolicy.absoluteMs / 1000)
	});
}

function isHttps(url: string, forwardedProto: string | undefined): boolean {
	return url.startsWith('https:') || forwardedProto === 'https';
}
