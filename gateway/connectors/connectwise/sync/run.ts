// One adapter call's state: the parsed credentials and settings, a client whose every request goes
// through the runner's fetch (rate budget, counting).

import { createConnectwiseClient, type ConnectwiseClient } from '../client/client.ts';
import { connectwiseCredentialsSchema } from '../client/credentials.ts';
import { CONNECTWISE_MESSAGES } from '../client/failures.ts';
import type { PsaResult, SyncContext } from '../../../psa/provider.ts';
import { credentialsRefused } from '../../common/failure.ts';
import { readSettings, type ConnectwiseSettings } from './settings.ts';

export type ConnectwiseRun = { ctx: SyncContext; client: ConnectwiseClient; settings: ConnectwiseSettings };

export function startRun(ctx: SyncContext): PsaResult<ConnectwiseRun> {
	const credentials = connectwiseCredentialsSchema.safeParse(ctx.credentials);
	if (!credentials.success) return credentialsRefused(CONNECTWISE_MESSAGES.authentication);
	const client = createConnectwiseClient({
		credentials: credentials.data,
		fetch: ctx.fetch,
		clock: { now: () => ctx.now() }
	});
	return { ok: true, value: { ctx, client, settings: readSettings(ctx.settings) } };
}
