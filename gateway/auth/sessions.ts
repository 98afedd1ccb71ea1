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
export function hashToken(token: string): string {
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
			id_hash: hashToken(token),
			user_id: userId,
			created_at: now,
			expires_at: now + policy.absoluteMs,
			last_seen_at: now
		})
		.execute();
	return token;
}

export type SessionTimes = { expires_at: number; last_seen_at: number };

/**
 * Whether a session found by its hash is still alive: one idle too long or past its lifetime is
 * deleted; a live one's last use is refreshed, at most once a minute, so a busy sync loop does
 * not write on every request.
 */
export async function keepSession(
	store: Store,
	idHash: string,
	session: SessionTimes,
	now: number,
	policy: SessionPolicy
): Promise<boolean> {
	if (now >= session.expires_at || now - session.last_seen_at >= policy.idleMs) {
		await store.db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
		return false;
	}
	if (now - session.last_seen_at > Math.min(60_000, policy.idleMs / 2)) {
		await store.db.updateTable('sessions').set({ last_seen_at: now }).where('id_hash', '=', idHash).execute();
	}
	return true;
}

export async function endSession(store: Store, token: string): Promise<void> {
	await store.db.deleteFrom('sessions').where('id_hash', '=', hashToken(token)).execute();
}
