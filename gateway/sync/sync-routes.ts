// /api/sync: push, pull and the poke stream. Every route needs a signed-in user with a verified
// company link; what each may write or read is decided per mutation and per row.

import { Hono } from 'hono';
import { ERRORS } from '../../shared/errors.ts';
import { isSupportedVersion, pullRequestSchema, pushRequestSchema } from '../../shared/sync/protocol.ts';
import { requireUser, type GuardDeps } from '../auth/session-guard.ts';
import type { AppEnv } from '../http/app-env.ts';
import { errorResponse } from '../http/errors.ts';
import { jsonBody } from '../http/json-body.ts';
import type { PokeHub } from './poke-hub.ts';
import { pokeEvents } from './poke-events.ts';
import { processPull } from './pull.ts';
import type { EffectServices } from './effects/effect-context.ts';
import { processPush, TemporaryPushFailure } from './push.ts';

export type SyncDeps = GuardDeps & {
	pokes: PokeHub;
	pullPageSize?: number;
	keepAliveMs?: number;
	streamsPerSession?: number;
	minPokeIntervalMs?: number;
	log: (message: string, detail?: unknown) => void;
	services: EffectServices;
};

export function syncRoutes(deps: SyncDeps) {
	return new Hono<AppEnv>()
		.use(requireUser(deps, { companyLink: true }))
		.post('/push', jsonBody(pushRequestSchema), async (c) => {
			const body = c.req.valid('json');
			if (!isSupportedVersion(body)) return versionNotSupported(c);
			const principal = c.get('principal');
			let outcome;
			try {
				outcome = await processPush(deps.store, principal, body, {
					now: deps.now,
					log: deps.log,
					services: deps.services
				});
			} catch (error) {
				if (!(error instanceof TemporaryPushFailure)) throw error;
				deps.log('Push stopped: the store is unavailable', error.cause);
				deps.pokes.poke(principal.orgId);
				return errorResponse(c, ERRORS.temporarilyUnavailable.code, ERRORS.temporarilyUnavailable.message);
			}
			if (outcome.changed) deps.pokes.poke(principal.orgId, outcome.tables);
			if (!outcome.ok) return errorResponse(c, outcome.error.code, outcome.error.message);
			return c.json({ results: outcome.results });
		})
		.post('/pull', jsonBody(pullRequestSchema), async (c) => {
			const body = c.req.valid('json');
			if (!isSupportedVersion(body)) return versionNotSupported(c);
			return c.json(
				await processPull(deps.store, c.get('principal'), body, {
					pageSize: deps.pullPageSize,
					seen: c.get('seenVersions'),
					now: deps.now
				})
			);
		})
		.get('/events', pokeEvents(deps));
}

function versionNotSupported(c: Parameters<typeof errorResponse>[0]) {
	return errorResponse(c, ERRORS.versionNotSupported.code, ERRORS.versionNotSupported.message);
}
