// Single-use links (invitation, email verification, password reset): a random token in the link,
// only its SHA-256 in the store, an expiry, and consumption that succeeds once.

import type { Transaction } from 'kysely';
import type { Database } from '../store/schema.ts';
import type { Store } from '../store/store.ts';
import { hashToken } from './sessions.ts';

export type TokenPurpose = Database['one_time_tokens']['purpose'];

/** A token in a link: 32 random bytes, base64url without padding (redaction looks for this shape). */
export const TOKEN_CHARACTERS = '[A-Za-z0-9_-]{43}';

export const TOKEN_LIFETIME_MS: Record<TokenPurpose, number> = {
	invite: 7 * 24 * 3600_000,
	'verify-email': 2 * 24 * 3600_000,
	'reset-password': 3600_000
};

/** Issues a new token; any unused token of the same purpose for that user stops working. */
export async function issueToken(
	trx: Transaction<Database>,
	userId: string,
	purpose: TokenPurpose,
	now: number
): Promise<string> {
	await trx
		.deleteFrom('one_time_tokens')
		.where('user_id', '=', userId)
		.where('purpose', '=', purpose)
		.where('used_at', 'is', null)
		.execute();
	const bytes = crypto.getRandomValues(new Uint8Array(32));
	const token = btoa(String.fromCharCode(...bytes))
		.replace(/\+/g, '-')
		.replace(/\//g, '_')
		.replace(/=+$/, '');
	await trx
		.insertInto('one_time_tokens')
		.values({
			token_hash: hashToken(token),
			purpose,
			user_id: userId,
			created_at: now,
			expires_at: now + TOKEN_LIFETIME_MS[purpose],
			used_at: null
		})
		.execute();
	return token;
}

/** The token's user when it is valid for `purpose`, marking it used in the same transaction; else null. */
export async function consumeToken(
	trx: Transaction<Database>,
	token: string,
	purpose: TokenPurpose,
	now: number
): Promise<string | null> {
	const tokenHash = hashToken(token);
	const updated = await trx
		.updateTable('one_time_tokens')
		.set({ used_at: now })
		.where('token_hash', '=', tokenHash)
		.where('purpose', '=', purpose)
		.where('used_at', 'is', null)
		.where('expires_at', '>', now)
		.returning('user_id')
		.executeTakeFirst();
	return updated?.user_id ?? null;
}

/** Whether a token would be accepted, without using it (to show the right form). */
export async function peekToken(
	store: Store,
	token: string,
	purpose: TokenPurpose,
	now: number
): Promise<string | null> {
	const row = await store.db
		.selectFrom('one_time_tokens')
		.select('user_id')
		.where('token_hash', '=', hashToken(token))
		.where('purpose', '=', purpose)
		.where('used_at', 'is', null)
		.where('expires_at', '>', now)
		.executeTakeFirst();
	return row?.user_id ?? null;
}
