// Admin > Users & Permissions as mutations, so an admin can manage people offline from a phone and
// it happens on reconnect. The gateway adds what only it can do (credentials, invitation mail, ACL
// versions, ending sessions) in server effects.

import { z } from 'zod';
import { DomainError } from '../errors.ts';
import { provider } from '../psa/providers.ts';
import { id } from '../schema/entities.ts';
import {
	authSettingsSchema,
	AUTH_SETTINGS_ID,
	roleSchema,
	userSchema,
	type User
} from '../schema/identity-entities.ts';
import type { Tx } from '../sync/tx.ts';
import { defineMutation } from './define.ts';

async function requireUser(tx: Tx, userId: string) {
	const user = await tx.get('users', userId);
	if (!user) throw DomainError.of('userNotFound');
	return user;
}

async function requireRoles(tx: Tx, roleIds: readonly string[]) {
	for (const roleId of roleIds) if (!(await tx.get('roles', roleId))) throw DomainError.of('roleNotFound');
}

async function requireCompany(tx: Tx, companyId: string | null) {
	if (companyId !== null && !(await tx.get('companies', companyId))) throw DomainError.of('companyNotFound');
}

const selfLockout = new DomainError(
	'self_lockout',
	'You cannot remove your own admin rights or disable your own sign-in.'
);

export const updateUser = defineMutation({
	name: 'updateUser',
	permission: 'admin',
	stores: ['users', 'roles'],
	args: userSchema
		.pick({ name: true, isAdmin: true, kind: true, roleIds: true, loginDisabled: true, loginMethods: true })
		.partial()
		.extend({ id })
		.strict(),
	async apply(tx, { id, ...fields }, ctx) {
		const user = await requireUser(tx, id);
		if (id === ctx.userId && (fields.isAdmin === false || fields.loginDisabled === true)) throw selfLockout;
		if (fields.roleIds) await requireRoles(tx, fields.roleIds);
		await tx.put('users', {
			...user,
			...fields,
			roleIds: fields.roleIds ? [...new Set(fields.roleIds)] : user.roleIds
		});
	}
});

/**
 * Changes a user's email (seeds: "Edit the user and ensure the correct email is set"): one address
 * per user in the organisation, compared trimmed and case-insensitively. The gateway asks the new
 * address to be verified, and the next PSA Synchronize matches the user on it.
 */
export const changeUserEmail = defineMutation({
	name: 'changeUserEmail',
	permission: 'admin',
	stores: ['users'],
	args: userSchema.pick({ email: true }).extend({ id }).strict(),
	async apply(tx, { id, email }) {
		const user = await requireUser(tx, id);
		if (user.email === email) return;
		if ((await tx.byIndex('users', 'email', email)).some((other) => other.id !== id))
			throw DomainError.of('emailTaken');
		await tx.put('users', { ...user, email });
	}
});

/** Links a user to a company (or unlinks them); a new link starts unverified. */
export const linkCompany = defineMutation({
	name: 'linkCompany',
	permission: 'admin',
	stores: ['users', 'companies'],
	args: z.object({ id, companyId: id.nullable() }).strict(),
	async apply(tx, { id, companyId }) {
		const user = await requireUser(tx, id);
		await requireCompany(tx, companyId);
		if (user.companyId === companyId) return;
		await tx.put('users', { ...user, companyId, companyVerified: false });
	}
});

export const verifyCompanyLink = defineMutation({
	name: 'verifyCompanyLink',
	permission: 'admin',
	stores: ['users'],
	args: z.object({ id }).strict(),
	async apply(tx, { id }) {
		const user = await requireUser(tx, id);
		if (user.companyId === null) throw DomainError.of('companyLinkMissing');
		await tx.put('users', { ...user, companyVerified: true });
	}
});

function withoutKey(externalIds: User['externalIds'], key: string): User['externalIds'] {
	return Object.fromEntries(Object.entries(externalIds).filter(([k]) => k !== key));
}

/**
 * Links a user to a PSA record by its identifier, or unlinks them (null: the next Synchronize matches
 * them by email). One record belongs to one user, so another user holding it loses it.
 */
export const setPsaLink = defineMutation({
	name: 'setPsaLink',
	permission: 'admin',
	stores: ['users'],
	args: z.object({ id, provider, externalId: z.string().trim().min(1).max(64).nullable() }).strict(),
	async apply(tx, { id, provider, externalId }) {
		const user = await requireUser(tx, id);
		if (externalId !== null) {
			for (const other of await tx.all('users')) {
				if (other.id === id || other.externalIds[provider] !== externalId) continue;
				await tx.put('users', { ...other, externalIds: withoutKey(other.externalIds, provider) });
			}
		}
		if ((user.externalIds[provider] ?? null) === externalId) return;
		const externalIds =
			externalId === null ? withoutKey(user.externalIds, provider) : { ...user.externalIds, [provider]: externalId };
		await tx.put('users', { ...user, externalIds });
	}
});

/** Adds a person who signs in through the emailed invitation; a company an admin chose is verified. */
export const inviteUser = defineMutation({
	name: 'inviteUser',
	permission: 'admin',
	stores: ['users', 'roles', 'companies'],
	args: userSchema
		.pick({ email: true, name: true, kind: true, roleIds: true, companyId: true })
		.extend({ id })
		.strict(),
	async apply(tx, args, ctx) {
		if (await tx.get('users', args.id)) throw DomainError.of('idTaken');
		if ((await tx.byIndex('users', 'email', args.email)).length > 0) throw DomainError.of('emailTaken');
		await requireRoles(tx, args.roleIds);
		await requireCompany(tx, args.companyId);
		await tx.put('users', {
			...args,
			roleIds: [...new Set(args.roleIds)],
			isAdmin: false,
			companyVerified: args.companyId !== null,
			loginDisabled: false,
			loginMethods: ['password', 'google', 'microsoft'],
			externalIds: {},
			invitedAt: ctx.now,
			createdAt: ctx.now
		});
	}
});

/** Sends a new invitation link (the gateway issues it; the old one stops working). */
export const resendInvitation = defineMutation({
	name: 'resendInvitation',
	permission: 'admin',
	stores: ['users'],
	args: z.object({ id }).strict(),
	async apply(tx, { id }, ctx) {
		const user = await requireUser(tx, id);
		await tx.put('users', { ...user, invitedAt: ctx.now });
	}
});

export const saveRole = defineMutation({
	name: 'saveRole',
	permission: 'admin',
	stores: ['roles'],
	args: roleSchema.strict(),
	async apply(tx, role) {
		await tx.put('roles', { ...role, permissions: [...new Set(role.permissions)] });
	}
});

export const deleteRole = defineMutation({
	name: 'deleteRole',
	permission: 'admin',
	stores: ['roles', 'users'],
	args: z.object({ id }).strict(),
	async apply(tx, { id }) {
		if (!(await tx.get('roles', id))) return;
		if ((await tx.all('users')).some((u) => u.roleIds.includes(id))) throw DomainError.of('roleInUse');
		await tx.delete('roles', id);
	}
});

export const setMspDomains = defineMutation({
	name: 'setMspDomains',
	permission: 'admin',
	stores: ['authSettings'],
	args: authSettingsSchema.pick({ mspDomains: true }).strict(),
	async apply(tx, { mspDomains }) {
		const settings = await tx.get('authSettings', AUTH_SETTINGS_ID);
		await tx.put('authSettings', { ...settings, id: AUTH_SETTINGS_ID, mspDomains: [...new Set(mspDomains)].sort() });
	}
});
