// Runs the browser's real sync code (Dexie on fake-indexeddb, the outbox, the sync loop) in Node
// against the real gateway over HTTP, signed in with a real session cookie.

import { uuidv7 } from 'uuidv7';
import { toPrincipal, type Principal } from '../shared/auth/permissions.ts';
import type { MutationArgs, MutationName } from '../shared/mutations/registry.ts';
import type { Gateway, HttpClient } from '../gateway/test/http-harness.ts';
import type { LocalDb } from '../web/lib/platform/local-db.ts';
import { runLocalMutation } from '../web/lib/sync/local-mutation.ts';
import { createSyncClient, type SyncClient, type SyncClientOptions } from '../web/lib/sync/sync-client.ts';
import { destroyTestDb, openTestDb } from '../web/lib/test/fake-local-db.ts';

export type Device = {
	db: LocalDb;
	sync: SyncClient;
	principal: Principal;
	session: HttpClient;
	mutate<N extends MutationName>(name: N, args: MutationArgs<N>): Promise<number>;
	/** Kicks the loop and waits until it has pushed and pulled everything it can. */
	settle(): Promise<void>;
	close(): Promise<void>;
};

export async function openDevice(
	gateway: Pick<Gateway, 'baseUrl' | 'login'>,
	email: string,
	options: { fetch?: (send: typeof fetch) => typeof fetch } & Omit<Partial<SyncClientOptions>, 'fetch'> = {}
): Promise<Device> {
	const session = await gateway.login(email);
	const me = await session.get('/api/auth/me');
	const profile = me.body.user;
	const principal = toPrincipal(profile);
	const withCookie: typeof fetch = (input, init = {}) =>
		fetch(input, {
			...init,
			headers: {
				...(init.headers as Record<string, string>),
				cookie: [...session.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
			}
		});
	const db = openTestDb();
	const clientID = uuidv7();
	const sync = createSyncClient({
		db,
		clientID,
		clientGroupID: clientID,
		actor: principal,
		baseUrl: gateway.baseUrl,
		random: () => 0,
		...options,
		fetch: options.fetch ? options.fetch(withCookie) : withCookie
	});
	return {
		db,
		sync,
		principal,
		session,
		mutate: (name, args) => runLocalMutation(db, principal, name, args, Date.now()),
		async settle() {
			sync.kick();
			await sync.idle();
		},
		async close() {
			await sync.close();
			await destroyTestDb(db);
		}
	};
}
