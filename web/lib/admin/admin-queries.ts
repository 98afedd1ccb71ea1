// The local reads behind the admin screens, run inside live() so they follow every write in any tab.
// Users, roles and sign-in settings replicate to admins only; anyone else reads empty tables.

import type { Company } from '../../../shared/schema/entities.ts';
import { AUTH_SETTINGS_ID, type Role, type User } from '../../../shared/schema/identity-entities.ts';
import type { LocalDb } from '../platform/local-db.ts';

export type Directory = { users: User[]; companies: Company[]; roles: Role[] };

export const EMPTY_DIRECTORY: Directory = { users: [], companies: [], roles: [] };

/** People, companies by name and roles by name, read in one transaction so they agree. */
export async function loadDirectory(db: LocalDb): Promise<Directory> {
	return db.transaction('r', [db.users, db.companies, db.roles], async () => {
		const [users, companies, roles] = await Promise.all([
			db.users.toArray(),
			db.companies.orderBy('name').toArray(),
			db.roles.toArray()
		]);
		roles.sort((a, b) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }));
		return { users, companies, roles };
	});
}

export async function loadMspDomains(db: LocalDb): Promise<{ domains: string[] }> {
	const settings = await db.authSettings.get(AUTH_SETTINGS_ID);
	return { domains: settings?.mspDomains ?? [] };
}
