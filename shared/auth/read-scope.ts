// Partial replication: which rows of a replicated table a person may pull.
// Every row carries a scope (the company it belongs to); customer contacts see only their own company's.

import type { TableName } from '../schema/tables.ts';
import { hasVerifiedCompanyLink, type Permission, type Principal } from './permissions.ts';

export type ReadScope = { kind: 'all' } | { kind: 'company'; companyId: string } | { kind: 'none' };

/** Who manages the organisation sees its people and settings; nobody else replicates them. */
const ADMIN_ONLY: ReadonlySet<TableName> = new Set(['users', 'roles', 'authSettings', 'issues', 'integrations']);

const PRODUCT_PERMISSIONS: readonly Permission[] = [
	'productViewer',
	'productEditor',
	'productsImporter',
	'pricingBookEditor'
];

/** Tables that need one of these permissions (seeds: product rows need any product permission). */
const NEEDS: Partial<Record<TableName, readonly Permission[]>> = {
	products: PRODUCT_PERMISSIONS,
	pricingBooks: PRODUCT_PERMISSIONS,
	categories: [...PRODUCT_PERMISSIONS, 'whitespaceViewer'],
	ticketCharges: ['procurementEditor'],
	opportunities: ['quoteEditor']
};

export function readScope(p: Principal, table: TableName): ReadScope {
	if (p.isAdmin) return { kind: 'all' };
	if (!hasVerifiedCompanyLink(p) || p.companyId === null || ADMIN_ONLY.has(table)) return { kind: 'none' };
	const needs = NEEDS[table];
	if (needs && !needs.some((permission) => p.permissions.includes(permission))) return { kind: 'none' };
	if (p.kind === 'customer') return { kind: 'company', companyId: p.companyId };
	return { kind: 'all' };
}
