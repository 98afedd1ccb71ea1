// Every mutation kind, pushed over HTTP, writes exactly one activity entry in its transaction: the
// admin who made it, the device (client) it came from, the entity it is about and its field diff.
// The cases are typed over the registry: a new mutation does not compile until it has one here.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MUTATIONS, type MutationArgs, type MutationName } from '../../shared/mutations/registry.ts';
import { reindexRunId } from '../../shared/psa/reindex.ts';
import { quoteContentHash } from '../../shared/quotes/content-hash.ts';
import type { Activity, RowChange } from '../../shared/schema/activity-entities.ts';
import type { Quote } from '../../shared/schema/entities.ts';
import { buildQuoteLine } from '../../shared/test/builders.ts';
import { DEMO_ORG } from '../demo/demo-data.ts';
import { DEMO_ORG_PROFILE } from '../demo/demo-org-profile.ts';
import { startGateway, type Gateway } from '../test/http-harness.ts';
import { openIssue, putIntegration, putQuoteCharge, putTicket } from '../test/psa-rows.ts';
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

	async function prepare<N extends MutationName>(name: N, args: MutationArgs<N>): Promise<void> {
		const res = await admin.push([admin.m(name, args)]);
		expect(res.body.results?.[0]?.status, JSON.stringify(res.body)).toBe('applied');
	}

	async function freshQuote(title = 'Fixture'): Promise<string> {
		const id = uid('q');
		await prepare('createQuote', { id, companyId: 'company-acme', title });
		return id;
	}

	async function freshLine(): Promise<string> {
		const id = uid('l');
		await prepare('addQuoteLine', {
			id,
			quoteId: await freshQuote(),
			description: 'Fixture',
			quantity: 1,
			unitPrice: 100
		});
		return id;
	}

	async function sentQuote(): Promise<{ id: string; lineId: string }> {
		const id = uid('q');
		const lineId = uid('l');
		await prepare('createQuote', { id, companyId: 'company-acme', title: 'Fixture' });
		await prepare('addQuoteLine', { id: lineId, quoteId: id, description: 'Fixture', quantity: 1, unitPrice: 100 });
		await prepare('updateQuote', { id, status: 'sent' });
		return { id, lineId };
	}

	function fixtureHash(lineIds: string[]): string {
		const quote = {
			title: 'Fixture',
			companyId: 'company-acme',
			validUntil: null,
			paymentTerm: null,
			notes: ''
		} as Quote;
		const lines = lineIds.map((id) =>
			buildQuoteLine({ id, description: 'Fixture', quantity: 1, unitPrice: 100, position: 'a0' })
		);
		return quoteContentHash(quote, lines);
	}

	async function freshUser(): Promise<string> {
		const id = uid('u');
		await prepare('inviteUser', {
			id,
			email: `${id}@example.test`,
			name: 'Fixture',
			kind: 'customer',
			roleIds: [],
			companyId: null
		});
		return id;
	}

	async function freshCategory(): Promise<string> {
		const id = uid('cat');
		await prepare('saveCategory', { id, name: 'Fixture', defaultMarkupPercent: 10, billingCodeId: '29682801' });
		return id;
	}

	function product(id: string) {
		return {
			id,
			name: 'USB-C dock',
			sku: id,
			mpn: '',
			description: '',
			categoryId: null,
			cost: 10_000,
			price: 15_000,
			billing: 'one-time' as const,
			distributor: null,
			noProcurement: false,
			active: true
		};
	}

	const created = (...fields: string[]) => ({ op: 'create' as const, fields });
	const quoteFields = ['companyId', 'title', 'status', 'number', 'ownerId'];

	const CASES: { [N in MutationName]: Case<N> } = {
		createQuote: {
			args: async () => ({ id: uid('q'), companyId: 'company-acme', title: 'Logged' }),
			expect: (a) => ({ table: 'quotes', id: a.id, change: created(...quoteFields) })
		},
		updateQuote: {
			args: async () => ({ id: await freshQuote('Before'), title: 'After' }),
			expect: (a) => ({ table: 'quotes', id: a.id, change: { op: 'update', fields: { title: ['Before', 'After'] } } })
		},
		addQuoteLine: {
			args: async () => ({ id: uid('l'), quoteId: await freshQuote(), description: 'Dock', quantity: 2, unitPrice: 5 }),
			expect: (a) => ({
				table: 'quoteLines',
				id: a.id,
				change: created('quoteId', 'description', 'quantity', 'unitPrice')
			})
		},
		updateQuoteLine: {
			args: async () => ({ id: await freshLine(), quantity: 3 }),
			expect: (a) => ({ table: 'quoteLines', id: a.id, change: { op: 'update', fields: { quantity: [1, 3] } } })
		},
		removeQuoteLine: {
			args: async () => ({ id: await freshLine() }),
			expect: (a) => ({ table: 'quoteLines', id: a.id, change: { op: 'delete', fields: ['description', 'quantity'] } })
		},
		duplicateQuote: {
			args: async () => ({ id: await freshQuote(), newId: uid('q'), lineIds: [] }),
			expect: (a) => ({ table: 'quotes', id: a.newId, change: created(...quoteFields) })
		},
		reviseQuote: {
			args: async () => ({ id: (await sentQuote()).id, newId: uid('q'), lineIds: [uid('l')] }),
			expect: (a) => ({ table: 'quotes', id: a.newId, change: created(...quoteFields, 'revisionOf') })
		},
		acceptQuote: {
			args: async () => {
				const { id, lineId } = await sentQuote();
				return { id, name: 'Carla Customer', contentHash: fixtureHash([lineId]) };
			},
			expect: (a) => ({ table: 'quotes', id: a.id, change: { op: 'update', fields: ['status', 'acceptance'] } })
		},
		declineQuote: {
			args: async () => ({ id: (await sentQuote()).id, reason: 'Too dear' }),
			expect: (a) => ({
				table: 'quotes',
				id: a.id,
				change: { op: 'update', fields: { status: ['sent', 'declined'], declineReason: [null, 'Too dear'] } }
			})
		},
		saveCategory: {
			args: async () => ({
				id: await freshCategory(),
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
			args: async () => ({ id: await freshCategory() }),
			expect: (a) => ({ table: 'categories', id: a.id, change: { op: 'delete', fields: ['name', 'billingCodeId'] } })
		},
		saveProduct: {
			args: async () => product(uid('p')),
			expect: (a) => ({ table: 'products', id: a.id, change: created('name', 'sku', 'price', 'cost') })
		},
		importProducts: {
			args: async () => ({ products: [product(uid('p')), product(uid('p'))] }),
			expect: (a) => ({ table: 'products', id: a.products[0]!.id, change: created('name', 'sku') })
		},
		savePricingBook: {
			args: async () => ({
				id: uid('book'),
				name: 'Acme',
				companyIds: ['company-acme'],
				validFrom: null,
				validTo: null,
				prices: {}
			}),
			expect: (a) => ({ table: 'pricingBooks', id: a.id, change: created('name', 'companyIds') })
		},
		deletePricingBook: {
			args: async () => {
				const id = uid('book');
				await prepare('savePricingBook', {
					id,
					name: 'Doomed',
					companyIds: [],
					validFrom: null,
					validTo: null,
					prices: {}
				});
				return { id };
			},
			expect: (a) => ({ table: 'pricingBooks', id: a.id, change: { op: 'delete', fields: ['name'] } })
		},
		saveCompany: {
			args: async () => ({ id: uid('company'), name: 'New customer' }),
			expect: (a) => ({ table: 'companies', id: a.id, change: created('name', 'isMsp') })
		},
		saveContact: {
			args: async () => ({
				id: uid('contact'),
				companyId: 'company-acme',
				name: 'Dana',
				email: '',
				phone: '',
				jobTitle: ''
			}),
			expect: (a) => ({ table: 'contacts', id: a.id, change: created('name', 'companyId') })
		},
		deleteContact: {
			args: async () => {
				const id = uid('contact');
				await prepare('saveContact', {
					id,
					companyId: 'company-acme',
					name: 'Doomed',
					email: '',
					phone: '',
					jobTitle: ''
				});
				return { id };
			},
			expect: (a) => ({ table: 'contacts', id: a.id, change: { op: 'delete', fields: ['name'] } })
		},
		updateUser: {
			args: async () => ({ id: await freshUser(), name: 'Renamed' }),
			expect: (a) => ({ table: 'users', id: a.id, change: { op: 'update', fields: { name: ['Fixture', 'Renamed'] } } })
		},
		linkCompany: {
			args: async () => ({ id: await freshUser(), companyId: 'company-globex' }),
			expect: (a) => ({
				table: 'users',
				id: a.id,
				change: { op: 'update', fields: { companyId: [null, 'company-globex'] } }
			})
		},
		verifyCompanyLink: {
			args: async () => {
				const id = await freshUser();
				await prepare('linkCompany', { id, companyId: 'company-acme' });
				return { id };
			},
			expect: (a) => ({
				table: 'users',
				id: a.id,
				change: { op: 'update', fields: { companyVerified: [false, true] } }
			})
		},
		setPsaLink: {
			args: async () => ({ id: await freshUser(), provider: 'halopsa', externalId: 'halo-77' }),
			expect: (a) => ({
				table: 'users',
				id: a.id,
				change: { op: 'update', fields: { 'externalIds.halopsa': [null, 'halo-77'] } }
			})
		},
		inviteUser: {
			args: async () => {
				const id = uid('u');
				return { id, email: `${id}@example.test`, name: 'Invited', kind: 'msp', roleIds: [], companyId: null };
			},
			expect: (a) => ({ table: 'users', id: a.id, change: created('email', 'name', 'invitedAt') })
		},
		resendInvitation: {
			args: async () => ({ id: await freshUser() }),
			expect: (a) => ({ table: 'users', id: a.id, change: { op: 'update', fields: ['invitedAt'] } })
		},
		saveRole: {
			args: async () => ({ id: uid('r'), name: 'Logged role', permissions: ['productViewer'] }),
			expect: (a) => ({ table: 'roles', id: a.id, change: created('name', 'permissions') })
		},
		deleteRole: {
			args: async () => {
				const id = uid('r');
				await prepare('saveRole', { id, name: 'Doomed', permissions: [] });
				return { id };
			},
			expect: (a) => ({ table: 'roles', id: a.id, change: { op: 'delete', fields: ['name', 'permissions'] } })
		},
		setMspDomains: {
			args: async () => ({ mspDomains: [`${uid('d').toLowerCase()}.example.com`] }),
			expect: () => ({ table: 'authSettings', id: 'auth', change: { op: 'update', fields: ['mspDomains'] } })
		},
		saveOrgProfile: {
			args: async () => ({ ...DEMO_ORG_PROFILE, id: undefined, phone: '+44 113 000 0000' }),
			expect: () => ({
				table: 'orgProfile',
				id: 'profile',
				change: { op: 'update', fields: { phone: [DEMO_ORG_PROFILE.phone, '+44 113 000 0000'] } }
			})
		},
		retryIssue: {
			args: async () => ({ id: (await openIssue(gw)).id }),
			expect: (a) => ({ table: 'issues', id: a.id, change: { op: 'update', fields: { state: ['open', 'retrying'] } } })
		},
		dismissIssue: {
			args: async () => ({ id: (await openIssue(gw)).id }),
			expect: (a) => ({ table: 'issues', id: a.id, change: { op: 'delete', fields: ['message', 'state'] } })
		},
		retryAllIssues: {
			args: async () => ({ rootCause: (await openIssue(gw, { rootCause: uid('cause') })).rootCause! }),
			// Its entry is about the root cause; the issue it retried is among its changes.
			expect: (a) => ({ table: 'issues', id: a.rootCause!, change: null })
		},
		saveIntegrationSettings: {
			args: async () => ({ provider: 'autotask', settings: { pollOpportunities: true } }),
			expect: () => ({
				table: 'integrations',
				id: 'autotask',
				change: { op: 'update', fields: { 'settings.pollOpportunities': [false, true] } }
			})
		},
		// Only a PSA job is queued: the entry says who asked, with no row changed.
		syncQuoteToPsa: {
			args: async () => ({ quoteId: await freshQuote() }),
			expect: (a) => ({ table: 'quotes', id: a.quoteId, change: null })
		},
		syncProductToPsa: {
			args: async () => {
				const productArgs = product(uid('p'));
				await prepare('saveProduct', productArgs);
				return { productId: productArgs.id };
			},
			expect: (a) => ({ table: 'products', id: a.productId, change: null })
		},
		synchronizePsa: {
			args: async () => ({ provider: 'connectwise' }),
			expect: () => ({ table: 'integrations', id: 'connectwise', change: null })
		},
		changeUserEmail: {
			args: async () => ({ id: await freshUser(), email: `${uid('moved')}@example.test` }),
			expect: (a) => ({ table: 'users', id: a.id, change: { op: 'update', fields: ['email'] } })
		},
		reindexEntities: {
			args: async () => ({ provider: 'autotask', entity: 'companies' }),
			expect: () => ({
				table: 'reindexRuns',
				id: reindexRunId('autotask', 'companies'),
				change: { op: 'create', fields: ['state'] }
			})
		},
		reindexRecord: {
			args: async () => ({ issueId: (await openIssue(gw)).id }),
			expect: (a) => ({
				table: 'issues',
				id: a.issueId,
				change: { op: 'update', fields: { state: ['open', 'retrying'] } }
			})
		},
		// The quote is not changed: its new charges are among the entry's changes.
		attachQuoteToTicket: {
			args: async () => {
				const { id, lineId } = await sentQuote();
				await prepare('acceptQuote', { id, name: 'Carla Customer', contentHash: fixtureHash([lineId]) });
				return { quoteId: id, ticketId: (await putTicket(gw, 'company-acme')).id };
			},
			expect: (a) => ({ table: 'quotes', id: a.quoteId, change: null })
		},
		cancelQuoteCharge: {
			args: async () => ({ id: (await putQuoteCharge(gw, await freshQuote())).id }),
			expect: (a) => ({ table: 'quoteCharges', id: a.id, change: { op: 'update', fields: ['status'] } })
		},
		reorderQuoteCharges: {
			args: async () => ({ quoteId: await freshQuote() }),
			expect: (a) => ({ table: 'quotes', id: a.quoteId, change: null })
		},
		setDistributorOrdering: {
			args: async () => ({ distributor: 'tdsynnex', enabled: true }),
			expect: () => ({ table: 'distributors', id: 'tdsynnex', change: { op: 'create', fields: ['orderingEnabled'] } })
		},
		moveDistributor: {
			args: async () => ({ distributor: 'ingrammicro', direction: 'down' }),
			expect: () => ({ table: 'distributors', id: 'ingrammicro', change: { op: 'create', fields: ['preferenceRank'] } })
		},
		setActivityRetention: {
			args: async () => ({ days: 30 }),
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
		const lineId = await freshLine();
		const before = await activityIds();
		await prepare('updateQuoteLine', { id: lineId, quantity: 5 });
		const [entry] = await entriesSince(before);
		expect(entry!.entities.some((key) => key.startsWith('quotes:'))).toBe(true);
	});
});
