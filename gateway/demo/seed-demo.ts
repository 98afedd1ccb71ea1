// Seeds the demo organisation on first start (sandbox mode): every demo account with the demo
// password, one role per permission, the MSP's email domain, companies and their contacts, the
// catalog (categories, products, pricing books), quotes, imported ticket charges and sync issues, all
// written as replicated rows (the bulk of them in a few multi-row inserts) so they sync like any other.

import type { Transaction } from 'kysely';
import { CUSTOMER_VISIBLE_QUOTE_STATUSES } from '../../shared/auth/read-scope.ts';
import { PERMISSIONS, type Permission } from '../../shared/auth/permissions.ts';
import { AUTH_SETTINGS_ID, LOGIN_METHODS } from '../../shared/schema/identity-entities.ts';
import type { Tx } from '../../shared/sync/tx.ts';
import type { PasswordHasher } from '../auth/password-hasher.ts';
import type { Database } from '../store/schema.ts';
import type { Store } from '../store/store.ts';
import { nextSpaceVersion } from '../sync/space-version.ts';
import { createSqlTx } from '../sync/sql-tx.ts';
import { DEMO_CATEGORIES, demoPricingBooks, demoProducts } from './demo-catalog.ts';
import { demoContacts } from './demo-contacts.ts';
import { DEMO_COMPANIES, DEMO_MSP_DOMAIN, DEMO_ORG, DEMO_PASSWORD, DEMO_USERS } from './demo-data.ts';
import { demoIssues, demoTicketCharges } from './demo-psa-rows.ts';
import { demoQuotes } from './demo-quotes.ts';
import { insertEntities } from './bulk-entities.ts';

/** Who writes the demo's quotes: Sam first (the hand-written six are theirs), then Bo and Ada. */
const QUOTE_OWNERS = [
	'sales@demo.outpost.test',
	'buyer@demo.outpost.test',
	'sales@demo.outpost.test',
	'admin@demo.outpost.test'
];

export function roleIdOf(orgId: string, permission: Permission): string {
	return `${orgId}-role-${permission}`;
}

export function demoUserId(email: string): string {
	return `user-${email.split('@')[0]}-${email.split('@')[1]!.split('.')[0]}`;
}

/** Returns false, and changes nothing, when the demo organisation is already there. */
export async function seedDemo(store: Store, passwords: PasswordHasher, now: number): Promise<boolean> {
	const exists = await store.db.selectFrom('orgs').select('id').where('id', '=', DEMO_ORG.id).executeTakeFirst();
	if (exists) return false;
	const hashes = await Promise.all(DEMO_USERS.map(() => passwords.hash(DEMO_PASSWORD)));
	await store.write(async (trx) => {
		await trx
			.insertInto('orgs')
			.values({ ...DEMO_ORG, version: 0, next_quote_number: 1 })
			.execute();
		const version = await nextSpaceVersion(trx, DEMO_ORG.id);
		const tx = createSqlTx(trx, DEMO_ORG.id, version);
		// Companies first: a user's visibility scope is their company.
		for (const company of DEMO_COMPANIES) {
			await tx.put('companies', { id: company.id, name: company.name, isMsp: company.isMsp ?? false, createdAt: now });
		}
		for (const contact of demoContacts(DEMO_COMPANIES)) await tx.put('contacts', contact);
		await seedCatalog(tx, now);
		await seedIdentity(tx, now);
		for (const [k, user] of DEMO_USERS.entries()) {
			await trx
				.insertInto('users')
				.values({
					id: demoUserId(user.email),
					org_id: DEMO_ORG.id,
					email: user.email,
					password_hash: hashes[k]!,
					email_verified: 1,
					acl_version: 1,
					created_at: now
				})
				.execute();
		}
		const quotes = await seedQuotesAndSync(trx, version, now);
		await trx
			.updateTable('orgs')
			.set({ next_quote_number: quotes + 1 })
			.where('id', '=', DEMO_ORG.id)
			.execute();
	});
	return true;
}

async function seedIdentity(tx: Tx, now: number): Promise<void> {
	for (const [permission, label] of Object.entries(PERMISSIONS) as [Permission, string][]) {
		await tx.put('roles', { id: roleIdOf(DEMO_ORG.id, permission), name: label, permissions: [permission] });
	}
	await tx.put('authSettings', { id: AUTH_SETTINGS_ID, mspDomains: [DEMO_MSP_DOMAIN] });
	for (const user of DEMO_USERS) {
		await tx.put('users', {
			id: demoUserId(user.email),
			email: user.email,
			name: user.name,
			isAdmin: user.isAdmin ?? false,
			kind: user.kind,
			roleIds: user.permissions.map((p) => roleIdOf(DEMO_ORG.id, p)),
			companyId: user.companyId,
			companyVerified: user.companyVerified,
			loginDisabled: false,
			loginMethods: [...LOGIN_METHODS],
			externalIds: {},
			invitedAt: now,
			createdAt: now
		});
	}
}

async function seedCatalog(tx: Tx, now: number): Promise<void> {
	for (const category of DEMO_CATEGORIES) await tx.put('categories', category);
	const products = demoProducts();
	for (const product of products) await tx.put('products', product);
	for (const book of demoPricingBooks(products, now)) await tx.put('pricingBooks', book);
}

/** The quotes and lines, the PSA's ticket charges and sync issues: thousands of rows, in bulk. */
async function seedQuotesAndSync(trx: Transaction<Database>, version: number, now: number): Promise<number> {
	const products = demoProducts();
	const rows = demoQuotes({
		now,
		products,
		contacts: demoContacts(DEMO_COMPANIES),
		ownerIds: QUOTE_OWNERS.map(demoUserId)
	});
	const scopeOf = new Map(
		rows.quotes.map((q) => [q.id, CUSTOMER_VISIBLE_QUOTE_STATUSES.has(q.status) ? q.companyId : null])
	);
	const companies = DEMO_COMPANIES.map((c) => ({ id: c.id, name: c.name, isMsp: c.isMsp ?? false, createdAt: now }));
	await insertEntities(trx, DEMO_ORG.id, version, [
		...rows.quotes.map((row) => ({ table: 'quotes' as const, row, scope: scopeOf.get(row.id)! })),
		...rows.lines.map((row) => ({ table: 'quoteLines' as const, row, scope: scopeOf.get(row.quoteId)! })),
		...demoTicketCharges(products, now).map((row) => ({ table: 'ticketCharges' as const, row, scope: null })),
		...demoIssues(rows, companies, now).map((row) => ({ table: 'issues' as const, row, scope: null }))
	]);
	return rows.quotes.length;
}
