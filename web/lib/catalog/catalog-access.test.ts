import { describe, expect, it } from 'vitest';
import type { Permission, Principal } from '../../../shared/auth/permissions.ts';
import { catalogAccess, companyAccess } from './catalog-access.ts';

function principal(permissions: Permission[], overrides: Partial<Principal> = {}): Principal {
	return {
		userId: 'u',
		orgId: 'o',
		isAdmin: false,
		permissions,
		companyId: 'c',
		companyVerified: true,
		kind: 'msp',
		...overrides
	};
}

describe('catalogAccess', () => {
	it('lets a Product viewer look but change nothing', () => {
		expect(catalogAccess(principal(['productViewer']))).toEqual({
			view: true,
			editProducts: false,
			importProducts: false,
			editPricingBooks: false
		});
	});

	it('opens the catalog with any product permission alone', () => {
		for (const p of ['productEditor', 'productsImporter', 'pricingBookEditor'] as const)
			expect(catalogAccess(principal([p])).view).toBe(true);
		expect(catalogAccess(principal(['quoteEditor', 'companyEditor'])).view).toBe(false);
	});

	it('gives each editing right to its own permission, and all of them to an admin', () => {
		expect(catalogAccess(principal(['productsImporter']))).toMatchObject({ importProducts: true, editProducts: false });
		expect(catalogAccess(principal(['pricingBookEditor']))).toMatchObject({
			editPricingBooks: true,
			editProducts: false
		});
		expect(catalogAccess(principal([], { isAdmin: true }))).toEqual({
			view: true,
			editProducts: true,
			importProducts: true,
			editPricingBooks: true
		});
	});

	it('gives nothing to someone whose company link is not verified', () => {
		expect(catalogAccess(principal(['productEditor'], { companyVerified: false })).view).toBe(false);
	});
});

describe('companyAccess', () => {
	it('shows companies to all MSP staff and lets only a Company editor change them', () => {
		expect(companyAccess(principal([]))).toEqual({ view: true, edit: false });
		expect(companyAccess(principal(['companyEditor']))).toEqual({ view: true, edit: true });
		expect(companyAccess(principal([], { isAdmin: true }))).toEqual({ view: true, edit: true });
	});

	it('hides them from customer contacts and unverified staff', () => {
		expect(companyAccess(principal(['companyEditor'], { kind: 'customer' }))).toEqual({ view: false, edit: false });
		expect(companyAccess(principal([], { companyVerified: false }))).toEqual({ view: false, edit: false });
	});
});
