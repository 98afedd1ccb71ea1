// /api/sync: push, pull and the poke stream. Every route needs a signed-in user with a verified
// company link; what each may write or read is decided per mutation and per row.

import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { ERRORS } from '../../shared/errors.ts';
import { isSupportedVersion, pullRequestSchema, pushRequestSchema } from '../../shared/sync/protocol.ts';
import { requireUser, type GuardDeps } from '../auth/session-guard.ts';
import type { AppEnv } from '../http/app-env.ts';
import { errorResponse } from '../http/errors.ts';
import { jsonBody } from '../http/json-body.ts';
import type { PokeHub } from './poke-hub.ts';
import { processPull } from './pull.ts';
import type { EffectServices } from './effects/effect-context.ts';
import { processPush, TemporaryPushFailure } from './push.ts';

export type SyncDeps = GuardDeps & {
	pokes: PokeHub;
	pullPageSize?: number;
	keepAliveMs?: number;
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
			if (outcome.changed) deps.pokes.poke(principal.orgId);
			if (!outcome.ok) return errorResponse(c, outcome.error.code, outcome.error.message);
			return c.json({ results: outcome.results });
		})
		.post('/pull', jsonBody(pullRequestSchema), async (c) => {
			const body = c.req.valid('json');
			if (!isSupportedVersion(body)) return versionNotSupported(c);
			return c.json(await processPull(deps.store, c.get('principal'), body, deps.pullPageSize));
		})
		.get('/events', (c) => {
			const orgId = c.get('principal').orgId;
			return streamSSE(c, async (stream) => {
				let wake: () => void = () => {};
				let pending = false;
				const unsubscribe = deps.pokes.subscribe(orgId, () => {
					pending = true;
					wake();
				});
				stream.onAbort(() => wake());
				await stream.writeSSE({ event: 'hello', data: '' });
				while (!stream.aborted) {
					await new Promise<void>((resolve) => {
						const timer = setTimeout(done, deps.keepAliveMs ?? 25_000);
						function done() {
							clearTimeout(timer);
							wake = () => {};
							resolve();
						}
						wake = done;
						if (pending || stream.aborted) done();
					});
					if (stream.aborted) break;
					if (pending) {
						pending = false;
						await stream.writeSSE({ event: 'poke', data: '' });
					} else {
						await stream.write(': keep-alive\n\n');
					}
				}
				unsubscribe();
			});
		});
}

function versionNotSupported(c: Parameters<typeof errorResponse>[0]) {
	return errorResponse(c, ERRORS.versionNotSupported.code, ERRORS.versionNotSupported.message);
}
