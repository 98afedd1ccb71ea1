// One adapter call's state: the parsed credentials and settings, a client whose every request goes
// through the runner's fetch (rate budget, counting), and helpers that turn its failures into PsaFailures.

import { createConnectwiseClient, type ConnectwiseClient } from '../client/client.ts';
import { connectwiseCredentialsSchema } from '../client/credentials.ts';
import type { ConnectwiseResult } from '../client/failures.ts';
import type { PsaFailure, PsaResult, SyncContext } from '../../../psa/provider.ts';
import { credentialsFailure, toPsaFailure } from '../failure.ts';
import { readSettings, type ConnectwiseSettings } from './settings.ts';

export type Run = { ctx: SyncContext; client: ConnectwiseClient; settings: ConnectwiseSettings };

export function startRun(ctx: SyncContext): PsaResult<Run> {
	const credentials = connectwiseCredentialsSchema.safeParse(ctx.credentials);
	if (!credentials.success) return credentialsFailure();
	const client = createConnectwiseClient({
		credentials: credentials.data,
		fetch: ctx.fetch,
		clock: { now: () => ctx.now() }
	});
	return { ok: true, value: { ctx, client, settings: readSettings(ctx.settings) } };
}

/** A client result as the adapter's result. */
export function lift<T>(result: ConnectwiseResult<T>): PsaResult<T> {
	return result.ok ? result : toPsaFailure(result);
}

export type Step<T> = { ok: true; value: T } | PsaFailure;
