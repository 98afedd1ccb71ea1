// Sets the password chosen through an invitation or reset link: the link is used up, the address
// counts as verified (the link came through it), and every session the user had ends.

import { ERRORS } from '../../shared/errors.ts';
import { isLongEnough } from '../../shared/auth/password-rules.ts';
import type { Store } from '../store/store.ts';
import { consumeToken, peekToken, type TokenPurpose } from './one-time-tokens.ts';
import type { PasswordHasher } from './password-hasher.ts';

export type RedeemDeps = { store: Store; now: () => number; passwords: PasswordHasher };

export type Redeemed = { ok: true; userId: string } | { ok: false; code: string; message: string };

export async function redeemPasswordLink(
	deps: RedeemDeps,
	token: string,
	purpose: Extract<TokenPurpose, 'invite' | 'reset-password'>,
	password: string
): Promise<Redeemed> {
	if (!isLongEnough(password)) return { ok: false, ...ERRORS.passwordTooWeak };
	// Peeking first spares the slow hash for a dead link; consuming below is what counts.
	if (!(await peekToken(deps.store, token, purpose, deps.now()))) return { ok: false, ...ERRORS.tokenInvalid };
	const hash = await deps.passwords.hash(password);
	const userId = await deps.store.write(async (trx) => {
		const userId = await consumeToken(trx, token, purpose, deps.now());
		if (!userId) return null;
		await trx.updateTable('users').set({ password_hash: hash, email_verified: 1 }).where('id', '=', userId).execute();
		await trx.deleteFrom('sessions').where('user_id', '=', userId).execute();
		return userId;
	});
	return userId ? { ok: true, userId } : { ok: false, ...ERRORS.tokenInvalid };
}
