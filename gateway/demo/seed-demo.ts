// Seeds the demo organisation on first start (sandbox mode): every demo account with the demo
// password, one role per permission, the MSP's email domain, companies and their contacts, the
// catalog (categories, products, pricing books), quotes, imported ticket charges and sync issues, all
// written as replicated rows (the bulk of them in a few multi-row inserts) so they sync like any other.

import { PERMISSIONS, type Permission } from '../../shared/auth/permissions.ts';
import { AUTH_SETTINGS_ID, LOGIN_METHODS } from '../../shared/schema/identity-entities.ts';
import type { RowOf, TableName } from '../../shared/schema/tables.ts';
import type { Tx } from '../../shared/sync/tx.ts';
import type { PasswordHasher } from '../auth/password-hasher.ts';
import type { Store } from '../store/store.ts';
import { nextSpaceVersion } from '../sync/space-version.ts';
import { createSqlTx } from '../sync/sql-tx.ts';
import { DEMO_CATEGORIES, demoPricingBooks, demoProducts } from './demo-catalog.ts';
import { demoContacts } from './demo-contacts.ts';
import { DEMO_COMPANIES, DEMO_MSP_DOMAIN, DEMO_ORG, DEMO_PASSWORD, DEMO_USERS } from './demo-data.ts';
import { DEMO_ORG_PROFILE } from './demo-org-profile.ts';
import { demoIssues, demoTicketCharges } from './demo-psa-rows.ts';
import { demoQuotes } from './demo-quotes.ts';
import { insertEntities, type NewEntity } from './bulk-entities.ts';
import { scopeOf } from '../sync/sql-tx-scope.ts';

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
	const rows = await demoRows(now);
	return store.write(async (trx) => {
		const inserted = await trx
			.insertInto('orgs')
			.values({ ...DEMO_ORG, version: 0, next_quote_number: rows.quoteCount + 1 })
			.onConflict((oc) => oc.column('id').doNothing())
			.executeTakeFirst();
		// Another replica starting at the same moment seeded it first (its insert held ours until it committed).
		if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) return false;
		const version = await nextSpaceVersion(trx, DEMO_ORG.id);
		// Companies first: a user's visibility scope is their company.
		await insertEntities(trx, DEMO_ORG.id, version, rows.entities);
		const tx = createSqlTx(trx, DEMO_ORG.id, version);
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
		return true;
	});
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

/**
 * Everything but the people: companies and contacts, the letterhead, the catalog, quotes and lines,
 * the PSA's ticket charges and sync issues. Thousands of rows, scoped by the sync store's own rule.
 */
async function demoRows(now: number): Promise<{ entities: NewEntity[]; quoteCount: number }> {
	const companies = DEMO_COMPANIES.map((c) => ({ id: c.id, name: c.name, isMsp: c.isMsp ?? false, createdAt: now }));
	const contacts = demoContacts(DEMO_COMPANIES);
	const products = demoProducts();
	const quoting = demoQuotes({ now, products, contacts, ownerIds: QUOTE_OWNERS.map(demoUserId) });
	const quoteScopes = new Map<string, string | null>();
	for (const quote of quoting.quotes) quoteScopes.set(quote.id, await scopeOf('quotes', quote, async () => null));
	const scoped = <T extends TableName>(table: T, list: readonly RowOf<T>[]) =>
		Promise.all(
			list.map(async (row) => ({
				table,
				row,
				scope: await scopeOf(table, row, async (quoteId) => quoteScopes.get(quoteId) ?? null)
			}))
		);
	const entities: NewEntity[] = (
		await Promise.all([
			scoped('companies', companies),
			scoped('contacts', contacts),
			scoped('orgProfile', [DEMO_ORG_PROFILE]),
			scoped('categories', DEMO_CATEGORIES),
			scoped('products', products),
			scoped('pricingBooks', demoPricingBooks(products, now)),
			scoped('quotes', quoting.quotes),
			scoped('quoteLines', quoting.lines),
			scoped('ticketCharges', demoTicketCharges(products, now)),
			scoped('issues', demoIssues(quoting, companies, now))
		])
	).flat() as NewEntity[];
	return { entities, quoteCount: quoting.quotes.length };
}
