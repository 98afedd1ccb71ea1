// The staff directory: the organisation's own people by name, for staff who are not admins (a
// quote's owner, the owner filter). The pull derives it from the users rows; no email, role or login
// setting leaves with it, and customer contacts are in no one's directory.

import type { StaffMember, User } from '../schema/identity-entities.ts';

/** The users rows the directory is made of: stored once, replicated under both names. */
export const STAFF_SOURCE = 'users';

export function staffEntry(user: Pick<User, 'id' | 'name' | 'kind'>): StaffMember | null {
	return user.kind === 'msp' ? { id: user.id, name: user.name } : null;
}
