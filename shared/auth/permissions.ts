// The permission model: the eight permissions of the product, and the check every write and read goes through.
// Admin bypasses every check; a non-admin must hold a verified company link before anything else is considered.

import type { UserProfile } from './user-profile.ts';

export const PERMISSIONS = {
	quoteEditor: 'Quote editor',
	productViewer: 'Product viewer',
	productEditor: 'Product editor',
	productsImporter: 'Products importer',
	pricingBookEditor: 'Pricing book editor',
	companyEditor: 'Company editor',
	whitespaceViewer: 'Whitespace viewer',
	procurementEditor: 'Procurement editor'
} as const;

export type Permission = keyof typeof PERMISSIONS;
export const PERMISSION_KEYS = Object.keys(PERMISSIONS) as Permission[];

export type Principal = {
	userId: string;
	orgId: string;
	isAdmin: boolean;
	permissions: readonly Permission[];
	companyId: string | null;
	companyVerified: boolean;
	/** 'msp' for the MSP's own staff, 'customer' for a contact of a customer company. */
	kind: 'msp' | 'customer';
};

export function toPrincipal(profile: UserProfile): Principal {
	return {
		userId: profile.id,
		orgId: profile.orgId,
		isAdmin: profile.isAdmin,
		permissions: profile.permissions,
		companyId: profile.companyId,
		companyVerified: profile.companyVerified,
		kind: profile.kind
	};
}

export function hasVerifiedCompanyLink(p: Principal): boolean {
	return p.isAdmin || (p.companyId !== null && p.companyVerified);
}

/** What a mutation or route needs: one of the permissions, admin itself, or only a verified link (null). */
export type Requirement = Permission | 'admin' | null;

export function can(p: Principal, requirement: Requirement): boolean {
	if (p.isAdmin) return true;
	if (!hasVerifiedCompanyLink(p) || requirement === 'admin') return false;
	return requirement === null || p.permissions.includes(requirement);
}
