// /api/marketplace/availability: price and availability of up to 100 manufacturer part numbers from
// every connected distributor, for the MSP's staff who see costs: who quotes, who buys, and who works
// on the catalog (product rows carry cost). Customers never see what the MSP pays.

import { Hono } from 'hono';
import { ERRORS } from '../../shared/errors.ts';
import { PERMISSIONS } from '../../shared/auth/permissions.ts';
import {
	MARKETPLACE_PERMISSIONS,
	availabilityRequestSchema,
	mayAskMarketplace
} from '../../shared/marketplace/availability.ts';
import { requireUser, type GuardDeps } from '../auth/session-guard.ts';
import type { AppEnv } from '../http/app-env.ts';
import { errorResponse } from '../http/errors.ts';
import { jsonBody } from '../http/json-body.ts';
import { askDistributors, type MarketplaceDeps } from './ask-distributors.ts';

const NEEDED = MARKETPLACE_PERMISSIONS.map((p) => PERMISSIONS[p]).join(', ');

export function marketplaceRoutes(deps: GuardDeps & MarketplaceDeps) {
	return new Hono<AppEnv>()
		.use(requireUser(deps, { companyLink: true }))
		.post('/availability', jsonBody(availabilityRequestSchema), async (c) => {
			const principal = c.get('principal');
			if (principal.kind === 'customer') {
				return errorResponse(c, ERRORS.forbidden.code, 'Distributor cost and stock are for the MSP’s own staff.');
			}
			if (!mayAskMarketplace(principal)) {
				return errorResponse(
					c,
					ERRORS.forbidden.code,
					`Your role lacks the permission for this action: it needs one of ${NEEDED}.`
				);
			}
			const parts = [...new Set(c.req.valid('json').parts)];
			return c.json(await askDistributors(deps, principal.orgId, parts));
		});
}
