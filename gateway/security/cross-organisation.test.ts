// Two organisations seeded through the store, each with a row in every replicated table. People of
// organisation B read nothing of A (per table, per person), and every mutation that takes an id,
// pushed by B with A's ids, writes nothing of A and is answered exactly as the same mutation with
// ids that exist nowhere: B cannot even tell that A's ids exist. Each write test seeds its own B,
// so one test's rows never make another's ids exist.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { MUTATIONS, type MutationArgs, type MutationName } from '../../shared/mutations/registry.ts';
import type { MutationResult } from '../../shared/sync/protocol.ts';
import { STORED_TABLE_NAMES } from '../../shared/schema/tables.ts';
import { startGateway, type Gateway, type HttpClient } from '../test/http-harness.ts';
import { STORE_KINDS } from '../test/stores.ts';
import { replay, syncClient, uid } from '../test/wire-client.ts';
import { orgSnapshot } from './org-snapshot.ts';
import { installOutboundGuard, type OutboundGuard } from './outbound-guard.ts';
import { seedOrganisation, type SeededOrganisation, type SeededPerson } from './seed-organisation.ts';

/** The ids a mutation may refer to: organisation A's, or ones that exist nowhere. */
type Ids = {
	quote: string;
	line: string;
	otherLine: string;
	product: string;
	category: string;
	book: string;
	company: string;
	contact: string;
	user: string;
	email: string;
	role: string;
	issue: string;
	cause: string;
	externalId: string;
	ticket: string;
	charge: string;
	purchaseOrder: string;
	purchaseOrderLine: string;
};

type Case = { who: 'admin' | 'customer'; args: (ids: Ids) => unknown };

/** Every mutation that takes an id, with arguments that are valid apart from whose ids they hold. */
const CASES: Partial<Record<MutationName | `${MutationName} (${string})`, Case>> = {
	createQuote: {
		who: 'admin',
		args: (x) => ({ id: x.quote, companyId: x.company, title: 'Mine', contactId: x.contact })
	},
	'createQuote (A’s id for a quote of my own)': {
		who: 'admin',
		args: (x) => ({ id: x.quote, companyId: 'SELF-company-client', title: 'Mine' })
	},
	updateQuote: { who: 'admin', args: (x) => ({ id: x.quote, title: 'Hijacked' }) },
	addQuoteLine: {
		who: 'admin',
		args: (x) => ({ id: x.line, quoteId: x.quote, productId: x.product })
	},
	'addQuoteLine (A’s product on a quote of my own)': {
		who: 'admin',
		args: (x) => ({ id: uid('l'), quoteId: 'SELF-quote', productId: x.product })
	},
	updateQuoteLine: { who: 'admin', args: (x) => ({ id: x.line, description: 'Hijacked' }) },
	removeQuoteLine: { who: 'admin', args: (x) => ({ id: x.line }) },
	duplicateQuote: { who: 'admin', args: (x) => ({ id: x.quote, newId: uid('q'), lineIds: [uid('l'), uid('l')] }) },
	reviseQuote: { who: 'admin', args: (x) => ({ id: x.quote, newId: uid('q'), lineIds: [uid('l'), uid('l')] }) },
	acceptQuote: { who: 'customer', args: (x) => ({ id: x.quote, name: 'Me', contentHash: 'hash' }) },
	declineQuote: { who: 'customer', args: (x) => ({ id: x.quote, reason: 'No' }) },
	saveCategory: {
		who: 'admin',
		args: (x) => ({ id: x.category, name: 'Mine', defaultMarkupPercent: 1, billingCodeId: null })
	},
	deleteCategory: { who: 'admin', args: (x) => ({ id: x.category }) },
	saveProduct: { who: 'admin', args: (x) => product(x.product, x.category) },
	importProducts: { who: 'admin', args: (x) => ({ products: [product(x.product, x.category)] }) },
	setProductCostFromDistributor: {
		who: 'admin',
		args: (x) => ({ productId: x.product, distributor: 'ingrammicro', cost: 1, asOf: 1 })
	},
	savePricingBook: {
		who: 'admin',
		args: (x) => ({
			id: x.book,
			name: 'Mine',
			companyIds: [x.company],
			validFrom: null,
			validTo: null,
			prices: { [x.product]: 1 }
		})
	},
	deletePricingBook: { who: 'admin', args: (x) => ({ id: x.book }) },
	saveCompany: { who: 'admin', args: (x) => ({ id: x.company, name: 'Hijacked' }) },
	saveContact: {
		who: 'admin',
		args: (x) => ({ id: x.contact, companyId: x.company, name: 'Mine', email: '', phone: '', jobTitle: '' })
	},
	deleteContact: { who: 'admin', args: (x) => ({ id: x.contact }) },
	updateUser: { who: 'admin', args: (x) => ({ id: x.user, loginDisabled: true }) },
	changeUserEmail: { who: 'admin', args: (x) => ({ id: x.user, email: `${uid('moved')}@new.example` }) },
	linkCompany: { who: 'admin', args: (x) => ({ id: x.user, companyId: x.company }) },
	verifyCompanyLink: { who: 'admin', args: (x) => ({ id: x.user }) },
	setPsaLink: { who: 'admin', args: (x) => ({ id: x.user, provider: 'autotask', externalId: x.externalId }) },
	'setPsaLink (A’s PSA resource for a user of my own)': {
		who: 'admin',
		args: (x) => ({ id: 'SELF-user-editor', provider: 'autotask', externalId: x.externalId })
	},
	'inviteUser (A’s user id)': {
		who: 'admin',
		args: (x) => ({
			id: x.user,
			email: `${uid('new')}@new.example`,
			name: 'New',
			kind: 'msp',
			roleIds: [],
			companyId: null
		})
	},
	'inviteUser (A’s user email)': {
		who: 'admin',
		args: (x) => ({ id: uid('u'), email: x.email, name: 'New', kind: 'msp', roleIds: [], companyId: null })
	},
	resendInvitation: { who: 'admin', args: (x) => ({ id: x.user }) },
	saveRole: { who: 'admin', args: (x) => ({ id: x.role, name: 'Mine', permissions: ['quoteEditor'] }) },
	deleteRole: { who: 'admin', args: (x) => ({ id: x.role }) },
	retryIssue: { who: 'admin', args: (x) => ({ id: x.issue }) },
	dismissIssue: { who: 'admin', args: (x) => ({ id: x.issue }) },
	retryAllIssues: { who: 'admin', args: (x) => ({ rootCause: x.cause }) },
	reindexRecord: { who: 'admin', args: (x) => ({ issueId: x.issue }) },
	syncQuoteToPsa: { who: 'admin', args: (x) => ({ quoteId: x.quote }) },
	syncProductToPsa: { who: 'admin', args: (x) => ({ productId: x.product }) },
	attachQuoteToTicket: { who: 'admin', args: (x) => ({ quoteId: x.quote, ticketId: x.ticket }) },
	'attachQuoteToTicket (A’s ticket for a quote of my own)': {
		who: 'admin',
		args: (x) => ({ quoteId: 'SELF-quote', ticketId: x.ticket })
	},
	cancelQuoteCharge: { who: 'admin', args: (x) => ({ id: x.charge }) },
	reorderQuoteCharges: { who: 'admin', args: (x) => ({ quoteId: x.quote }) },
	orderQuote: {
		who: 'admin',
		args: (x) => ({ quoteId: x.quote, orderIds: { ingrammicro: 'SELF-po-im', tdsynnex: 'SELF-po-td' } })
	},
	addQuoteToPurchaseOrder: { who: 'admin', args: (x) => ({ orderId: x.purchaseOrder, quoteId: x.quote }) },
	changePurchaseOrderLine: {
		who: 'admin',
		args: (x) => ({ id: x.purchaseOrderLine, distributor: 'tdsynnex', newOrderId: 'SELF-po-new' })
	},
	submitPurchaseOrder: { who: 'admin', args: (x) => ({ id: x.purchaseOrder }) },
	retryPurchaseOrder: { who: 'admin', args: (x) => ({ id: x.purchaseOrder }) },
	cancelPurchaseOrder: { who: 'admin', args: (x) => ({ id: x.purchaseOrder }) },
	cancelPlacedPurchaseOrder: { who: 'admin', args: (x) => ({ id: x.purchaseOrder }) }
};

function product(id: string, categoryId: string) {
	return {
		id,
		name: 'Mine',
		sku: 'mine',
		mpn: '',
		description: '',
		categoryId,
		cost: 1,
		price: 2,
		billing: 'one-time',
		distributor: null,
		noProcurement: false,
		active: true
	};
}

function idsOfOrg(org: SeededOrganisation): Ids {
	const r = org.rows;
	return {
		quote: r.quotes[0]!.id,
		line: r.quoteLines[0]!.id,
		otherLine: r.quoteLines[1]!.id,
		product: r.products[0]!.id,
		category: r.categories[0]!.id,
		book: r.pricingBooks[0]!.id,
		company: r.companies[1]!.id,
		contact: r.contacts[0]!.id,
		user: org.editor.id,
		email: org.editor.email,
		role: r.roles[0]!.id,
		issue: r.issues[0]!.id,
		cause: r.issues[0]!.rootCause!,
		externalId: r.users[0]!.externalIds.autotask!,
		ticket: r.tickets[0]!.id,
		charge: r.quoteCharges[0]!.id,
		purchaseOrder: r.purchaseOrders[0]!.id,
		purchaseOrderLine: r.purchaseOrderLines[0]!.id
	};
}

function nowhere(): Ids {
	const n = uid('nowhere');
	return {
		quote: `${n}-quote`,
		line: `${n}-line`,
		otherLine: `${n}-line-2`,
		product: `${n}-product`,
		category: `${n}-category`,
		book: `${n}-book`,
		company: `${n}-company`,
		contact: `${n}-contact`,
		user: `${n}-user`,
		email: `${n}@nowhere.example`,
		role: `${n}-role`,
		issue: `${n}-issue`,
		cause: `${n}-cause`,
		externalId: `${n}-resource`,
		ticket: `${n}-ticket`,
		charge: `${n}-charge`,
		purchaseOrder: `${n}-po`,
		purchaseOrderLine: `${n}-po-line`
	};
}

/** A result with the ids it may mention taken out, so A's and nowhere's answers compare. */
function comparable(result: MutationResult, ids: Ids) {
	if (result.status !== 'rejected') return { status: result.status };
	let message = result.message;
	for (const [name, id] of Object.entries(ids)) message = message.split(id).join(`<${name}>`);
	return { status: result.status, code: result.code, message };
}

describe.each(STORE_KINDS)('two organisations on $name', (kind) => {
	let gw: Gateway;
	let guard: OutboundGuard;
	let a: SeededOrganisation;
	let b: SeededOrganisation;
	let n = 0;

	const signIn = (who: SeededPerson) => gw.login(who.email, who.password);

	beforeAll(async () => {
		let origin: string | null = null;
		guard = installOutboundGuard(() => origin);
		gw = await startGateway(kind, { clientAddress: () => crypto.randomUUID() });
		origin = new URL(gw.baseUrl).origin;
		a = await seedOrganisation(gw.store, 'a');
		b = await seedOrganisation(gw.store, 'b');
		// Mail and sealed credentials of A, which B must never reach either.
		const aAdmin = await signIn(a.admin);
		const aClient = syncClient(aAdmin);
		const res = await aClient.push([
			aClient.m('inviteUser', {
				id: 'a-user-invited',
				email: 'invited@a.example',
				name: 'Invited',
				kind: 'msp',
				roleIds: [],
				companyId: null
			})
		]);
		expect(res.body.results).toEqual([{ id: 1, status: 'applied' }]);
		await aAdmin.put('/api/admin/integrations/halopsa/credentials', {
			credentials: {
				resourceUrl: 'https://a.halopsa.com/api',
				authUrl: 'https://a.halopsa.com/auth',
				clientId: 'a',
				clientSecret: 'a-secret'
			}
		});
	});
	afterAll(async () => {
		guard?.uninstall();
		await gw?.close();
	});

	it('covers every mutation that takes an id', () => {
		const takesId = (Object.keys(MUTATIONS) as MutationName[]).filter((name) =>
			/"(id|\w+Id|\w+Ids|rootCause)"/.test(JSON.stringify(z.toJSONSchema(MUTATIONS[name].args, { io: 'input' })))
		);
		// Its ids are the PSA's own (a billing code, a sales rep), not rows of an organisation.
		const covered = new Set([...Object.keys(CASES).map((key) => key.split(' ')[0]), 'saveIntegrationSettings']);
		expect(takesId.filter((name) => !covered.has(name))).toEqual([]);
		expect(takesId.length).toBeGreaterThan(25);
	});

	for (const person of ['admin', 'editor', 'customer'] as const) {
		it(`B's ${person} pulls only B's rows, in every table`, async () => {
			const pulled = replay(await syncClient(await signIn(b[person])).pullAll(null));
			const own = new Map<string, unknown>(
				Object.entries(b.rows).flatMap(([table, rows]) => rows.map((row) => [`${table}/${row.id}`, row] as const))
			);
			for (const table of STORED_TABLE_NAMES) {
				expect(a.rows[table].length, `A has ${table}`).toBeGreaterThan(0);
				const rows = [...pulled].filter(([key]) => key.startsWith(`${table}/`));
				for (const [key] of rows) expect(own.has(key), `${person} pulled ${key}`).toBe(true);
				if (person === 'admin')
					expect(new Map(rows), table).toEqual(new Map([...own].filter(([k]) => k.startsWith(`${table}/`))));
			}
			// The staff directory names B's own people only.
			for (const [key] of [...pulled].filter(([k]) => k.startsWith('staff/')))
				expect(own.has(key.replace('staff/', 'users/')), `${person} pulled ${key}`).toBe(true);
			expect(JSON.stringify([...pulled.values()])).not.toMatch(/\ba-/);
		});
	}

	it('B’s admin mailbox holds none of A’s mail', async () => {
		const res = await (await signIn(b.admin)).get('/api/admin/mailbox');
		expect(res.status).toBe(200);
		expect(res.body.mail.filter((m: { to: string }) => m.to.endsWith('@a.example'))).toEqual([]);
	});

	it('B’s admin routes for PSA credentials change nothing of A', async () => {
		const before = await orgSnapshot(gw.store, a.orgId);
		const admin = await signIn(b.admin);
		await admin.post('/api/admin/integrations/halopsa/test');
		await admin.delete('/api/admin/integrations/halopsa/credentials');
		expect(await orgSnapshot(gw.store, a.orgId)).toEqual(before);
	});

	for (const [name, { who, args }] of Object.entries(CASES) as [string, Case][]) {
		it(`${name} with A's ids: nothing of A written, answered as for ids that exist nowhere`, async () => {
			n += 1;
			const attacker = await seedOrganisation(gw.store, `b${n}`);
			const self = (value: unknown) =>
				JSON.parse(JSON.stringify(value).split('SELF-').join(`b${n}-`)) as MutationArgs<MutationName>;
			const mutation = name.split(' ')[0] as MutationName;
			const http: HttpClient = await signIn(attacker[who]);
			const before = await orgSnapshot(gw.store, a.orgId);

			const foreignIds = idsOfOrg(a);
			const foreign = syncClient(http);
			const withForeign = await foreign.push([foreign.m(mutation, self(args(foreignIds)) as never)]);
			const freshIds = nowhere();
			const fresh = syncClient(http);
			const withFresh = await fresh.push([fresh.m(mutation, self(args(freshIds)) as never)]);

			expect(withForeign.status, JSON.stringify(withForeign.body)).toBe(withFresh.status);
			expect(comparable(withForeign.body.results[0]!, foreignIds)).toEqual(
				comparable(withFresh.body.results[0]!, freshIds)
			);
			expect(await orgSnapshot(gw.store, a.orgId)).toEqual(before);
		});
	}
});
