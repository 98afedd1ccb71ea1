// Seeds the demo organisation on first start (sandbox mode): every demo account with the demo
// password, one role per permission, the MSP's email domain, companies and their contacts, the
// catalog (categories, products, pricing books) and quotes, all written through the sync store so
// they replicate like any other rows.

import { generateNKeysBetween } from 'fractional-indexing';
import { PERMISSIONS, type Permission } from '../../shared/auth/permissions.ts';
import { AUTH_SETTINGS_ID, LOGIN_METHODS } from '../../shared/schema/identity-entities.ts';
import type { Tx } from '../../shared/sync/tx.ts';
import type { PasswordHasher } from '../auth/password-hasher.ts';
import type { Store } from '../store/store.ts';
import { formatQuoteNumber } from '../sync/effects/quote-effects.ts';
import { nextSpaceVersion } from '../sync/space-version.ts';
import { createSqlTx } from '../sync/sql-tx.ts';
import { DEMO_CATEGORIES, demoPricingBooks, demoProducts } from './demo-catalog.ts';
import { demoContacts } from './demo-contacts.ts';
import { DEMO_COMPANIES, DEMO_MSP_DOMAIN, DEMO_ORG, DEMO_PASSWORD, DEMO_QUOTES, DEMO_USERS } from './demo-data.ts';

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
			.values({ ...DEMO_ORG, version: 0, next_quote_number: DEMO_QUOTES.length + 1 })
			.execute();
		const tx = createSqlTx(trx, DEMO_ORG.id, await nextSpaceVersion(trx, DEMO_ORG.id));
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
		await seedQuotes(tx, now);
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

async function seedQuotes(tx: Tx, now: number): Promise<void> {
	const owner = demoUserId('sales@demo.outpost.test');
	for (const [k, quote] of DEMO_QUOTES.entries()) {
		const createdAt = now - (DEMO_QUOTES.length - k) * 86_400_000;
		await tx.put('quotes', {
			id: quote.id,
			companyId: quote.companyId,
			contactId: null,
			title: quote.title,
			status: quote.status,
			number: formatQuoteNumber(k + 1),
			ownerId: owner,
			notes: '',
			validUntil: null,
			paymentTerm: null,
			acceptance: null,
			declineReason: null,
			revisionOf: null,
			revision: 1,
			createdAt,
			updatedAt: createdAt
		});
		const positions = generateNKeysBetween(null, null, quote.lines.length);
		for (const [n, [description, quantity, unitPrice]] of quote.lines.entries()) {
			await tx.put('quoteLines', {
				id: `${quote.id}-line-${n + 1}`,
				quoteId: quote.id,
				productId: null,
				description,
				quantity,
				unitPrice,
				unitCost: Math.round(unitPrice * 0.7),
				discountPercent: 0,
				billing: /monthly/i.test(description) ? 'monthly' : /1 year|annual/i.test(description) ? 'yearly' : 'one-time',
				optional: false,
				section: '',
				position: positions[n]!,
				createdAt
			});
		}
	}
}
