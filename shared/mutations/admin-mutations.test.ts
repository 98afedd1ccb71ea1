import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import { createMemoryTx, type MemoryTx } from '../sync/memory-tx.ts';
import { buildCompany, buildRole, buildUser, TEST_NOW } from '../test/builders.ts';
import {
	changeUserEmail,
	deleteRole,
	inviteUser,
	linkCompany,
	resendInvitation,
	saveRole,
	setMspDomains,
	setPsaLink,
	updateUser,
	verifyCompanyLink
} from './admin-mutations.ts';
import type { MutationDef } from './define.ts';

const ctx = {
	userId: 'admin',
	actor: { kind: 'msp' as const, companyId: 'company-msp', isAdmin: true, permissions: [] },
	now: TEST_NOW + 1
};
const acme = buildCompany({ id: 'company-acme' });
const editor = buildRole({ id: 'role-editor' });
let tx: MemoryTx;

function given(
	users = [buildUser({ id: 'admin', isAdmin: true }), buildUser({ id: 'pat', email: 'pat@example.test' })]
) {
	tx = createMemoryTx({ companies: [acme], roles: [editor], users });
}

async function run(def: MutationDef, args: unknown) {
	return def.apply(tx, def.args.parse(args), ctx);
}

async function refused(def: MutationDef, args: unknown, code: string) {
	const before = tx.dump();
	const error = await run(def, args).then(
		() => null,
		(e: unknown) => e
	);
	expect(error).toBeInstanceOf(DomainError);
	expect((error as DomainError).code).toBe(code);
	expect(tx.dump()).toEqual(before);
}

describe('changeUserEmail', () => {
	it('stores the address trimmed and in lower case, and nothing else', async () => {
		given();
		const before = await tx.get('users', 'pat');
		await run(changeUserEmail, { id: 'pat', email: '  Pat.New@Example.TEST ' });
		expect(await tx.get('users', 'pat')).toEqual({ ...before, email: 'pat.new@example.test' });
	});
	it('refuses an address another user has, compared in any case', async () => {
		given();
		await refused(changeUserEmail, { id: 'admin', email: 'PAT@example.test' }, 'email_taken');
	});
	it('accepts the user’s own address again as no change', async () => {
		given();
		const before = tx.dump();
		await run(changeUserEmail, { id: 'pat', email: 'Pat@Example.test' });
		expect(tx.dump()).toEqual(before);
	});
	it('refuses an unknown user, and an address that is not one', async () => {
		given();
		await refused(changeUserEmail, { id: 'nobody', email: 'x@example.test' }, 'user_not_found');
		expect(changeUserEmail.args.safeParse({ id: 'pat', email: 'not an address' }).success).toBe(false);
	});
});

describe('updateUser', () => {
	it('changes only the given fields and de-duplicates roles', async () => {
		given();
		await run(updateUser, { id: 'pat', roleIds: ['role-editor', 'role-editor'], loginMethods: ['password'] });
		expect(await tx.get('users', 'pat')).toMatchObject({
			roleIds: ['role-editor'],
			loginMethods: ['password'],
			name: 'Pat Person'
		});
	});
	it('refuses unknown users and roles', async () => {
		given();
		await refused(updateUser, { id: 'nobody', name: 'x' }, 'user_not_found');
		await refused(updateUser, { id: 'pat', roleIds: ['role-ghost'] }, 'role_not_found');
	});
	it('keeps an admin from locking themselves out', async () => {
		given();
		await refused(updateUser, { id: 'admin', isAdmin: false }, 'self_lockout');
		await refused(updateUser, { id: 'admin', loginDisabled: true }, 'self_lockout');
		await run(updateUser, { id: 'pat', loginDisabled: true });
		expect((await tx.get('users', 'pat'))?.loginDisabled).toBe(true);
	});
	it('takes no company, email or unknown field: those have their own mutations', () => {
		for (const extra of [{ companyId: 'company-acme' }, { email: 'x@y.test' }, { companyVerified: true }]) {
			expect(updateUser.args.safeParse({ id: 'pat', ...extra }).success).toBe(false);
		}
		expect(updateUser.args.safeParse({ id: 'pat', loginMethods: [] }).success).toBe(false);
	});
});

describe('company links', () => {
	it('a new link starts unverified and an admin verifies it', async () => {
		given();
		await run(linkCompany, { id: 'pat', companyId: 'company-acme' });
		expect(await tx.get('users', 'pat')).toMatchObject({ companyId: 'company-acme', companyVerified: false });
		await run(verifyCompanyLink, { id: 'pat' });
		expect((await tx.get('users', 'pat'))?.companyVerified).toBe(true);
	});
	it('relinking to the same company keeps the verification; unlinking drops it', async () => {
		given([buildUser({ id: 'pat', companyId: 'company-acme', companyVerified: true })]);
		await run(linkCompany, { id: 'pat', companyId: 'company-acme' });
		expect((await tx.get('users', 'pat'))?.companyVerified).toBe(true);
		await run(linkCompany, { id: 'pat', companyId: null });
		expect(await tx.get('users', 'pat')).toMatchObject({ companyId: null, companyVerified: false });
	});
	it('refuses a company that does not exist, and verifying a user without a company', async () => {
		given();
		await refused(linkCompany, { id: 'pat', companyId: 'company-ghost' }, 'company_not_found');
		await refused(verifyCompanyLink, { id: 'pat' }, 'company_link_missing');
	});
});

describe('setPsaLink', () => {
	const ids = async (userId: string) => (await tx.get('users', userId))?.externalIds;

	it('sets a trimmed identifier and keeps the other PSAs', async () => {
		given([buildUser({ id: 'pat', externalIds: { autotask: '29684' } })]);
		await run(setPsaLink, { id: 'pat', provider: 'halopsa', externalId: ' 77 ' });
		expect(await ids('pat')).toEqual({ autotask: '29684', halopsa: '77' });
		await run(setPsaLink, { id: 'pat', provider: 'autotask', externalId: '30001' });
		expect(await ids('pat')).toEqual({ autotask: '30001', halopsa: '77' });
	});
	it('null removes the key, so the next Synchronize matches by email; unlinking twice is fine', async () => {
		given([buildUser({ id: 'pat', externalIds: { autotask: '29684', connectwise: '12' } })]);
		await run(setPsaLink, { id: 'pat', provider: 'autotask', externalId: null });
		expect(await ids('pat')).toEqual({ connectwise: '12' });
		expect(Object.hasOwn((await ids('pat'))!, 'autotask')).toBe(false);
		await run(setPsaLink, { id: 'pat', provider: 'autotask', externalId: null });
		expect(await ids('pat')).toEqual({ connectwise: '12' });
	});
	it('moves an identifier another user holds in that PSA, and only in that PSA', async () => {
		given([
			buildUser({ id: 'pat', externalIds: {} }),
			buildUser({ id: 'dup', email: 'dup@example.test', externalIds: { autotask: '29684', halopsa: '5' } }),
			buildUser({ id: 'sam', email: 'sam@example.test', externalIds: { connectwise: '29684' } })
		]);
		await run(setPsaLink, { id: 'pat', provider: 'autotask', externalId: '29684' });
		expect(await ids('pat')).toEqual({ autotask: '29684' });
		expect(await ids('dup')).toEqual({ halopsa: '5' });
		expect(await ids('sam')).toEqual({ connectwise: '29684' });
	});
	it('relinking to the record it already has still takes it from anyone sharing it', async () => {
		given([
			buildUser({ id: 'pat', externalIds: { autotask: '29684' } }),
			buildUser({ id: 'dup', email: 'dup@example.test', externalIds: { autotask: '29684' } })
		]);
		await run(setPsaLink, { id: 'pat', provider: 'autotask', externalId: '29684' });
		expect(await ids('pat')).toEqual({ autotask: '29684' });
		expect(await ids('dup')).toEqual({});
	});
	it('refuses an unknown user and leaves everyone as they were', async () => {
		given([buildUser({ id: 'dup', externalIds: { autotask: '1' } })]);
		await refused(setPsaLink, { id: 'nobody', provider: 'autotask', externalId: '1' }, 'user_not_found');
	});
	it('takes a known PSA and an identifier of 1 to 64 characters, or null', () => {
		const ok = (args: object) => setPsaLink.args.safeParse({ id: 'pat', ...args }).success;
		expect(ok({ provider: 'connectwise', externalId: 'x'.repeat(64) })).toBe(true);
		expect(ok({ provider: 'connectwise', externalId: 'x'.repeat(65) })).toBe(false);
		expect(ok({ provider: 'connectwise', externalId: '   ' })).toBe(false);
		expect(ok({ provider: 'syncro', externalId: '1' })).toBe(false);
		expect(ok({ provider: 'halopsa' })).toBe(false);
		expect(ok({ provider: 'halopsa', externalId: null, email: 'x@y.test' })).toBe(false);
	});
});

describe('inviteUser', () => {
	const invitation = {
		id: 'new',
		email: ' New.Person@Example.TEST ',
		name: 'New Person',
		kind: 'customer',
		roleIds: [],
		companyId: 'company-acme'
	};
	it('adds an invited, verified-link user with a normalised email', async () => {
		given();
		await run(inviteUser, invitation);
		expect(await tx.get('users', 'new')).toMatchObject({
			email: 'new.person@example.test',
			invitedAt: ctx.now,
			companyVerified: true,
			isAdmin: false,
			loginDisabled: false
		});
	});
	it('refuses an email or id already in use', async () => {
		given();
		await refused(inviteUser, { ...invitation, email: 'PAT@example.test' }, 'email_taken');
		await refused(inviteUser, { ...invitation, id: 'pat' }, 'id_taken');
		expect(inviteUser.args.safeParse({ ...invitation, email: 'not an email' }).success).toBe(false);
	});
	it('resending moves the invitation time', async () => {
		given();
		await run(resendInvitation, { id: 'pat' });
		expect((await tx.get('users', 'pat'))?.invitedAt).toBe(ctx.now);
	});
});

describe('roles', () => {
	it('saves a role with each permission once', async () => {
		given();
		await run(saveRole, {
			id: 'role-sales',
			name: 'Sales',
			permissions: ['quoteEditor', 'productViewer', 'quoteEditor']
		});
		expect(await tx.get('roles', 'role-sales')).toEqual({
			id: 'role-sales',
			name: 'Sales',
			permissions: ['quoteEditor', 'productViewer']
		});
		expect(saveRole.args.safeParse({ id: 'r', name: 'x', permissions: ['root'] }).success).toBe(false);
	});
	it('deletes an unused role, refuses one still given, and deleting twice is fine', async () => {
		given([buildUser({ id: 'pat', roleIds: ['role-editor'] })]);
		await refused(deleteRole, { id: 'role-editor' }, 'role_in_use');
		await run(updateUser, { id: 'pat', roleIds: [] });
		await run(deleteRole, { id: 'role-editor' });
		await run(deleteRole, { id: 'role-editor' });
		expect(await tx.get('roles', 'role-editor')).toBeUndefined();
	});
});

describe('setMspDomains', () => {
	it('stores the domains lower-cased, sorted and once each', async () => {
		given();
		await run(setMspDomains, { mspDomains: ['Northwind.example', 'acme-it.example', 'northwind.example'] });
		expect(await tx.get('authSettings', 'auth')).toEqual({
			id: 'auth',
			mspDomains: ['acme-it.example', 'northwind.example']
		});
		expect(setMspDomains.args.safeParse({ mspDomains: ['not a domain'] }).success).toBe(false);
	});
});
