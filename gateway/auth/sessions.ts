// Server-side sessions: the cookie holds a random token, the store only its SHA-256, so a leaked
// database does not leak live sessions. Sessions end when idle too long or after an absolute lifetime.

import { createHash } from 'node:crypto';
import type { Store } from '../store/store.ts';

export const SESSION_COOKIE = 'outpost_session';

export type SessionPolicy = { idleMs: number; absoluteMs: number };
export const DEFAULT_SESSION_POLICY: SessionPolicy = {
	idleMs: 14 * 24 * 3600_000,
	absoluteMs: 90 * 24 * 3600_000
};

/** Base64 of the token's SHA-256. Hashed in place: WebCrypto's digest takes a trip through the thread pool. */
export async function hashToken(token: string): Promise<string> {
	return createHash('sha256').update(token).digest('base64');
}

function newToken(): string {
	const bytes = crypto.getRandomValues(new Uint8Array(32));
	return btoa(String.fromCharCode(...bytes))
		.replace(/\+/g, '-')
		.replace(/\//g, '_')
		.replace(/=+$/, '');
}

export async function createSession(store: Store, userId: string, now: number, policy: SessionPolicy): Promise<string> {
	const token = newToken();
	await store.db
		.insertInto('sessions')
		.values({
			id_hash: await hashToken(token),
			user_id: userId,
			created_at: now,
			expires_at: now + policy.absoluteMs,
			last_seen_at: now
		})
		.execute();
	return token;
}

/** The session's user, or null when the token is unknown, idle too long or past its lifetime. */
export async function resolveSession(
	store: Store,
	token: string,
	now: number,
	policy: SessionPolicy
): Promise<string | null> {
	const idHash = await hashToken(token);
	const session = await store.db
		.selectFrom('sessions')
		.select(['user_id', 'expires_at', 'last_seen_at'])
		.where('id_hash', '=', idHash)
		.executeTakeFirst();
	if (!session) return null;
	if (now >= session.expires_at || now - session.last_seen_at >= policy.idleMs) {
		await store.db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
		return null;
	}
	// Refreshing at most once a minute keeps a busy sync loop from writing on every request.
	if (now - session.last_seen_at > Math.min(60_000, policy.idleMs / 2)) {
		await store.db.updateTable('sessions').set({ last_seen_at: now }).where('id_hash', '=', idHash).execute();
	}
	return session.user_id;
}

export async function endSession(store: Store, token: string): Promise<void> {
	await store.db
		.deleteFrom('sessions')
		.where('id_hash', '=', await hashToken(token))
		.execute();
}
