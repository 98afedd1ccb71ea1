// Loads who a user is and what they may do: the profile /api/auth/me returns, from which every
// permission check's Principal is made. The profile is the replicated users row plus its roles.

import { PERMISSION_KEYS } from '../../shared/auth/permissions.ts';
import type { UserProfile } from '../../shared/auth/user-profile.ts';
import type { RowOf } from '../../shared/schema/tables.ts';
import { readEntities, readEntity } from '../store/entity-reader.ts';
import type { Store } from '../store/store.ts';

type User = RowOf<'users'>;
type Role = RowOf<'roles'>;

export async function loadProfile(store: Store, userId: string): Promise<UserProfile | null> {
	const account = await store.db.selectFrom('users').select(['org_id']).where('id', '=', userId).executeTakeFirst();
	if (!account) return null;
	const user = await readEntity(store.db, account.org_id, 'users', userId);
	if (!user) return null;
	const roles = await readEntities(store.db, account.org_id, 'roles', user.roleIds);
	return profileOf(account.org_id, user, roles);
}

/** The profile of `user` given their roles (any role not in user.roleIds is ignored). */
export function profileOf(orgId: string, user: User, allRoles: readonly Role[]): UserProfile {
	const roles = allRoles.filter((r) => user.roleIds.includes(r.id));
	const granted = new Set(roles.flatMap((r) => r.permissions));
	return {
		id: user.id,
		email: user.email,
		name: user.name,
		orgId,
		isAdmin: user.isAdmin,
		kind: user.kind,
		roles: roles.map((r) => r.name).sort(),
		permissions: PERMISSION_KEYS.filter((p) => granted.has(p)),
		companyId: user.companyId,
		companyVerified: user.companyVerified
	};
}
