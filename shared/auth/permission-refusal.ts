// How a refusal for a missing permission reads: it names what is missing (seeds: "Your role lacks the
// required permission"), so the person knows what to ask their admin for.

import { PERMISSIONS, type Requirement } from './permissions.ts';

/** "the Company editor permission", "an admin", or null when only a verified company link is needed. */
export function requirementName(requirement: Requirement): string | null {
	if (requirement === null) return null;
	if (requirement === 'admin') return 'an admin';
	return `the ${PERMISSIONS[requirement]} permission`;
}

/** The message of a `forbidden` refusal for a change that needs `requirement`. */
export function forbiddenMessage(requirement: Requirement): string {
	const needed = requirementName(requirement);
	return needed
		? `Your role lacks the permission for this action: it needs ${needed}.`
		: 'Your role lacks the permission for this action.';
}
