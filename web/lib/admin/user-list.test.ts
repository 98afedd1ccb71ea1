import { describe, expect, it } from 'vitest';
import { buildCompany, buildRole, buildUser } from '../../../shared/test/builders.ts';
import {
	countByFilter,
	linkStateOf,
	LINK_STATE_LABELS,
	matchesSearch,
	problemsOf,
	selectUsers,
	toUserRows
} from './user-list.ts';

const northwind = buildCompany({ id: 'company-northwind', name: 'Northwind Managed Services', isMsp: true });
const acme = buildCompany({ id: 'company-acme', name: 'Acme Corporation' });
const editor = buildRole({ id: 'role-editor', name: 'Quote editor' });
const viewer = buildRole({ id: 'role-viewer', name: 'Product viewer', permissions: ['productViewer'] });

const ada = buildUser({
	id: 'ada',
	name: 'Ada Admin',
	email: 'admin@demo.test',
	isAdmin: true,
	companyId: 'company-northwind',
	companyVerified: true
});
const sam = buildUser({
	id: 'sam',
	name: 'Sam Sales',
	email: 'sales@demo.test',
	companyId: 'company-northwind',
	companyVerified: true,
	roleIds: ['role-editor', 'role-viewer']
});
const una = buildUser({ id: 'una', name: 'Una Unlinked', email: 'unlinked@demo.test' });
const uri = buildUser({
	id: 'uri',
	name: 'Uri Unverified',
	email: 'unverified@demo.test',
	companyId: 'company-northwind'
});
const carla = buildUser({
	id: 'carla',
	name: 'Carla Customer',
	email: 'carla@acme.test',
	kind: 'customer',
	companyId: 'company-acme',
	companyVerified: true
});
const off = buildUser({
	id: 'off',
	name: 'Otto Off',
	email: 'otto@demo.test',
	companyId: 'company-northwind',
	companyVerified: true,
	loginDisabled: true
});

const rows = toUserRows([uri, sam, off, carla, una, ada], [northwind, acme], [editor, viewer]);
const names = (list: { user: { name: string } }[]) => list.map((r) => r.user.name);

describe('link state', () => {
	it('tells unlinked, unverified and verified apart', () => {
		expect(linkStateOf(una)).toBe('unlinked');
		expect(linkStateOf(uri)).toBe('unverified');
		expect(linkStateOf(sam)).toBe('verified');
	});

	it('says the state in the words of the list', () => {
		expect(LINK_STATE_LABELS).toEqual({
			verified: 'Linked ✓ verified',
			unverified: 'Not verified',
			unlinked: 'Not linked'
		});
	});

	it('does not count a verified flag left over on a user without a company', () => {
		expect(linkStateOf(buildUser({ companyId: null, companyVerified: true }))).toBe('unlinked');
	});
});

describe('problems', () => {
	it('names what keeps each person out, or nothing', () => {
		expect(problemsOf(sam)).toEqual([]);
		expect(problemsOf(una)).toEqual(['Not linked to a company']);
		expect(problemsOf(uri)).toEqual(['Company link not verified']);
		expect(problemsOf(off)).toEqual(['Sign-in disabled']);
		expect(problemsOf({ ...una, loginDisabled: true })).toEqual(['Sign-in disabled', 'Not linked to a company']);
	});

	it('lets an admin without a company link be, since admins bypass the check', () => {
		expect(problemsOf({ ...ada, companyId: null })).toEqual([]);
		expect(problemsOf({ ...ada, loginDisabled: true })).toEqual(['Sign-in disabled']);
	});
});

describe('rows', () => {
	it('carry the company name, link state and role names in name order', () => {
		const row = rows.find((r) => r.user.id === 'sam')!;
		expect(row).toMatchObject({
			companyName: 'Northwind Managed Services',
			linkState: 'verified',
			roleNames: ['Product viewer', 'Quote editor']
		});
		expect(rows.find((r) => r.user.id === 'una')!.companyName).toBeNull();
	});

	it('show a company or role that is not on this device for what it is', () => {
		const [row] = toUserRows([buildUser({ companyId: 'gone', roleIds: ['gone'] })], [], []);
		expect(row).toMatchObject({ companyName: 'Unknown company', roleNames: ['Deleted role'] });
	});
});

describe('selectUsers', () => {
	it('lists everyone by name', () => {
		expect(names(selectUsers(rows, '', 'all'))).toEqual([
			'Ada Admin',
			'Carla Customer',
			'Otto Off',
			'Sam Sales',
			'Una Unlinked',
			'Uri Unverified'
		]);
	});

	it('keeps those who need attention: not linked, not verified, disabled', () => {
		expect(names(selectUsers(rows, '', 'attention'))).toEqual(['Otto Off', 'Una Unlinked', 'Uri Unverified']);
	});

	it('keeps admins', () => {
		expect(names(selectUsers(rows, '', 'admins'))).toEqual(['Ada Admin']);
	});

	it('searches name, email and company, case-insensitively, every word', () => {
		expect(names(selectUsers(rows, 'uri', 'all'))).toEqual(['Uri Unverified']);
		expect(names(selectUsers(rows, 'ACME.test', 'all'))).toEqual(['Carla Customer']);
		expect(names(selectUsers(rows, 'acme corp', 'all'))).toEqual(['Carla Customer']);
		expect(names(selectUsers(rows, 'northwind un', 'all'))).toEqual(['Uri Unverified']);
		expect(names(selectUsers(rows, '  ', 'all'))).toHaveLength(6);
		expect(selectUsers(rows, 'nobody', 'all')).toEqual([]);
	});

	it('combines search and filter', () => {
		expect(names(selectUsers(rows, 'northwind', 'attention'))).toEqual(['Otto Off', 'Uri Unverified']);
	});

	it('orders two people of one name by email', () => {
		const twins = toUserRows(
			[buildUser({ name: 'Pat', email: 'b@x.test' }), buildUser({ name: 'pat', email: 'a@x.test' })],
			[],
			[]
		);
		expect(selectUsers(twins, '', 'all').map((r) => r.user.email)).toEqual(['a@x.test', 'b@x.test']);
	});

	it('does not search the role names', () => {
		expect(
			matchesSearch(
				rows.find((r) => r.user.id === 'sam')!,
				'editor'
			)
		).toBe(false);
	});
});

describe('countByFilter', () => {
	it('counts each filter for its label', () => {
		expect(countByFilter(rows)).toEqual({ all: 6, attention: 3, admins: 1 });
		expect(countByFilter([])).toEqual({ all: 0, attention: 0, admins: 0 });
	});
});
