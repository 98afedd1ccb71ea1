// Linking Outpost users to Autotask resources, by the seeds' rule: the external identifier first,
// then the email (case-insensitive, trimmed). Pure.

import type { AutotaskResource } from '../entity-schemas.ts';
import { normalizeEmail } from './contact.ts';

export type LinkableUser = { id: string; email: string; externalId: number | null };
export type ResourceLink =
	| { userId: string; resourceId: number; by: 'external_id' | 'email' }
	| { userId: string; resourceId: null; by: 'none' };

export function linkUsersToResources(users: LinkableUser[], resources: AutotaskResource[]): ResourceLink[] {
	const active = resources.filter((r) => r.isActive !== false);
	const byId = new Map(active.map((r) => [r.id, r]));
	const byEmail = new Map<string, AutotaskResource>();
	for (const r of active) {
		const email = normalizeEmail(r.email);
		if (email && !byEmail.has(email)) byEmail.set(email, r);
	}
	return users.map((user): ResourceLink => {
		if (user.externalId !== null && byId.has(user.externalId)) {
			return { userId: user.id, resourceId: user.externalId, by: 'external_id' };
		}
		const match = byEmail.get(normalizeEmail(user.email) ?? '');
		return match
			? { userId: user.id, resourceId: match.id, by: 'email' }
			: { userId: user.id, resourceId: null, by: 'none' };
	});
}
