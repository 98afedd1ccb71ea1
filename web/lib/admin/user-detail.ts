// The rules behind one user's admin page: role and sign-in method toggles, and the PSA identifiers
// with anything that looks like a wrong link or a duplicate. Pure; no Dexie, no DOM.

import type { LoginMethod, User } from '../../../shared/schema/identity-entities.ts';

export const LOGIN_METHOD_LABELS = {
	password: 'Password',
	google: 'Google',
	microsoft: 'Microsoft'
} as const satisfies Record<LoginMethod, string>;

export const KIND_LABELS = {
	msp: 'MSP staff',
	customer: 'Customer contact'
} as const satisfies Record<User['kind'], string>;

/** The PSAs whose identifiers a user record may carry; an unknown key is shown as it is stored. */
export const PSA_LABELS: Record<string, string> = {
	autotask: 'Autotask',
	connectwise: 'ConnectWise',
	halopsa: 'HaloPSA'
};

export type Toggle<T> = { ok: true; value: T[] } | { ok: false; message: string };

/** The list with `item` added or taken away, keeping the order it had. */
export function toggled<T>(list: readonly T[], item: T, on: boolean): T[] {
	const without = list.filter((x) => x !== item);
	return on ? [...without, item] : without;
}

export function toggleLoginMethod(
	methods: readonly LoginMethod[],
	method: LoginMethod,
	on: boolean
): Toggle<LoginMethod> {
	const value = toggled(methods, method, on);
	if (value.length === 0) return { ok: false, message: 'Keep at least one sign-in method.' };
	return { ok: true, value };
}

export function nameProblem(name: string): string | null {
	const trimmed = name.trim();
	if (!trimmed) return 'Enter a name.';
	if (trimmed.length > 200) return 'Use at most 200 characters.';
	return null;
}

export type ExternalIdRow = {
	system: string;
	label: string;
	value: string;
	/** Other users that carry the same identifier in the same PSA: one of the links is wrong. */
	sharedWith: Pick<User, 'id' | 'name' | 'email'>[];
};

export function externalIdRows(user: User, everyone: readonly User[]): ExternalIdRow[] {
	return Object.entries(user.externalIds)
		.map(([system, value]) => ({
			system,
			label: PSA_LABELS[system] ?? system,
			value,
			sharedWith: everyone
				.filter((other) => other.id !== user.id && other.externalIds[system] === value)
				.map(({ id, name, email }) => ({ id, name, email }))
		}))
		.sort((a, b) => a.label.localeCompare(b.label));
}

/**
 * Other users who may be the same person: the same name (a PSA sync that failed to match by email
 * creates a second user with the PSA's details) or the same identifier in one PSA.
 */
export function possibleDuplicates(user: User, everyone: readonly User[]): User[] {
	const name = normalizeName(user.name);
	const ids = Object.entries(user.externalIds);
	return everyone.filter(
		(other) =>
			other.id !== user.id &&
			(normalizeName(other.name) === name || ids.some(([system, value]) => other.externalIds[system] === value))
	);
}

function normalizeName(name: string): string {
	return name.trim().toLowerCase().replace(/\s+/g, ' ');
}
