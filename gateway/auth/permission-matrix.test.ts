// Every mutation against every demo account with a mix of permissions, every account's pull, and a
// second organisation: the gateway allows exactly what the roles allow, whatever the client claims.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MutationName } from '../../shared/mutations/registry.ts';
import { MUTATIONS } from '../../shared/mutations/registry.ts';
import { TABLE_NAMES } from '../../shared/schema/tables.ts';
import { DEMO_ORG, DEMO_USERS as ALL_DEMO_USERS, MSP_COMPANY_ID } from '../demo/demo-data.ts';
import { createMutationFixtures } from '../test/mutation-fixtures.ts';
import { startGateway, TEST_PASSWORDS, type Gateway, type HttpClient } from '../test/http-harness.ts';
import { openIssue, putIntegration } from '../test/psa-rows.ts';
import { STORE_KINDS } from '../test/stores.ts';
import { nextSpaceVersion } from '../sync/space-version.ts';
import { createSqlTx } from '../sync/sql-tx.ts';
import { replay, syncClient, uid } from '../test/wire-client.ts';

/** The accounts that hold one permission alone have a file of their own: permission-alone.test.ts. */
const DEMO_USERS = ALL_DEMO_USERS.filter((user) => !user.alone);

const QUOTE_EDITORS = ['admin@demo.outpost.test', 'sales@demo.outpost.test', 'buyer@demo.outpost.test'];
const ADMINS = ['admin@demo.outpost.test'];
const CATALOG = ['admin@demo.outpost.test', 'catalog@demo.outpost.test'];
const CUSTOMER_OF_ACME = ['admin@demo.outpost.test', 'customer@acme.outpost.test'];
/** Who buys what customers accepted (seed 002: the procurement queue). */
const BUYERS = ['admin@demo.outpost.test', 'buyer@demo.outpost.test'];
const BLOCKED = ['unlinked@demo.outpost.test', 'unverified@demo.outpost.test'];

/** Who may run each mutation (the seeds: Quote editor for quotes; admin for Users & Permissions). */
const ALLOWED: Record<MutationName, string[]> = {
	createQuote: QUOTE_EDITORS,
	updateQuote: QUOTE_EDITORS,
	addQuoteLine: QUOTE_EDITORS,
	updateQuoteLine: QUOTE_EDITORS,
	removeQuoteLine: QUOTE_EDITORS,
	duplicateQuote: QUOTE_EDITORS,
	reviseQuote: QUOTE_EDITORS,
	acceptQuote: CUSTOMER_OF_ACME,
	declineQuote: CUSTOMER_OF_ACME,
	saveCategory: CATALOG,
	deleteCategory: CATALOG,
	saveProduct: CATALOG,
	importProducts: CATALOG,
	savePricingBook: CATALOG,
	deletePricingBook: CATALOG,
	saveCompany: ADMINS,
	saveContact: ADMINS,
	deleteContact: ADMINS,
	updateUser: ADMINS,
	changeUserEmail: ADMINS,
	linkCompany: ADMINS,
	verifyCompanyLink: ADMINS,
	setPsaLink: ADMINS,
	inviteUser: ADMINS,
	resendInvitation: ADMINS,
	saveRole: ADMINS,
	deleteRole: ADMINS,
	setMspDomains: ADMINS,
	retryIssue: ADMINS,
	dismissIssue: ADMINS,
	retryAllIssues: ADMINS,
	saveIntegrationSettings: ADMINS,
	syncQuoteToPsa: QUOTE_EDITORS,
	syncProductToPsa: CATALOG,
	synchronizePsa: ADMINS,
	saveOrgProfile: ADMINS,
	reindexEntities: ADMINS,
	reindexRecord: ADMINS,
	setActivityRetention: ADMINS,
	attachQuoteToTicket: QUOTE_EDITORS,
	cancelQuoteCharge: ADMINS,
	reorderQuoteCharges: ADMINS,
	setDistributorOrdering: ADMINS,
	moveDistributor: ADMINS,
	orderQuote: BUYERS,
	addQuoteToPurchaseOrder: BUYERS,
	changePurchaseOrderLine: BUYERS,
	submitPurchaseOrder: BUYERS,
	retryPurchaseOrder: BUYERS,
	cancelPurchaseOrder: BUYERS,
	cancelPlacedPurchaseOrder: BUYERS,
	setProductCostFromDistributor: CATALOG
};

/** Staff whose roles replicate no quotes (catalog roles alone): to them a quote does not exist. */
const SEE_NO_QUOTES = ['catalog@demo.outpost.test', 'viewer@demo.outpost.test'];

/**
 * How a refusal reads: a missing permission; for answers to quotes, not being the quoted customer,
 * or, to whoever may not see the quote at all, the same answer as for an id that does not exist.
 */
function refusedAs(name: MutationName, email: string): string {
	if (name !== 'acceptQuote' && name !== 'declineQuote') return 'forbidden';
	return SEE_NO_QUOTES.includes(email) ? 'quote_not_found' : 'not_your_quote';
}

describe.each(STORE_KINDS)('permission matrix on $name', (kind) => {
	let gw: Gateway;
	let admin: ReturnType<typeof syncClient>;
	const sessions = new Map<string, HttpClient>();

	const { prepare, freshQuote, sentQuote, fixtureHash, product, FIXTURES } = createMutationFixtures(
		() => gw,
		() => admin
	);

	beforeAll(async () => {
		gw = await startGateway(kind);
		for (const user of DEMO_USERS) sessions.set(user.email, await gw.login(user.email));
		admin = syncClient(sessions.get('admin@demo.outpost.test')!);
		await putIntegration(gw, 'autotask', { configured: true });
	});
	afterAll(async () => {
		await gw?.close();
	});

	for (const name of Object.keys(MUTATIONS) as MutationName[]) {
		it(`${name}: applied for exactly ${ALLOWED[name].join(', ')}`, async () => {
			for (const user of DEMO_USERS) {
				const client = syncClient(sessions.get(user.email)!);
				const args = await FIXTURES[name]();
				const res = await client.push([client.m(name, args as never)]);
				if (BLOCKED.includes(user.email)) {
					expect(res.status, user.email).toBe(403);
					expect(res.body.error?.code).toBe('company_link_required');
					continue;
				}
				expect(res.status, user.email).toBe(200);
				const result = res.body.results[0]!;
				if (ALLOWED[name].includes(user.email)) expect(result, user.email).toEqual({ id: 1, status: 'applied' });
				else
					expect(result, user.email).toMatchObject({
						id: 1,
						status: 'rejected',
						code: refusedAs(name, user.email)
					});
			}
		});
	}

	it('each account pulls exactly the tables and rows it may see', async () => {
		await openIssue(gw);
		const seen = new Map<string, Map<string, unknown>>();
		for (const user of DEMO_USERS) {
			const client = syncClient(sessions.get(user.email)!);
			const res = await client.pull(null);
			if (BLOCKED.includes(user.email)) {
				expect(res.status, user.email).toBe(403);
				continue;
			}
			seen.set(user.email, replay(await client.pullAll(null)));
		}
		const tablesOf = (email: string) => new Set([...seen.get(email)!.keys()].map((key) => key.split('/')[0]!));
		const everything = tablesOf('admin@demo.outpost.test');
		expect([...everything].sort()).toEqual([...TABLE_NAMES].filter((t) => everything.has(t)).sort());
		expect(everything.has('users') && everything.has('roles') && everything.has('authSettings')).toBe(true);
		expect(everything.has('issues') && everything.has('integrations')).toBe(true);
		const quoting = ['companies', 'quotes', 'quoteLines', 'contacts', 'orgProfile'];
		const catalog = ['categories', 'products', 'pricingBooks'];
		const people = ['companies', 'contacts', 'orgProfile', 'staff'];
		// Charges on PSA tickets, and the tickets to attach quotes to, for who works with quotes.
		const charges = ['quoteCharges', 'tickets'];
		// Who edits quotes sees how their syncs went, and the issues of quotes.
		const syncs = ['quoteSyncs', 'issues', 'paymentTerms'];
		const MAY_SEE: Record<string, string[]> = {
			'sales@demo.outpost.test': [...quoting, ...catalog, ...charges, ...syncs, 'staff'],
			'catalog@demo.outpost.test': [...people, ...catalog],
			'viewer@demo.outpost.test': [...people, ...catalog],
			'buyer@demo.outpost.test': [
				...quoting,
				'products',
				'distributors',
				'purchaseOrders',
				'purchaseOrderLines',
				'ticketCharges',
				...charges,
				...syncs,
				'staff'
			],
			'customer@acme.outpost.test': quoting
		};
		for (const [email, tables] of Object.entries(MAY_SEE)) {
			// Exactly the tables it may see, of those that hold any rows at all.
			expect([...tablesOf(email)].sort(), email).toEqual(tables.filter((t) => everything.has(t)).sort());
		}
		expect(catalog.every((t) => everything.has(t))).toBe(true);
		const customer = seen.get('customer@acme.outpost.test')!;
		const companyOf = (key: string, value: any) => (key.startsWith('companies/') ? value.id : value.companyId);
		for (const [key, value] of customer) {
			if (key.startsWith('quoteLines/'))
				expect(customer.has(`quotes/${(value as { quoteId: string }).quoteId}`), key).toBe(true);
			// The MSP's letterhead is the whole organisation's.
			else if (key.startsWith('orgProfile/')) expect(value).toMatchObject({ name: DEMO_ORG.name });
			else expect(companyOf(key, value), key).toBe('company-acme');
		}
		expect([...customer.keys()].some((k) => k.startsWith('quotes/'))).toBe(true);
		// Staff who are not admins know their colleagues by name: the MSP's people, their id and name alone.
		const directory = [...seen.get('sales@demo.outpost.test')!].filter(([key]) => key.startsWith('staff/'));
		const entries = directory.map(([, value]) => value as Record<string, unknown>);
		const demoStaff = ALL_DEMO_USERS.filter((u) => u.kind === 'msp' && u.companyId === MSP_COMPANY_ID);
		expect(entries.map((entry) => entry.name).sort()).toEqual(demoStaff.map((u) => u.name).sort());
		expect(entries.filter((entry) => Object.keys(entry).sort().join() !== 'id,name')).toEqual([]);
	});

	it('a catalog product goes on a quote only for who may read the catalog, and its cost with it', async () => {
		const productId = uid('p');
		await prepare('saveProduct', product(productId));
		// A Procurement editor reads the catalog too: the procurement queue orders its products.
		const MAY_ADD = ['admin@demo.outpost.test', 'sales@demo.outpost.test', 'buyer@demo.outpost.test'];
		for (const email of QUOTE_EDITORS) {
			const client = syncClient(sessions.get(email)!);
			const lineId = uid('l');
			const quoteId = await freshQuote();
			const res = await client.push([client.m('addQuoteLine', { id: lineId, quoteId, productId })]);
			const line = replay(await admin.pullAll(null)).get(`quoteLines/${lineId}`);
			if (MAY_ADD.includes(email)) {
				expect(res.body.results[0], email).toEqual({ id: 1, status: 'applied' });
				expect(line, email).toMatchObject({ productId, unitCost: 10_000 });
			} else {
				expect(res.body.results[0], email).toEqual({
					id: 1,
					status: 'rejected',
					code: 'forbidden',
					message: 'Adding a product from the catalog needs Product viewer or another product permission.'
				});
				expect(line, email).toBeUndefined();
			}
		}
	});

	it('answers a customer about another company’s quote exactly as about one that does not exist', async () => {
		const customer = syncClient(sessions.get('customer@acme.outpost.test')!);
		const { id: globex } = await sentQuote('company-globex');
		const acmeDraft = await freshQuote();
		const answers = async (id: string) => {
			const res = await customer.push([
				customer.m('acceptQuote', { id, name: 'Carla Customer', contentHash: fixtureHash() }),
				customer.m('declineQuote', { id, reason: 'No' })
			]);
			return res.body.results.map((r) => ('code' in r ? `${r.code}: ${r.message}` : r.status));
		};
		const unknown = await answers(uid('q'));
		expect(unknown).toEqual([
			'quote_not_found: The quote no longer exists.',
			'quote_not_found: The quote no longer exists.'
		]);
		// Another company's sent quote, an accepted one, and a draft of their own company, which they cannot see yet.
		expect(await answers(globex)).toEqual(unknown);
		expect(await answers('quote-globex-backup')).toEqual(unknown);
		expect(await answers(acmeDraft)).toEqual(unknown);
	});

	it('a device synced under the previous read rules is reset to what it may see now', async () => {
		const viewer = syncClient(sessions.get('viewer@demo.outpost.test')!);
		const first = await viewer.pull(null);
		const { acl_version } = await gw.store.write((trx) =>
			trx
				.selectFrom('users')
				.select('acl_version')
				.where('email', '=', 'viewer@demo.outpost.test')
				.executeTakeFirstOrThrow()
		);
		// The cookie a device kept from before: the user's own ACL version alone, as pulls used to send.
		const before = { v: first.body.cookie.v, acl: Number(acl_version) };
		const res = await viewer.pull(before);
		expect(res.status).toBe(200);
		expect(res.body.patch[0]).toEqual({ op: 'clear' });
		expect(res.body.patch.filter((op) => op.op === 'put' && op.table.startsWith('quote'))).toEqual([]);
	});

	it('a second organisation sees none of the first and cannot write to it', async () => {
		const otherUserId = uid('other-admin');
		await gw.store.write(async (trx) => {
			await trx
				.insertInto('orgs')
				.values({ id: 'org-other', name: 'Other MSP', version: 0, next_quote_number: 1 })
				.execute();
			await trx
				.insertInto('users')
				.values({
					id: otherUserId,
					org_id: 'org-other',
					email: 'boss@other.example',
					password_hash: await TEST_PASSWORDS.hash('other-password'),
					email_verified: 1,
					acl_version: 1,
					created_at: 0
				})
				.execute();
			const tx = createSqlTx(trx, 'org-other', await nextSpaceVersion(trx, 'org-other'));
			await tx.put('companies', { id: 'company-other', name: 'Other customer', isMsp: false, createdAt: 0 });
			await tx.put('users', {
				id: otherUserId,
				email: 'boss@other.example',
				name: 'Other Boss',
				isAdmin: true,
				kind: 'msp',
				roleIds: [],
				companyId: 'company-other',
				companyVerified: true,
				loginDisabled: false,
				loginMethods: ['password'],
				externalIds: {},
				invitedAt: 0,
				createdAt: 0
			});
		});
		const other = syncClient(await gw.login('boss@other.example', 'other-password'));
		const theirs = replay(await other.pullAll(null));
		expect([...theirs.keys()].sort()).toEqual([
			'companies/company-other',
			`staff/${otherUserId}`,
			`users/${otherUserId}`
		]);

		const res = await other.push([
			other.m('updateQuote', { id: 'quote-acme-firewall', title: 'Hijacked' }),
			other.m('addQuoteLine', {
				id: uid('l'),
				quoteId: 'quote-acme-firewall',
				description: 'x',
				quantity: 1,
				unitPrice: 1
			})
		]);
		expect(res.body.results.map((r) => ('code' in r ? r.code : r.status))).toEqual([
			'quote_not_found',
			'quote_not_found'
		]);
		const ours = replay(await admin.pullAll(null));
		expect((ours.get('quotes/quote-acme-firewall') as { title: string }).title).not.toBe('Hijacked');
		expect([...ours.keys()].filter((k) => k.includes('other'))).toEqual([]);
	});
});
