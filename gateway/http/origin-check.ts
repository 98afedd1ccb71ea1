// Refuses state-changing requests that a browser sent from another site. Session cookies are
// SameSite=Lax already; this is the second, explicit line (OWASP: verify the Origin header).
// The one trusted origin is the configured public URL's: never the request's own Host, which
// whoever sends the request chooses (a forged Host would otherwise vouch for any Origin).
// Clients that send no Origin and no Sec-Fetch-Site (curl, the PSA webhooks later) are not browsers.

import type { MiddlewareHandler } from 'hono';
import { ERRORS } from '../../shared/errors.ts';
import { errorResponse } from './errors.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** `publicUrl` defaults as createApp's does (the Node entry always passes PUBLIC_URL). */
export function originCheck(publicUrl = 'http://localhost:8787'): MiddlewareHandler {
	const trusted = new URL(publicUrl).origin;
	return async (c, next) => {
		if (SAFE_METHODS.has(c.req.method)) return next();
		const origin = c.req.header('origin');
		const site = c.req.header('sec-fetch-site');
		const fromElsewhere = origin !== undefined ? origin !== trusted : site === 'cross-site';
		if (fromElsewhere) return errorResponse(c, ERRORS.originRejected.code, ERRORS.originRejected.message);
		return next();
	};
}
