import { describe, expect, it } from 'vitest';
import { buildRole, buildUser } from '../../../shared/test/builders.ts';
import { holdersText, permissionsInOrder, roleNameProblem, toRoleRows } from './role-list.ts';

const sales = buildRole({ id: 'sales', name: 'sales team', permissions: ['productViewer', 'quoteEditor'] });
const buyer = buildRole({ id: 'buyer', name: 'Buyer', permissions: ['procurementEditor'] });
const empty = buildRole({ id: 'empty', name: 'Nothing yet', permissions: [] });

describe('toRoleRows', () => {
	it('lists roles by name with their permission labels and holders', () => {
		const users = [buildUser({ roleIds: ['sales'] }), buildUser({ roleIds: ['sales', 'buyer'] })];
		expect(toRoleRows([sales, empty, buyer], users)).toEqual([
			{ role: buyer, permissionLabels: ['Procurement editor'], holders: 1 },
			{ role: empty, permissionLabels: [], holders: 0 },
			{ role: sales, permissionLabels: ['Quote editor', 'Product viewer'], holders: 2 }
		]);
	});
});

describe('permissionsInOrder', () => {
	it('follows the product order of the eight permissions', () => {
		expect(permissionsInOrder(['procurementEditor', 'quoteEditor', 'companyEditor'])).toEqual([
			'quoteEditor',
			'companyEditor',
			'procurementEditor'
		]);
	});
});

describe('roleNameProblem', () => {
	it('wants a name no other role has', () => {
		expect(roleNameProblem('Sales lead', [sales, buyer], null)).toBeNull();
		expect(roleNameProblem('  ', [], null)).toBe('Enter a name for the role.');
		expect(roleNameProblem('x'.repeat(101), [], null)).toBe('Use at most 100 characters.');
		expect(roleNameProblem(' BUYER ', [sales, buyer], null)).toBe('Another role is already called BUYER.');
	});

	it('lets a role keep its own name', () => {
		expect(roleNameProblem('Buyer', [sales, buyer], 'buyer')).toBeNull();
	});
});

describe('holdersText', () => {
	it('counts people', () => {
		expect(holdersText(0)).toBe('Not given to anyone');
		expect(holdersText(1)).toBe('Given to 1 user');
		expect(holdersText(3)).toBe('Given to 3 users');
	});
});
