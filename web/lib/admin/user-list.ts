// Admin > Users & Permissions list: each user with their company, link state and role names, and the
// search, filters and order of the list. Pure: the screen reads the rows from IndexedDB and passes them in.

import type { Company } from '../../../shared/schema/entities.ts';
import type { Role, User } from '../../../shared/schema/identity-entities.ts';

/** The seeds' two conditions for a non-admin: linked to a company, and that link verified. */
export type LinkState = 'verified' | 'unverified' | 'unlinked';

export const LINK_STATE_LABELS = {
	verified: 'Linked ✓ verified',
	unverified: 'Not verified',
	unlinked: 'Not linked'
} as const satisfies Record<LinkState, string>;

export function linkStateOf(user: Pick<User, 'companyId' | 'companyVerified'>): LinkState {
	if (user.companyId === null) return 'unlinked';
	return user.companyVerified ? 'verified' : 'unverified';
}

export const USER_FILTERS = {
	all: 'All',
	attention: 'Needs attention',
	admins: 'Admins'
} as const;

export type UserFilter = keyof typeof USER_FILTERS;
export const USER_FILTER_KEYS = Object.keys(USER_FILTERS) as UserFilter[];

export type UserRow = {
	user: User;
	companyName: string | null;
	linkState: LinkState;
	roleNames: string[];
	/** Why this person may be unable to work, in the order an admin would fix them; empty when fine. */
	problems: string[];
};

/**
 * What keeps a person out: a disabled sign-in, or (for a non-admin, since admins bypass the check) a
 * missing or unverified company link, which the gateway answers with the company-link sentence.
 */
export function problemsOf(user: User): string[] {
	const problems: string[] = [];
	if (user.loginDisabled) problems.push('Sign-in disabled');
	if (!user.isAdmin) {
		const state = linkStateOf(user);
		if (state === 'unlinked') problems.push('Not linked to a company');
		if (state === 'unverified') problems.push('Company link not verified');
	}
	return problems;
}

export function toUserRows(users: readonly User[], companies: readonly Company[], roles: readonly Role[]): UserRow[] {
	const companyNames = new Map(companies.map((c) => [c.id, c.name]));
	const roleNames = new Map(roles.map((r) => [r.id, r.name]));
	return users.map((user) => ({
		user,
		companyName: user.companyId === null ? null : (companyNames.get(user.companyId) ?? 'Unknown company'),
		linkState: linkStateOf(user),
		roleNames: user.roleIds.map((id) => roleNames.get(id) ?? 'Deleted role').sort(byText),
		problems: problemsOf(user)
	}));
}

function byText(a: string, b: string): number {
	return a.localeCompare(b, undefined, { sensitivity: 'base' });
}

export function matchesFilter(row: UserRow, filter: UserFilter): boolean {
	if (filter === 'attention') return row.problems.length > 0;
	if (filter === 'admins') return row.user.isAdmin;
	return true;
}

/** Every word of the search must appear in the name, the email or the company name. */
export function matchesSearch(row: UserRow, search: string): boolean {
	const words = search.trim().toLowerCase().split(/\s+/).filter(Boolean);
	if (words.length === 0) return true;
	const haystack = [row.user.name, row.user.email, row.companyName ?? ''].join('\n').toLowerCase();
	return words.every((word) => haystack.includes(word));
}

/** The list as shown: matching rows by name (then email, for two people of the same name). */
export function selectUsers(rows: readonly UserRow[], search: string, filter: UserFilter): UserRow[] {
	return rows
		.filter((row) => matchesFilter(row, filter) && matchesSearch(row, search))
		.sort((a, b) => byText(a.user.name, b.user.name) || a.user.email.localeCompare(b.user.email));
}

export function countByFilter(rows: readonly UserRow[]): Record<UserFilter, number> {
	return {
		all: rows.length,
		attention: rows.filter((row) => matchesFilter(row, 'attention')).length,
		admins: rows.filter((row) => matchesFilter(row, 'admins')).length
	};
}
