// One adapter operation's working set: the parsed credentials and settings, one client (so one token
// for the whole run), and the Halo ids already resolved in this run.

import { createHaloClient, type HaloClient } from '../client/client.ts';
import { HALO_MESSAGES } from '../client/failures.ts';
import { credentialsRefused } from '../../common/failure.ts';
import { psaOk, type PsaResult, type SyncContext } from '../../../psa/provider.ts';
import { haloPsaCredentialsSchema } from './credentials.ts';
import { haloSettingsSchema, type HaloSettings } from './settings.ts';

export type ClientRef = { id: number; siteId: number | null };

export type HaloRun = {
	ctx: SyncContext;
	client: HaloClient;
	settings: HaloSettings;
	/** Companies resolved in this run, by Outpost id. */
	clients: Map<string, ClientRef>;
};

export function startRun(ctx: SyncContext): PsaResult<HaloRun> {
	const credentials = haloPsaCredentialsSchema.safeParse(ctx.credentials);
	if (!credentials.success) {
		return credentialsRefused(HALO_MESSAGES.authentication);
	}
	const settings = haloSettingsSchema.safeParse(ctx.settings);
	const client = createHaloClient({ credentials: credentials.data, fetch: ctx.fetch, clock: { now: ctx.now } });
	return psaOk({ ctx, client, settings: settings.success ? settings.data : {}, clients: new Map() });
}
