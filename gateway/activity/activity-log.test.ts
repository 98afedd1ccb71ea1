// Every mutation kind, pushed over HTTP, writes exactly one activity entry in its transaction: the
// admin who made it, the device (client) it came from, the entity it is about and its field diff.
// The cases are typed over the registry: a new mutation does not compile until it has one here.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MUTATIONS, type MutationArgs, type MutationName } from '../../shared/mutations/registry.ts';
import { reindexRunId } from '../../shared/psa/reindex.ts';
import type { Activity, RowChange } from '../../shared/schema/activity-entities.ts';
import { DEMO_ORG } from '../demo/demo-data.ts';
import { DEMO_ORG_PROFILE } from '../demo/demo-org-profile.ts';
import { startGateway, type Gateway } from '../test/http-harness.ts';
import { createMutationFixtures } from '../test/mutation-fixtures.ts';
import { putIntegration } from '../test/psa-rows.ts';
import { failOrder, putOrderableQuote } from '../test/purchase-order-rows.ts';
import { poNumberFor } from '../../shared/procurement/purchase-order-rules.ts';
import { STORE_KINDS } from '../test/stores.ts';
import { syncClient, uid } from '../test/wire-client.ts';

/** What one mutation's entry must say: the entity it is about, and the change of that entity's row. */
type Expected = {
	table: string;
	id: string;
	/** The subject row's change: its op and exactly which fields changed (null: no row changed). */
	change: { op: RowChange['op']; fields: Record<string, [unknown, unknown]> | string[] } | null;
};

type Case<N extends MutationName> = {
	/** Valid arguments, with whatever they refer to already in place. */
	args: () => Promise<MutationArgs<N>>;
	expect: (args: MutationArgs<N>) => Expected;
};

describe.each(STORE_KINDS)('the activity log on $name', (kind) => {
	let gw: Gateway;
	let admin: ReturnType<typeof syncClient>;
	let adminId: string;

	const { prepare, FIXTURES } = createMutationFixtures(
		() => gw,
		() => admin
	);

	/** A category with an Autotask billing code, so saving it with another one is an update of that field. */
	async function codedCategory(): Promise<string> {
		const id = uid('cat');
		await prepare('saveCategory', { id, name: 'Fixture', defaultMarkupPercent: 10, billingCodeId: '29682801' });
		return id;
	}

	/** The Ingram Micro draft of a fresh accepted quote. */
	async function draftOrder(): Promise<string> {
		const orderIds = { ingrammicro: uid('po'), tdsynnex: uid('po') };
		await prepare('orderQuote', { quoteId: (await putOrderableQuote(gw)).quoteId, orderIds });
		return orderIds.ingrammicro;
	}

	const created = (...fields: string[]) => ({ op: 'create' as const, fields });
	const quoteFields = ['companyId', 'title', 'status', 'number', 'ownerId'];

	const CASES: { [N in MutationName]: Case<N> } = {
		createQuote: {
			args: FIXTURES.createQuote,
			expect: (a) => ({ table: 'quotes', id: a.id, change: created(...quoteFields) })
		},
		updateQuote: {
			args: FIXTURES.updateQuote,
			expect: (a) => ({
				table: 'quotes',
				id: a.id,
				change: { op: 'update', fields: { title: ['Fixture', 'Renamed'] } }
			})
		},
		addQuoteLine: {
			args: FIXTURES.addQuoteLine,
			expect: (a) => ({
				table: 'quoteLines',
				id: a.id,
				change: created('quoteId', 'description', 'quantity', 'unitPrice')
			})
		},
		updateQuoteLine: {
			args: FIXTURES.updateQuoteLine,
			expect: (a) => ({ table: 'quoteLines', id: a.id, change: { op: 'update', fields: { quantity: [1, 2] } } })
		},
		removeQuoteLine: {
			args: FIXTURES.removeQuoteLine,
			expect: (a) => ({ table: 'quoteLines', id: a.id, change: { op: 'delete', fields: ['description', 'quantity'] } })
		},
		duplicateQuote: {
			args: FIXTURES.duplicateQuote,
			expect: (a) => ({ table: 'quotes', id: a.newId, change: created(...quoteFields) })
		},
		reviseQuote: {
			args: FIXTURES.reviseQuote,
			expect: (a) => ({ table: 'quotes', id: a.newId, change: created(...quoteFields, 'revisionOf') })
		},
		acceptQuote: {
			args: FIXTURES.acceptQuote,
			expect: (a) => ({ table: 'quotes', id: a.id, change: { op: 'update', fields: ['status', 'acceptance'] } })
		},
		declineQuote: {
			args: FIXTURES.declineQuote,
			expect: (a) => ({
				table: 'quotes',
				id: a.id,
				change: { op: 'update', fields: { status: ['sent', 'declined'], declineReason: [null, 'Too expensive'] } }
			})
		},
		saveCategory: {
			args: async () => ({
				id: await codedCategory(),
				name: 'Fixture',
				defaultMarkupPercent: 10,
				billingCodeId: '29682805'
			}),
			expect: (a) => ({
				table: 'categories',
				id: a.id,
				change: { op: 'update', fields: { billingCodeId: ['29682801', '29682805'] } }
			})
		},
		deleteCategory: {
			args: FIXTURES.deleteCategory,
			expect: (a) => ({ table: 'categories', id: a.id, change: { op: 'delete', fields: ['name', 'billingCodeId'] } })
		},
		saveProduct: {
			args: FIXTURES.saveProduct,
			expect: (a) => ({ table: 'products', id: a.id, change: created('name', 'sku', 'price', 'cost') })
		},
		importProducts: {
			args: FIXTURES.importProducts,
			expect: (a) => ({ table: 'products', id: a.products[0]!.id, change: created('name', 'sku') })
		},
		savePricingBook: {
			args: FIXTURES.savePricingBook,
			expect: (a) => ({ table: 'pricingBooks', id: a.id, change: created('name', 'companyIds') })
		},
		deletePricingBook: {
			args: FIXTURES.deletePricingBook,
			expect: (a) => ({ table: 'pricingBooks', id: a.id, change: { op: 'delete', fields: ['name'] } })
		},
		saveCompany: {
			args: FIXTURES.saveCompany,
			expect: (a) => ({ table: 'companies', id: a.id, change: created('name', 'isMsp') })
		},
		saveContact: {
			args: FIXTURES.saveContact,
			expect: (a) => ({ table: 'contacts', id: a.id, change: created('name', 'companyId') })
		},
		deleteContact: {
			args: FIXTURES.deleteContact,
			expect: (a) => ({ table: 'contacts', id: a.id, change: { op: 'delete', fields: ['name'] } })
		},
		updateUser: {
			args: FIXTURES.updateUser,
			expect: (a) => ({ table: 'users', id: a.id, change: { op: 'update', fields: { name: ['Fixture', 'Renamed'] } } })
		},
		linkCompany: {
			args: FIXTURES.linkCompany,
			expect: (a) => ({
				table: 'users',
				id: a.id,
				change: { op: 'update', fields: { companyId: [null, 'company-globex'] } }
			})
		},
		verifyCompanyLink: {
			args: FIXTURES.verifyCompanyLink,
			expect: (a) => ({
				table: 'users',
				id: a.id,
				change: { op: 'update', fields: { companyVerified: [false, true] } }
			})
		},
		setPsaLink: {
			args: FIXTURES.setPsaLink,
			expect: (a) => ({
				table: 'users',
				id: a.id,
				change: { op: 'update', fields: { 'externalIds.halopsa': [null, a.externalId] } }
			})
		},
		inviteUser: {
			args: FIXTURES.inviteUser,
			expect: (a) => ({ table: 'users', id: a.id, change: created('email', 'name', 'invitedAt') })
		},
		resendInvitation: {
			args: FIXTURES.resendInvitation,
			expect: (a) => ({ table: 'users', id: a.id, change: { op: 'update', fields: ['invitedAt'] } })
		},
		saveRole: {
			args: FIXTURES.saveRole,
			expect: (a) => ({ table: 'roles', id: a.id, change: created('name', 'permissions') })
		},
		deleteRole: {
			args: FIXTURES.deleteRole,
			expect: (a) => ({ table: 'roles', id: a.id, change: { op: 'delete', fields: ['name', 'permissions'] } })
		},
		// Its own arguments: the shared fixture's leave the row as it was, so there would be no diff.
		setMspDomains: {
			args: async () => ({ mspDomains: [`${uid('d').toLowerCase()}.example.com`] }),
			expect: () => ({ table: 'authSettings', id: 'auth', change: { op: 'update', fields: ['mspDomains'] } })
		},
		// Its own arguments: the shared fixture's leave the row as it was, so there would be no diff.
		saveOrgProfile: {
			args: async () => ({ ...DEMO_ORG_PROFILE, id: undefined, phone: '+44 113 000 0000' }),
			expect: () => ({
				table: 'orgProfile',
				id: 'profile',
				change: { op: 'update', fields: { phone: [DEMO_ORG_PROFILE.phone, '+44 113 000 0000'] } }
			})
		},
		retryIssue: {
			args: FIXTURES.retryIssue,
			expect: (a) => ({ table: 'issues', id: a.id, change: { op: 'update', fields: { state: ['open', 'retrying'] } } })
		},
		dismissIssue: {
			args: FIXTURES.dismissIssue,
			expect: (a) => ({ table: 'issues', id: a.id, change: { op: 'delete', fields: ['message', 'state'] } })
		},
		retryAllIssues: {
			args: FIXTURES.retryAllIssues,
			expect: (a) => ({ table: 'issues', id: a.rootCause!, change: null })
		},
		saveIntegrationSettings: {
			args: FIXTURES.saveIntegrationSettings,
			expect: () => ({
				table: 'integrations',
				id: 'autotask',
				change: { op: 'update', fields: { 'settings.pollOpportunities': [false, true] } }
			})
		},
		// Only a PSA job is queued: the entry says who asked, with no row changed.
		syncQuoteToPsa: {
			args: FIXTURES.syncQuoteToPsa,
			expect: (a) => ({ table: 'quotes', id: a.quoteId, change: null })
		},
		syncProductToPsa: {
			args: FIXTURES.syncProductToPsa,
			expect: (a) => ({ table: 'products', id: a.productId, change: null })
		},
		synchronizePsa: {
			args: FIXTURES.synchronizePsa,
			expect: (a) => ({ table: 'integrations', id: a.provider, change: null })
		},
		changeUserEmail: {
			args: FIXTURES.changeUserEmail,
			expect: (a) => ({ table: 'users', id: a.id, change: { op: 'update', fields: ['email'] } })
		},
		reindexEntities: {
			args: FIXTURES.reindexEntities,
			expect: (a) => ({
				table: 'reindexRuns',
				id: reindexRunId(a.provider, a.entity),
				change: { op: 'create', fields: ['state'] }
			})
		},
		reindexRecord: {
			args: FIXTURES.reindexRecord,
			expect: (a) => ({
				table: 'issues',
				id: a.issueId,
				change: { op: 'update', fields: { state: ['open', 'retrying'] } }
			})
		},
		// The quote is not changed: its new charges are among the entry's changes.
		attachQuoteToTicket: {
			args: FIXTURES.attachQuoteToTicket,
			expect: (a) => ({ table: 'quotes', id: a.quoteId, change: null })
		},
		cancelQuoteCharge: {
			args: FIXTURES.cancelQuoteCharge,
			expect: (a) => ({ table: 'quoteCharges', id: a.id, change: { op: 'update', fields: ['status'] } })
		},
		reorderQuoteCharges: {
			args: FIXTURES.reorderQuoteCharges,
			expect: (a) => ({ table: 'quotes', id: a.quoteId, change: null })
		},
		setDistributorOrdering: {
			args: FIXTURES.setDistributorOrdering,
			expect: () => ({ table: 'distributors', id: 'tdsynnex', change: { op: 'create', fields: ['orderingEnabled'] } })
		},
		setProductCostFromDistributor: {
			args: FIXTURES.setProductCostFromDistributor,
			expect: (a) => ({
				table: 'products',
				id: a.productId,
				change: { op: 'update', fields: { cost: [10_000, 12_345] } }
			})
		},
		moveDistributor: {
			args: async () => ({ distributor: 'ingrammicro', direction: 'down' }),
			expect: () => ({ table: 'distributors', id: 'ingrammicro', change: { op: 'create', fields: ['preferenceRank'] } })
		},
		orderQuote: {
			args: async () => ({
				quoteId: (await putOrderableQuote(gw)).quoteId,
				orderIds: { ingrammicro: uid('po'), tdsynnex: uid('po') }
			}),
			expect: (a) => ({ table: 'quotes', id: a.quoteId, change: null })
		},
		addQuoteToPurchaseOrder: {
			args: async () => ({ orderId: await draftOrder(), quoteId: (await putOrderableQuote(gw)).quoteId }),
			expect: (a) => ({
				table: 'purchaseOrders',
				id: a.orderId,
				change: { op: 'update', fields: ['quoteIds', 'lineCount'] }
			})
		},
		changePurchaseOrderLine: {
			args: async () => ({ id: `${poNumberFor(await draftOrder())}-1`, quantity: 5 }),
			expect: (a) => ({ table: 'purchaseOrderLines', id: a.id, change: { op: 'update', fields: ['quantity'] } })
		},
		submitPurchaseOrder: {
			args: async () => ({ id: await draftOrder() }),
			expect: (a) => ({ table: 'purchaseOrders', id: a.id, change: { op: 'update', fields: ['status'] } })
		},
		retryPurchaseOrder: {
			args: async () => {
				const id = await draftOrder();
				await prepare('submitPurchaseOrder', { id });
				await failOrder(gw, id, 'Invalid customer number');
				return { id };
			},
			expect: (a) => ({ table: 'purchaseOrders', id: a.id, change: { op: 'update', fields: ['status', 'error'] } })
		},
		cancelPurchaseOrder: {
			args: async () => ({ id: await draftOrder() }),
			expect: (a) => ({ table: 'purchaseOrders', id: a.id, change: { op: 'update', fields: ['status'] } })
		},
		cancelPlacedPurchaseOrder: {
			args: async () => {
				const id = await draftOrder();
				await prepare('submitPurchaseOrder', { id });
				return { id };
			},
			expect: (a) => ({
				table: 'purchaseOrders',
				id: a.id,
				change: { op: 'update', fields: ['cancelRequestedAt'] }
			})
		},
		setActivityRetention: {
			args: FIXTURES.setActivityRetention,
			expect: () => ({
				table: 'authSettings',
				id: 'auth',
				change: { op: 'update', fields: { activityRetentionDays: [null, 30] } }
			})
		}
	};

	beforeAll(async () => {
		gw = await startGateway(kind);
		const session = await gw.login('admin@demo.outpost.test');
		admin = syncClient(session);
		adminId = (await session.get('/api/auth/me')).body.user.id;
		await putIntegration(gw, 'autotask', { configured: true });
		await putIntegration(gw, 'connectwise', { configured: true });
	});
	afterAll(async () => {
		await gw?.close();
	});

	async function activityIds(): Promise<Set<string>> {
		const rows = await gw.store.db
			.selectFrom('entities')
			.select('id')
			.where('org_id', '=', DEMO_ORG.id)
			.where('tbl', '=', 'activity')
			.execute();
		return new Set(rows.map((r) => r.id));
	}

	async function entriesSince(before: Set<string>): Promise<Activity[]> {
		const rows = await gw.store.db
			.selectFrom('entities')
			.select(['id', 'value'])
			.where('org_id', '=', DEMO_ORG.id)
			.where('tbl', '=', 'activity')
			.execute();
		return rows.filter((r) => !before.has(r.id)).map((r) => JSON.parse(r.value) as Activity);
	}

	function checkChange(entry: Activity, expected: Expected): void {
		const change = entry.changes.find((c) => c.table === expected.table && c.id === expected.id);
		if (expected.change === null) {
			expect(change, JSON.stringify(entry.changes)).toBeUndefined();
			return;
		}
		expect(change, JSON.stringify(entry.changes)).toBeDefined();
		expect(change!.op).toBe(expected.change.op);
		const fields = Object.fromEntries(change!.fields.map((f) => [f.field, [f.before, f.after]]));
		if (Array.isArray(expected.change.fields)) {
			for (const field of expected.change.fields) expect(Object.keys(fields), field).toContain(field);
		} else {
			// A quote's updatedAt moves with any edit (unless both land in one millisecond).
			delete fields.updatedAt;
			expect(fields).toEqual(expected.change.fields);
		}
	}

	it('has a case for every mutation in the registry (vitest does not type-check)', () => {
		expect(Object.keys(CASES).sort()).toEqual(Object.keys(MUTATIONS).sort());
	});

	for (const name of Object.keys(CASES) as MutationName[]) {
		it(`${name} writes one entry: the admin, the device, the entity and the field diff`, async () => {
			const spec = CASES[name] as unknown as Case<MutationName>;
			const args = await spec.args();
			const client = syncClient(await gw.login('admin@demo.outpost.test'));
			const before = await activityIds();
			const res = await client.push([client.m(name, args)]);
			expect(res.body.results, JSON.stringify(res.body)).toEqual([{ id: 1, status: 'applied' }]);
			const entries = await entriesSince(before);
			expect(entries).toHaveLength(1);
			const entry = entries[0]!;
			const expected = spec.expect(args);
			expect(entry).toMatchObject({
				kind: 'person',
				userId: adminId,
				clientId: client.clientID,
				provider: null,
				action: name,
				entityTable: expected.table,
				entityId: expected.id
			});
			expect(entry.entities).toContain(`${expected.table}:${expected.id}`);
			checkChange(entry, expected);
		});
	}

	it('a rejected mutation leaves no entry, and the push after it logs its own', async () => {
		const before = await activityIds();
		const res = await admin.push([
			admin.m('updateQuote', { id: 'no-such-quote', title: 'x' }),
			admin.m('saveCompany', { id: uid('company'), name: 'Kept' })
		]);
		expect(res.body.results.map((r) => r.status)).toEqual(['rejected', 'applied']);
		expect((await entriesSince(before)).map((e) => e.action)).toEqual(['saveCompany']);
	});

	it('a line change is also filed under its quote', async () => {
		const change = await FIXTURES.updateQuoteLine();
		const before = await activityIds();
		await prepare('updateQuoteLine', change);
		const [entry] = await entriesSince(before);
		expect(entry!.entities.some((key) => key.startsWith('quotes:'))).toBe(true);
	});
});
