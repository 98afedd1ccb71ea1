// Admin > Users & Permissions > Roles: roles in name order with their permission labels and how many
// people hold each, and the checks on a role's name before it is saved. Pure.

import { PERMISSION_KEYS, PERMISSIONS, type Permission } from '../../../shared/auth/permissions.ts';
import type { Role, User } from '../../../shared/schema/identity-entities.ts';

export type RoleRow = { role: Role; permissionLabels: string[]; holders: number };

export function toRoleRows(roles: readonly Role[], users: readonly User[]): RoleRow[] {
	return [...roles]
		.sort((a, b) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }))
		.map((role) => ({
			role,
			permissionLabels: permissionsInOrder(role.permissions).map((p) => PERMISSIONS[p]),
			holders: users.filter((u) => u.roleIds.includes(role.id)).length
		}));
}

/** The product's order of the eight permissions, whatever order a role stores them in. */
export function permissionsInOrder(permissions: readonly Permission[]): Permission[] {
	return PERMISSION_KEYS.filter((p) => permissions.includes(p));
}

/** Two roles of one name would make the users' role checkboxes ambiguous. */
export function roleNameProblem(name: string, roles: readonly Role[], selfId: string | null): string | null {
	const trimmed = name.trim();
	if (!trimmed) return 'Enter a name for the role.';
	if (trimmed.length > 100) return 'Use at most 100 characters.';
	const taken = roles.some((r) => r.id !== selfId && r.name.trim().toLowerCase() === trimmed.toLowerCase());
	return taken ? `Another role is already called ${trimmed}.` : null;
}

export function holdersText(holders: number): string {
	if (holders === 0) return 'Not given to anyone';
	return holders === 1 ? 'Given to 1 user' : `Given to ${holders} users`;
}
