// The link between a provider's subjects and Outpost accounts: find the account a provider's person
// is (the identity linked earlier first, then the email), and record a successful sign-in. Never
// creates an account: people get one by invitation.

import type { Store } from '../../store/store.ts';
import { findAccountByEmail, findAccountById, type Account } from '../account-lookup.ts';
import type { OidcProviderName } from './oidc-providers.ts';
import type { ProviderIdentity } from './provider-client.ts';

/** By (provider, subject) first, so a person whose address changed at the provider keeps their account. */
export async function findProviderAccount(
	store: Store,
	provider: OidcProviderName,
	identity: ProviderIdentity
): Promise<Account | null> {
	const linked = await store.db
		.selectFrom('user_identities')
		.select('user_id')
		.where('provider', '=', provider)
		.where('subject', '=', identity.subject)
		.executeTakeFirst();
	const account = linked ? await findAccountById(store, linked.user_id) : null;
	return account ?? findAccountByEmail(store, identity.email);
}

/** Links the subject to the account (once) and, when the provider verified this account's address, marks it verified. */
export async function recordProviderSignIn(
	store: Store,
	provider: OidcProviderName,
	subject: string,
	userId: string,
	verifiesEmail: boolean
): Promise<void> {
	await store.write(async (trx) => {
		await trx
			.insertInto('user_identities')
			.values({ provider, subject, user_id: userId })
			.onConflict((oc) => oc.columns(['provider', 'subject']).doNothing())
			.execute();
		if (verifiesEmail) await trx.updateTable('users').set({ email_verified: 1 }).where('id', '=', userId).execute();
	});
}
