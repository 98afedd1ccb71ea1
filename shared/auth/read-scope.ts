// Partial replication: which rows of a replicated table a person may pull.
// Every row carries a scope (the company it belongs to); customer contacts see only their own company's.

import type { TableName } from '../schema/tables.ts';
import { hasVerifiedCompanyLink, type Permission, type Principal } from './permissions.ts';

export type ReadScope =
	| { kind: 'all' }
	| { kind: 'company'; companyId: string }
	/** The rows that name what they concern in their scope: a quote editor's issues of quotes (gateway/sync/sql-tx.ts). */
	| { kind: 'scoped' }
	| { kind: 'none' };

/**
 * The version of the rules below. Devices hold what the old rules let them see: raising it changes
 * every user's ACL version (pull adds it to theirs), so every device is reset to what it may see now.
 *   1: quotes, their lines and opportunities need a quoting permission; line costs need one to edit or buy.
 *   2: staff read the staff directory (their colleagues' ids and names).
 *   3: Procurement editors read purchase orders, the products they order and the distributors'
 *      ordering settings (which distributor is preferred, where ordering is on).
 *   4: quote editors read quotes' sync state, the sync issues of quotes (not the rest of the console) and
 *      the PSA's payment terms.
 */
export const READ_RULES_VERSION = 4;

/** Who manages the organisation sees its people and settings; nobody else replicates them. */
const ADMIN_ONLY: ReadonlySet<TableName> = new Set([
	'users',
	'roles',
	'authSettings',
	'issues',
	'integrations',
	'reindexRuns',
	'activity',
	'billingCodeUpdates'
]);

export const PRODUCT_PERMISSIONS: readonly Permission[] = [
	'productViewer',
	'productEditor',
	'productsImporter',
	'pricingBookEditor'
];

/**
 * Staff who work with quotes: who writes them, who buys what customers accepted, and who reads
 * accepted quotes for whitespace (web/lib/whitespace). A catalog role alone has no business with
 * every customer's quotes, costs and margins.
 */
export const QUOTE_READERS: readonly Permission[] = ['quoteEditor', 'procurementEditor', 'whitespaceViewer'];

/** Tables that need one of these permissions (seeds: product rows need any product permission). */
const NEEDS: Partial<Record<TableName, readonly Permission[]>> = {
	// A buyer orders products by their part numbers and from their distributor (the procurement queue).
	products: [...PRODUCT_PERMISSIONS, 'procurementEditor'],
	pricingBooks: PRODUCT_PERMISSIONS,
	categories: [...PRODUCT_PERMISSIONS, 'whitespaceViewer'],
	ticketCharges: ['procurementEditor'],
	skippedCharges: ['procurementEditor'],
	quotes: QUOTE_READERS,
	quoteLines: QUOTE_READERS,
	opportunities: ['quoteEditor'],
	quoteSyncs: ['quoteEditor'],
	paymentTerms: ['quoteEditor'],
	// Charges on PSA tickets and the tickets to attach quotes to: who sells and who buys.
	quoteCharges: ['quoteEditor', 'procurementEditor'],
	tickets: ['quoteEditor', 'procurementEditor'],
	// The procurement queue (seed 002) and where it orders from; credentials never replicate.
	purchaseOrders: ['procurementEditor'],
	purchaseOrderLines: ['procurementEditor'],
	distributors: ['procurementEditor']
};

/** The organisation's own letterhead: everyone in it reads it, customers included (it heads their quotes). */
const WHOLE_ORG: ReadonlySet<TableName> = new Set(['orgProfile']);

/**
 * Platform incidents: every member of staff reads them (the banner warns whoever works in what an
 * outage touches); a customer contact has no business with the MSP's integrations.
 */
const ALL_STAFF: ReadonlySet<TableName> = new Set(['incidents']);

/** A customer contact is the addressee of their company's quotes and reads them with no permission. */
const ADDRESSED_TO_CUSTOMERS: ReadonlySet<TableName> = new Set(['quotes', 'quoteLines']);

/** Quotes a customer contact sees once they are sent; drafts stay in-house (the store scopes them so). */
export const CUSTOMER_VISIBLE_QUOTE_STATUSES: ReadonlySet<string> = new Set(['sent', 'accepted', 'declined']);

export type Reader = Pick<Principal, 'isAdmin' | 'kind' | 'permissions' | 'companyId'>;

export function readScope(p: Principal, table: TableName): ReadScope {
	if (!hasVerifiedCompanyLink(p)) return { kind: 'none' };
	return tableScope(p, table);
}

/** readScope for someone whose company link has already been checked (a mutation's actor). */
export function tableScope(p: Reader, table: TableName): ReadScope {
	if (p.isAdmin) return { kind: 'all' };
	if (p.companyId === null) return { kind: 'none' };
	// Who edits quotes sees why their syncs failed; the console itself, and integration-wide issues, stay with admins.
	if (table === 'issues')
		return p.kind === 'msp' && p.permissions.includes('quoteEditor') ? { kind: 'scoped' } : { kind: 'none' };
	if (ADMIN_ONLY.has(table)) return { kind: 'none' };
	// The MSP's own people are the users of its company; a customer contact knows none of them by name.
	if (table === 'staff') return p.kind === 'msp' ? { kind: 'company', companyId: p.companyId } : { kind: 'none' };
	if (WHOLE_ORG.has(table)) return { kind: 'all' };
	if (ALL_STAFF.has(table)) return p.kind === 'customer' ? { kind: 'none' } : { kind: 'all' };
	if (p.kind === 'customer' && ADDRESSED_TO_CUSTOMERS.has(table)) return { kind: 'company', companyId: p.companyId };
	const needs = NEEDS[table];
	if (needs && !needs.some((permission) => p.permissions.includes(permission))) return { kind: 'none' };
	if (p.kind === 'customer') return { kind: 'company', companyId: p.companyId };
	return { kind: 'all' };
}

/** Whether `p` may see this quote: the same answer a pull gives, for a mutation to act on. */
export function canReadQuote(p: Reader, quote: { companyId: string; status: string }): boolean {
	const scope = tableScope(p, 'quotes');
	if (scope.kind !== 'company') return scope.kind === 'all';
	return scope.companyId === quote.companyId && CUSTOMER_VISIBLE_QUOTE_STATUSES.has(quote.status);
}
