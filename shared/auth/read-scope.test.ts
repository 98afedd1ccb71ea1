// Which tables replicate to whom, one permission at a time (the matrix test checks the demo accounts
// over HTTP; this one checks every permission, alone).

import { describe, expect, it } from 'vitest';
import { TABLE_NAMES } from '../schema/tables.ts';
import { PERMISSION_KEYS, type Permission, type Principal } from './permissions.ts';
import { canReadQuote, readScope } from './read-scope.ts';
import { redactForReader } from './redact.ts';
import { staffEntry } from './staff-directory.ts';
import { buildUser } from '../test/builders.ts';

const staff = (permissions: Permission[]): Principal => ({
	userId: 'u',
	orgId: 'o',
	isAdmin: false,
	permissions,
	companyId: 'company-msp',
	companyVerified: true,
	kind: 'msp'
});
const customer: Principal = { ...staff([]), kind: 'customer', companyId: 'company-acme' };
const readable = (p: Principal) => TABLE_NAMES.filter((t) => readScope(p, t).kind !== 'none');

const EVERYONE = ['companies', 'contacts', 'orgProfile', 'staff'];
const CATALOG = ['categories', 'products', 'pricingBooks'];
const QUOTES = ['quotes', 'quoteLines'];
/** Staff read platform incidents (the banner); customers do not. */
const STAFF = [...EVERYONE, 'incidents'];

describe('read scope', () => {
	it('replicates to each permission alone exactly the tables it works with', () => {
		const EXPECTED: Record<Permission, string[]> = {
			quoteEditor: [
				...STAFF,
				...QUOTES,
				'opportunities',
				'quoteCharges',
				'tickets',
				'quoteSyncs',
				'issues',
				'paymentTerms'
			],
			productViewer: [...STAFF, ...CATALOG],
			productEditor: [...STAFF, ...CATALOG],
			productsImporter: [...STAFF, ...CATALOG],
			pricingBookEditor: [...STAFF, ...CATALOG],
			companyEditor: STAFF,
			whitespaceViewer: [...STAFF, ...QUOTES, 'categories'],
			procurementEditor: [
				...STAFF,
				...QUOTES,
				'ticketCharges',
				'skippedCharges',
				'quoteCharges',
				'tickets',
				'products',
				'distributors',
				'purchaseOrders',
				'purchaseOrderLines'
			]
		};
		for (const permission of PERMISSION_KEYS) {
			expect(readable(staff([permission])).sort(), permission).toEqual([...EXPECTED[permission]].sort());
		}
		expect(readable({ ...staff([]), isAdmin: true })).toEqual(TABLE_NAMES);
		expect(readable(staff([])).sort()).toEqual([...STAFF].sort());
	});

	it('gives a customer contact their own company’s quotes with no permission, and nothing without a verified link', () => {
		expect(readScope(customer, 'quotes')).toEqual({ kind: 'company', companyId: 'company-acme' });
		expect(readScope(customer, 'quoteLines')).toEqual({ kind: 'company', companyId: 'company-acme' });
		expect(readScope(customer, 'opportunities')).toEqual({ kind: 'none' });
		expect(readScope(customer, 'incidents')).toEqual({ kind: 'none' });
		// The MSP's name and logo head every quote they read.
		expect(readScope(customer, 'orgProfile')).toEqual({ kind: 'all' });
		expect(readScope({ ...customer, companyVerified: false }, 'orgProfile')).toEqual({ kind: 'none' });
		expect(readable({ ...customer, companyVerified: false })).toEqual([]);
	});

	it('gives who edits quotes the sync issues of quotes only, and the console to admins', () => {
		expect(readScope(staff(['quoteEditor']), 'issues')).toEqual({ kind: 'scoped' });
		expect(readScope(staff(['quoteEditor']), 'integrations')).toEqual({ kind: 'none' });
		expect(readScope(staff(['procurementEditor']), 'issues')).toEqual({ kind: 'none' });
		expect(readScope({ ...customer, permissions: ['quoteEditor'] }, 'issues')).toEqual({ kind: 'none' });
		expect(readScope({ ...staff([]), isAdmin: true }, 'issues')).toEqual({ kind: 'all' });
	});

	it('gives staff the names of their own organisation’s people, and customer contacts no one', () => {
		expect(readScope(staff([]), 'staff')).toEqual({ kind: 'company', companyId: 'company-msp' });
		expect(readScope(staff([]), 'users')).toEqual({ kind: 'none' });
		expect(readScope(customer, 'staff')).toEqual({ kind: 'none' });
	});

	it('carries a colleague’s id and name into the directory, and no email, role or login', () => {
		const user = buildUser({ id: 'u-sam', name: 'Sam Sales', isAdmin: true, roleIds: ['r-sales'] });
		expect(staffEntry(user)).toEqual({ id: 'u-sam', name: 'Sam Sales' });
		expect(staffEntry({ ...user, kind: 'customer' })).toBeNull();
	});

	it('lets a customer read a quote of their company once it is sent', () => {
		expect(canReadQuote(customer, { companyId: 'company-acme', status: 'sent' })).toBe(true);
		expect(canReadQuote(customer, { companyId: 'company-acme', status: 'draft' })).toBe(false);
		expect(canReadQuote(customer, { companyId: 'company-globex', status: 'sent' })).toBe(false);
		expect(canReadQuote(staff(['productViewer']), { companyId: 'company-acme', status: 'sent' })).toBe(false);
		expect(canReadQuote(staff(['whitespaceViewer']), { companyId: 'company-acme', status: 'draft' })).toBe(true);
	});

	it('keeps line costs for who prices quotes or buys: not customers, not whitespace readers', () => {
		const line = { id: 'l', unitCost: 900, unitPrice: 1_200 };
		const costOf = (p: Principal) => (redactForReader(p, 'quoteLines', line) as typeof line).unitCost;
		expect(costOf(staff(['quoteEditor']))).toBe(900);
		expect(costOf(staff(['procurementEditor']))).toBe(900);
		expect(costOf({ ...staff([]), isAdmin: true })).toBe(900);
		expect(costOf(staff(['whitespaceViewer']))).toBe(0);
		expect(costOf({ ...customer, permissions: ['quoteEditor'] })).toBe(0);
	});
});
