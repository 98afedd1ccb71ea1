// GET /api/sync/events: the poke stream (Server-Sent Events). It hears of a commit only when the
// commit touched something its user can see, holds at most one poke pending (many commits while one
// is being written make one poke), spaces pokes by `minPokeIntervalMs`, and a session keeps at most
// `streamsPerSession` streams (the oldest makes way for a new one; see stream-limit.ts).

import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import { streamSSE } from 'hono/streaming';
import { toPrincipal, type Principal } from '../../shared/auth/permissions.ts';
import { loadProfile } from '../auth/principal.ts';
import { SESSION_COOKIE } from '../auth/sessions.ts';
import type { AppEnv } from '../http/app-env.ts';
import type { Store } from '../store/store.ts';
import type { PokeHub } from './poke-hub.ts';
import { changesAccess, concernsUser } from './poke-scope.ts';
import { createStreamLimit } from './stream-limit.ts';

export type PokeEventsDeps = {
	store: Store;
	pokes: PokeHub;
	keepAliveMs?: number;
	streamsPerSession?: number;
	minPokeIntervalMs?: number;
};

export const STREAMS_PER_SESSION = 6;
export const MIN_POKE_INTERVAL_MS = 250;

export function pokeEvents(deps: PokeEventsDeps) {
	const limit = createStreamLimit(deps.streamsPerSession ?? STREAMS_PER_SESSION);
	const spacing = deps.minPokeIntervalMs ?? MIN_POKE_INTERVAL_MS;
	return (c: Context<AppEnv>) => {
		let principal: Principal = c.get('principal');
		const session = getCookie(c, SESSION_COOKIE) ?? principal.userId;
		return streamSSE(c, async (stream) => {
			let wake: () => void = () => {};
			let pending = false;
			let reload = false;
			let evicted = false;
			const over = () => stream.aborted || evicted;
			const release = limit.admit(session, () => {
				evicted = true;
				wake();
			});
			const unsubscribe = deps.pokes.subscribe(principal.orgId, (tables) => {
				if (!concernsUser(principal, tables)) return;
				// Roles or people changed: what this user sees may have too, so the filter is read again.
				if (changesAccess(tables)) reload = true;
				pending = true;
				wake();
			});
			stream.onAbort(() => wake());
			try {
				await stream.writeSSE({ event: 'hello', data: '' });
				while (!over()) {
					await new Promise<void>((resolve) => {
						const timer = setTimeout(done, deps.keepAliveMs ?? 25_000);
						function done() {
							clearTimeout(timer);
							wake = () => {};
							resolve();
						}
						wake = done;
						if (pending || over()) done();
					});
					if (over()) break;
					if (!pending) {
						await stream.write(': keep-alive\n\n');
						continue;
					}
					pending = false;
					await stream.writeSSE({ event: 'poke', data: '' });
					if (reload) {
						reload = false;
						const profile = await loadProfile(deps.store, principal.userId);
						if (!profile) break;
						principal = toPrincipal(profile);
					}
					if (spacing > 0) await stream.sleep(spacing);
				}
			} finally {
				unsubscribe();
				release();
			}
		});
	};
}
