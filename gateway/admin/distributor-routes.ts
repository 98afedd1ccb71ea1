// /api/admin/distributors: the parts of Admin > Distributors that need the network. For now one call,
// testing the saved Ingram Micro ordering credentials; saving them (and the screen) is later work.

import { Hono } from 'hono';
import { checkIngramConnection } from '../connectors/ingrammicro/connection-check.ts';
import type { AppEnv } from '../http/app-env.ts';
import type { PsaServices } from '../psa/psa-services.ts';

export function distributorRoutes(deps: { psa: PsaServices; now(): number }) {
	return new Hono<AppEnv>().post('/ingrammicro/test', async (c) => {
		const { vault, outbound } = deps.psa;
		const connection = await checkIngramConnection({ vault, outbound, orgId: c.get('principal').orgId, now: deps.now });
		return c.json({ connection });
	});
}
