// /api/admin: HTTP routes only an admin may call. Admin changes to data are mutations (they work
// offline); what lives here reads things that never replicate, such as the sandbox mailbox.

import { Hono } from 'hono';
import { activityRoutes } from '../activity/activity-routes.ts';
import type { GuardDeps } from '../auth/session-guard.ts';
import type { AppEnv } from '../http/app-env.ts';
import type { Mailer } from '../mail/mailer.ts';
import type { PsaServices } from '../psa/psa-services.ts';
import { ingramWebhookRoutes } from '../distributors/webhook-settings-routes.ts';
import { distributorRoutes } from './distributor-routes.ts';
import { integrationRoutes } from './integration-routes.ts';
import { mailboxRoutes } from './mailbox-routes.ts';
import { requireAdmin } from './require-admin.ts';

export function adminRoutes(deps: GuardDeps & { psa: PsaServices; mailer: Mailer; publicUrl: string }) {
	return new Hono<AppEnv>()
		.use(requireAdmin(deps))
		.route('/mailbox', mailboxRoutes(deps))
		.route('/activity', activityRoutes(deps))
		.route('/integrations', integrationRoutes(deps))
		.route('/distributors/ingrammicro/webhook', ingramWebhookRoutes(deps))
		.route('/distributors', distributorRoutes(deps));
}
