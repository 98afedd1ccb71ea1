// Refuses state-changing requests that a browser sent from another site. Session cookies are
// SameSite=Lax already; this is the second, explicit line (OWASP: verify the Origin header).
// Clients that send no Origin and no Sec-Fetch-Site (curl, the PSA webhooks later) are not browsers.

import type { MiddlewareHandler } from 'hono';
import { ERRORS } from '../../shared/errors.ts';
import { errorResponse } from './errors.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function originCheck(publicUrl: string | undefined): MiddlewareHandler {
	const trusted = publicUrl ? new URL(publicUrl).origin : null;
	return async (c, next) => {
		if (SAFE_METHODS.has(c.req.method)) return next();
		const origin = c.req.header('origin');
		const site = c.req.header('sec-fetch-site');
		const own = new URL(c.req.url).origin;
		const fromElsewhere = origin !== undefined ? origin !== own && origin !== trusted : site === 'cross-site';
		if (fromElsewhere) return errorResponse(c, ERRORS.originRejected.code, ERRORS.originRejected.message);
		return next();
	};
}
