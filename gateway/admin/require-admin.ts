// Guards every /api/admin route: a signed-in user (with the company-link rule of every API route)
// who is an admin; anyone else gets 403 forbidden.

import type { MiddlewareHandler } from 'hono';
import { ERRORS } from '../../shared/errors.ts';
import { requireUser, type GuardDeps } from '../auth/session-guard.ts';
import type { AppEnv } from '../http/app-env.ts';
import { errorResponse } from '../http/errors.ts';

export function requireAdmin(deps: GuardDeps): MiddlewareHandler<AppEnv> {
	const signedIn = requireUser(deps, { companyLink: true });
	return async (c, next) => {
		let admitted = false;
		const refusal = await signedIn(c, async () => {
			admitted = true;
		});
		if (!admitted) return refusal;
		if (!c.get('principal').isAdmin) return errorResponse(c, ERRORS.forbidden.code, ERRORS.forbidden.message);
		await next();
	};
}
