// build<Entity>(overrides) factories for tests: valid rows with sensible defaults and unique ids,
// so a test spells out only the fields it is about.

import type { Principal } from '../auth/permissions.ts';
import type { Company, Quote, QuoteLine } from '../schema/entities.ts';
import type { Role, User } from '../schema/identity-entities.ts';

let counter = 0;
/** A unique, readable id; UUIDv7 in production, but any string of 1-64 characters is valid. */
export function testId(prefix: string): string {
	counter += 1;
	return `${prefix}-${String(counter).padStart(4, '0')}`;
}

export const TEST_NOW = Date.UTC(2026, 10, 1, 9, 0, 0);

/** A signed-in user as the permission checks see them: by default the demo MSP's quote editor. */
export function buildPrincipal(overrides: Partial<Principal> = {}): Principal {
	return {
		userId: 'user-sales',
		orgId: 'org-demo',
		isAdmin: false,
		permissions: ['quoteEditor'],
		companyId: 'company-msp',
		companyVerified: true,
		kind: 'msp',
		...overrides
	} as Principal;
}

export function buildCompany(overrides: Partial<Company> = {}): Company {
	return { id: testId('company'), name: 'Acme Corporation', isMsp: false, createdAt: TEST_NOW, ...overrides };
}

export function buildQuote(overrides: Partial<Quote> = {}): Quote {
	return {
		id: testId('quote'),
		companyId: 'company-acme',
		contactId: null,
		title: 'Laptop refresh',
		status: 'draft',
		number: null,
		ownerId: 'user-sales',
		notes: '',
		validUntil: null,
		paymentTerm: null,
		acceptance: null,
		declineReason: null,
		revisionOf: null,
		revision: 1,
		createdAt: TEST_NOW,
		updatedAt: TEST_NOW,
		...overrides
	};
}

export function buildQuoteLine(overrides: Partial<QuoteLine> = {}): QuoteLine {
	return {
		id: testId('line'),
		quoteId: 'quote-acme',
		productId: null,
		categoryId: null,
		description: 'Lenovo ThinkPad T14',
		quantity: 1,
		unitPrice: 134_900,
		unitCost: 0,
		discountPercent: 0,
		billing: 'one-time',
		optional: false,
		section: '',
		position: 'a0',
		createdAt: TEST_NOW,
		...overrides
	};
}

export function buildUser(overrides: Partial<User> = {}): User {
	const id = overrides.id ?? testId('user');
	return {
		id,
		email: `${id}@example.test`,
		name: 'Pat Person',
		isAdmin: false,
		kind: 'msp',
		roleIds: [],
		companyId: null,
		companyVerified: false,
		loginDisabled: false,
		loginMethods: ['password', 'google', 'microsoft'],
		externalIds: {},
		invitedAt: TEST_NOW,
		createdAt: TEST_NOW,
		...overrides
	};
}

export function buildRole(overrides: Partial<Role> = {}): Role {
	return { id: testId('role'), name: 'Quote editor', permissions: ['quoteEditor'], ...overrides };
}
