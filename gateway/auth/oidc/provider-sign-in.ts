// Whether the person a provider vouched for may sign in: the same policy as a password sign-in
// (checkSignIn), where the provider's email verification counts only for the address it verified.

import { ERRORS } from '../../../shared/errors.ts';
import type { LoginMethod } from '../../../shared/schema/identity-entities.ts';
import type { Store } from '../../store/store.ts';
import type { Account } from '../account-lookup.ts';
import { checkSignIn } from '../sign-in-policy.ts';
import type { OidcProviderName } from './oidc-providers.ts';
import { findProviderAccount } from './provider-accounts.ts';
import type { ProviderIdentity } from './provider-client.ts';

export type ProviderSignIn =
	| { ok: true; account: Account; verifiesEmail: boolean }
	/** `allowed` comes with login_method_not_allowed, so the page can say which methods to use. */
	| { ok: false; code: string; allowed?: LoginMethod[] };

export async function decideProviderSignIn(
	store: Store,
	provider: OidcProviderName,
	identity: ProviderIdentity
): Promise<ProviderSignIn> {
	// An address the provider has not verified proves nothing about who holds it.
	if (!identity.emailVerified) return { ok: false, code: ERRORS.providerEmailNotVerified.code };
	const account = await findProviderAccount(store, provider, identity);
	if (!account) return { ok: false, code: ERRORS.unknownAccount.code };
	const verifiesEmail = identity.email === account.user.email;
	const verdict = checkSignIn(account.user, account.emailVerified || verifiesEmail, provider, account.settings);
	if (!verdict.ok) {
		return verdict.code === ERRORS.loginMethodNotAllowed.code
			? { ok: false, code: verdict.code, allowed: account.user.loginMethods }
			: { ok: false, code: verdict.code };
	}
	return { ok: true, account, verifiesEmail: verifiesEmail && !account.emailVerified };
}
