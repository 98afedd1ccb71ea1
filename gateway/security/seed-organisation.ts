// For the security suite: a whole organisation written through the store, with a row in every
// replicated table and three people (an admin, a quote editor and a customer contact), every id
// prefixed so two organisations never share one except where the product fixes it ('auth', a PSA).

import { draftOrder } from '../../shared/procurement/purchase-order-rules.ts';
import { activityIdAt } from '../../shared/schema/activity-entities.ts';
import { defaultDistributor } from '../../shared/schema/distributor-entities.ts';
import { ORG_PROFILE_ID } from '../../shared/schema/org-profile-entities.ts';
import { generateNKeysBetween } from 'fractional-indexing';
import { issueId, defaultIntegration } from '../../shared/schema/psa-entities.ts';
import { AUTH_SETTINGS_ID, LOGIN_METHODS } from '../../shared/schema/identity-entities.ts';
import type { RowOf, StoredTableName } from '../../shared/schema/tables.ts';
import type { Store } from '../store/store.ts';
import { nextSpaceVersion } from '../sync/space-version.ts';
import { createSqlTx } from '../sync/sql-tx.ts';
import { TEST_PASSWORDS } from '../test/http-harness.ts';

export type SeededPerson = { id: string; email: string; password: string };

export type SeededOrganisation = {
	orgId: string;
	admin: SeededPerson;
	editor: SeededPerson;
	customer: SeededPerson;
	/** Every row written, by table. */
	rows: { [T in StoredTableName]: RowOf<T>[] };
};

/** Seeds organisation `org-<prefix>`; ids start with `<prefix>-`, emails end with `@<prefix>.example`. */
export async function seedOrganisation(store: Store, prefix: string, now = 0): Promise<SeededOrganisation> {
	const orgId = `org-${prefix}`;
	const p = (name: string) => `${prefix}-${name}`;
	const person = (name: string): SeededPerson => ({
		id: p(`user-${name}`),
		email: `${name}@${prefix}.example`,
		password: `${prefix}-${name}-password`
	});
	const admin = person('admin');
	const editor = person('editor');
	const customer = person('customer');
	const company = p('company-msp');
	const client = p('company-client');
	const [first, second] = generateNKeysBetween(null, null, 2);
	const user = (who: SeededPerson, fields: Partial<RowOf<'users'>>): RowOf<'users'> => ({
		id: who.id,
		email: who.email,
		name: who.email,
		isAdmin: false,
		kind: 'msp',
		roleIds: [],
		companyId: company,
		companyVerified: true,
		loginDisabled: false,
		loginMethods: [...LOGIN_METHODS],
		externalIds: { autotask: p('resource') },
		invitedAt: now,
		createdAt: now,
		...fields
	});
	const quote: RowOf<'quotes'> = {
		id: p('quote'),
		companyId: client,
		contactId: p('contact'),
		title: `${prefix} secret quote`,
		status: 'sent',
		number: 'Q-0001',
		ownerId: editor.id,
		notes: `${prefix} notes`,
		validUntil: null,
		paymentTerm: null,
		acceptance: null,
		declineReason: null,
		revisionOf: null,
		revision: 1,
		createdAt: now,
		updatedAt: now
	};
	const line = (n: number, position: string): RowOf<'quoteLines'> => ({
		id: p(`line-${n}`),
		quoteId: quote.id,
		productId: p('product'),
		categoryId: null,
		description: `${prefix} line ${n}`,
		quantity: 1,
		unitPrice: 10_000,
		unitCost: 7_000,
		discountPercent: 0,
		billing: 'one-time',
		optional: false,
		section: '',
		position,
		createdAt: now
	});
	const rows: SeededOrganisation['rows'] = {
		companies: [
			{ id: company, name: `${prefix} MSP`, isMsp: true, createdAt: now },
			{ id: client, name: `${prefix} client`, isMsp: false, createdAt: now }
		],
		contacts: [
			{
				id: p('contact'),
				companyId: client,
				name: 'Contact',
				email: `contact@${prefix}.example`,
				phone: '',
				jobTitle: ''
			}
		],
		categories: [{ id: p('category'), name: `${prefix} hardware`, defaultMarkupPercent: 25, billingCodeId: null }],
		products: [
			{
				id: p('product'),
				name: `${prefix} firewall`,
				sku: p('sku'),
				mpn: '',
				description: '',
				categoryId: p('category'),
				cost: 7_000,
				price: 10_000,
				billing: 'one-time',
				distributor: null,
				noProcurement: false,
				active: true
			}
		],
		pricingBooks: [
			{
				id: p('book'),
				name: `${prefix} book`,
				companyIds: [client],
				validFrom: null,
				validTo: null,
				prices: { [p('product')]: 9_000 }
			}
		],
		quotes: [quote],
		quoteLines: [line(1, first!), line(2, second!)],
		roles: [{ id: p('role-quotes'), name: `${prefix} quotes`, permissions: ['quoteEditor', 'productViewer'] }],
		users: [
			user(admin, { isAdmin: true }),
			user(editor, { roleIds: [p('role-quotes')] }),
			user(customer, { kind: 'customer', companyId: client })
		],
		authSettings: [{ id: AUTH_SETTINGS_ID, mspDomains: [`${prefix}.example`] }],
		integrations: [{ ...defaultIntegration('autotask'), configured: true, lookups: { [prefix]: [] } }],
		distributors: [{ ...defaultDistributor('ingrammicro'), configured: true, customerNumber: prefix.slice(0, 40) }],
		issues: [
			{
				id: issueId('autotask', 'syncQuote', quote.id),
				provider: 'autotask',
				operation: 'syncQuote',
				entityTable: 'quotes',
				entityId: quote.id,
				entityLabel: `${prefix} quote`,
				quoteId: quote.id,
				severity: 'error',
				message: `${prefix} issue`,
				rootCause: p('cause'),
				firstSeenAt: now,
				lastSeenAt: now,
				attempts: 1,
				state: 'open'
			}
		],
		ticketCharges: [
			{
				id: p('charge'),
				provider: 'autotask',
				externalId: p('charge-ext'),
				ticketNumber: 'T1',
				companyId: client,
				productId: p('product'),
				name: `${prefix} charge`,
				quantity: 1,
				unitCost: 100,
				unitPrice: 200,
				status: 'New',
				createdAt: now,
				importedAt: now
			}
		],
		opportunities: [
			{
				id: p('opportunity'),
				provider: 'autotask',
				externalId: p('opportunity-ext'),
				quoteId: quote.id,
				companyId: client,
				title: `${prefix} opportunity`,
				status: 'Active',
				stage: 'Proposal',
				amount: 10_000,
				lastActivityAt: now
			}
		],
		reindexRuns: [
			{
				id: 'autotask:companies',
				provider: 'autotask',
				entity: 'companies',
				label: `${prefix} companies`,
				state: 'done',
				done: 1,
				total: 1,
				counts: { relinked: 1, unlinked: 0, unchanged: 0, undecided: 0 },
				startedAt: now,
				updatedAt: now,
				finishedAt: now,
				message: ''
			}
		],
		paymentTerms: [{ id: p('term'), provider: 'autotask', value: '1', label: `${prefix} Net 30`, active: true }],
		quoteSyncs: [
			{
				id: quote.id,
				provider: 'autotask',
				state: 'failed',
				requestedAt: now,
				startedAt: now,
				finishedAt: now,
				externalId: null,
				number: null,
				url: null,
				message: `${prefix} sync failed`,
				lines: [{ lineId: p('line'), message: `${prefix} line failed` }],
				resumesAt: null
			}
		],
		tickets: [
			{
				id: p('ticket'),
				provider: 'autotask',
				externalId: p('ticket-ext'),
				number: 'T1',
				title: `${prefix} ticket`,
				companyId: client,
				status: 'New'
			}
		],
		billingCodeUpdates: [
			{
				id: `autotask:${p('category')}`.slice(0, 64),
				provider: 'autotask',
				categoryId: p('category'),
				label: `${prefix} category`,
				billingCodeId: '101',
				state: 'done',
				done: 1,
				total: 1,
				updated: 1,
				startedAt: now,
				updatedAt: now,
				finishedAt: now,
				message: ''
			}
		],
		skippedCharges: [
			{
				id: p('skipped-charge'),
				provider: 'autotask',
				externalId: p('skipped-ext'),
				ticketNumber: 'T1',
				name: `${prefix} courier`,
				reason: 'Billing code 202 belongs to no category that needs procurement.',
				createdAt: now,
				skippedAt: now
			}
		],
		quoteCharges: [
			{
				id: p('quote-charge'),
				quoteId: quote.id,
				quoteLineId: p('line'),
				ticketId: p('ticket'),
				productId: p('product'),
				categoryId: p('category'),
				name: `${prefix} firewall`,
				quantity: 1,
				unitPrice: 10_000,
				unitCost: 7_000,
				billingCodeId: null,
				status: 'pending',
				externalId: null,
				psaCancelPending: false,
				cancelReason: null,
				reorder: false,
				reorderedAs: null,
				error: null,
				issueId: null,
				createdAt: now,
				updatedAt: now
			}
		],
		purchaseOrders: [
			{
				...draftOrder(p('purchase-order'), 'ingrammicro', quote.id, p('user'), now),
				lineCount: 1
			}
		],
		purchaseOrderLines: [
			{
				id: p('purchase-order-line'),
				orderId: p('purchase-order'),
				quoteId: quote.id,
				quoteLineId: p('line'),
				productId: p('product'),
				description: `${prefix} firewall`,
				mpn: 'FW-1',
				sku: 'FW-1',
				quantity: 1,
				unitCost: 7_000,
				lineNumber: 1,
				status: 'open',
				tracking: [],
				holdReason: null,
				updatedAt: now
			}
		],
		orgProfile: [
			{
				id: ORG_PROFILE_ID,
				name: `${prefix} MSP`,
				addressLines: [`1 ${prefix} Street`],
				phone: '',
				email: '',
				website: '',
				logo: null,
				supportName: '',
				supportEmail: '',
				supportPhone: ''
			}
		],
		incidents: [
			{
				id: p('incident'),
				system: 'autotask',
				source: 'report',
				kind: 'reported',
				title: `${prefix} incident`,
				cause: `${prefix} cause`,
				affects: ['quotes'],
				startedAt: now,
				endedAt: null,
				updatedAt: now,
				reportedBy: editor.id
			}
		],
		// Dated now, not `now`: devices replicate the last days of the log only.
		activity: [
			{
				id: activityIdAt(Date.now()),
				at: Date.now(),
				kind: 'system',
				userId: null,
				clientId: null,
				provider: null,
				action: 'seed',
				entityTable: 'companies',
				entityId: company,
				entities: [`companies:${company}`],
				changes: [],
				omitted: 0
			}
		]
	};
	const hashes = await Promise.all([admin, editor, customer].map((who) => TEST_PASSWORDS.hash(who.password)));
	await store.write(async (trx) => {
		await trx
			.insertInto('orgs')
			.values({ id: orgId, name: `${prefix} MSP`, version: 0, next_quote_number: 2 })
			.execute();
		for (const [k, who] of [admin, editor, customer].entries()) {
			await trx
				.insertInto('users')
				.values({
					id: who.id,
					org_id: orgId,
					email: who.email,
					password_hash: hashes[k]!,
					email_verified: 1,
					acl_version: 1,
					created_at: now
				})
				.execute();
		}
		const tx = createSqlTx(trx, orgId, await nextSpaceVersion(trx, orgId));
		for (const [table, list] of Object.entries(rows) as [StoredTableName, RowOf<StoredTableName>[]][]) {
			for (const row of list) await tx.put(table, row as never);
		}
	});
	return { orgId, admin, editor, customer, rows };
}
