// Loads who a user is and what they may do: the profile /api/auth/me returns, from which every
// permission check's Principal is made.

import { PERMISSION_KEYS } from '../../shared/auth/permissions.ts';
import type { UserProfile } from '../../shared/auth/user-profile.ts';
import type { Store } from '../store/store.ts';

export async function loadProfile(store: Store, userId: string): Promise<UserProfile | null> {
	const user = await store.db.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirst();
	if (!user) return null;
	const roles = await store.db
		.selectFrom('user_roles')
		.innerJoin('roles', 'roles.id', 'user_roles.role_id')
		.select(['roles.name', 'roles.permissions'])
		.where('user_roles.user_id', '=', userId)
		.orderBy('roles.name')
		.execute();
	const granted = new Set(roles.flatMap((r) => JSON.parse(r.permissions) as string[]));
	return {
		id: user.id,
		email: user.email,
		name: user.name,
		orgId: user.org_id,
		isAdmin: user.is_admin === 1,
		kind: user.kind,
		roles: roles.map((r) => r.name),
		permissions: PERMISSION_KEYS.filter((p) => granted.has(p)),
		companyId: user.company_id,
		companyVerified: user.company_verified === 1
	};
}
