// Finds the account behind an email address together with everything the sign-in policy needs.

import { AUTH_SETTINGS_ID, type AuthSettings, type User } from '../../shared/schema/identity-entities.ts';
import { readEntity } from '../store/entity-reader.ts';
import type { Store } from '../store/store.ts';

export type Account = {
	id: string;
	orgId: string;
	passwordHash: string | null;
	emailVerified: boolean;
	user: User;
	settings: AuthSettings | undefined;
};

export async function findAccountByEmail(store: Store, email: string): Promise<Account | null> {
	const row = await store.db
		.selectFrom('users')
		.select(['id', 'org_id', 'password_hash', 'email_verified'])
		.where('email', '=', email.trim().toLowerCase())
		.executeTakeFirst();
	return row ? completeAccount(store, row) : null;
}

export async function findAccountById(store: Store, id: string): Promise<Account | null> {
	const row = await store.db
		.selectFrom('users')
		.select(['id', 'org_id', 'password_hash', 'email_verified'])
		.where('id', '=', id)
		.executeTakeFirst();
	return row ? completeAccount(store, row) : null;
}

async function completeAccount(
	store: Store,
	row: { id: string; org_id: string; password_hash: string | null; email_verified: number }
): Promise<Account | null> {
	const user = await readEntity(store.db, row.org_id, 'users', row.id);
	if (!user) return null;
	return {
		id: row.id,
		orgId: row.org_id,
		passwordHash: row.password_hash,
		emailVerified: row.email_verified === 1,
		user,
		settings: await readEntity(store.db, row.org_id, 'authSettings', AUTH_SETTINGS_ID)
	};
}
