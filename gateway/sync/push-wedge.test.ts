// No permanent failure may wedge a device: whatever kind of mutation fails for good (a constraint
// violation, a bug), it is rejected and the client's mutation id moves past it. Only a transient
// store error stops the push without consuming the mutation.

import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MutationArgs, MutationName } from '../../shared/mutations/registry.ts';
import type { Store } from '../store/store.ts';
import { startGateway, type Gateway, type HttpClient } from '../test/http-harness.ts';
import { failingWrites } from '../test/statement-faults.ts';
import { STORE_KINDS, type TestStore } from '../test/stores.ts';
import { syncClient } from '../test/wire-client.ts';

const product = {
	id: 'w-product',
	name: 'Widget',
	sku: 'W-1',
	mpn: '',
	description: '',
	categoryId: null,
	cost: 100,
	price: 200,
	billing: 'one-time',
	distributor: null,
	noProcurement: false,
	active: true
} as const;

/** Valid arguments for every mutation in the registry: a new mutation fails to compile until it is listed. */
const WEDGE_ARGS: { [K in MutationName]: MutationArgs<K> } = {
	createQuote: { id: 'w-quote', companyId: 'company-acme', title: 'Wedge' },
	updateQuote: { id: 'w-quote', title: 'Wedge 2' },
	addQuoteLine: { id: 'w-line', quoteId: 'w-quote', description: 'Line', unitPrice: 100 },
	updateQuoteLine: { id: 'w-line', quantity: 2 },
	removeQuoteLine: { id: 'w-line' },
	duplicateQuote: { id: 'w-quote', newId: 'w-copy', lineIds: [] },
	reviseQuote: { id: 'w-quote', newId: 'w-revision', lineIds: [] },
	acceptQuote: { id: 'w-quote', name: 'Pat Customer', contentHash: 'abc' },
	declineQuote: { id: 'w-quote', reason: 'Too dear' },
	saveCategory: { id: 'w-category', name: 'Wedges', defaultMarkupPercent: 10, billingCodeId: null },
	deleteCategory: { id: 'w-category' },
	saveProduct: product,
	importProducts: { products: [product] },
	savePricingBook: { id: 'w-book', name: 'Book', companyIds: [], validFrom: null, validTo: null, prices: {} },
	deletePricingBook: { id: 'w-book' },
	saveCompany: { id: 'w-company', name: 'Wedge Ltd' },
	saveContact: { id: 'w-contact', companyId: 'company-acme', name: 'Pat', email: '', phone: '', jobTitle: '' },
	deleteContact: { id: 'w-contact' },
	updateUser: { id: 'w-user', name: 'Pat' },
	changeUserEmail: { id: 'w-user', email: 'wedge-2@example.com' },
	linkCompany: { id: 'w-user', companyId: null },
	verifyCompanyLink: { id: 'w-user' },
	setPsaLink: { id: 'w-user', provider: 'autotask', externalId: null },
	inviteUser: { id: 'w-user', email: 'wedge@example.com', name: 'Pat', kind: 'msp', roleIds: [], companyId: null },
	resendInvitation: { id: 'w-user' },
	saveRole: { id: 'w-role', name: 'Wedgers', permissions: [] },
	deleteRole: { id: 'w-role' },
	setMspDomains: { mspDomains: [] },
	saveOrgProfile: { name: 'Wedge MSP', addressLines: [], phone: '', email: '', website: '', logo: null },
	retryIssue: { id: 'w-issue' },
	dismissIssue: { id: 'w-issue' },
	retryAllIssues: {},
	saveIntegrationSettings: { provider: 'autotask', settings: {} },
	syncQuoteToPsa: { quoteId: 'w-quote' },
	syncProductToPsa: { productId: 'w-product' },
	synchronizePsa: { provider: 'autotask' },
	reindexEntities: { provider: 'autotask', entity: 'companies' },
	reindexRecord: { issueId: 'w-issue' },
	setActivityRetention: { days: 30 },
	attachQuoteToTicket: { quoteId: 'w-quote', ticketId: 'w-ticket' },
	cancelQuoteCharge: { id: 'w-charge' },
	reorderQuoteCharges: { quoteId: 'w-quote' },
	setDistributorOrdering: { distributor: 'tdsynnex', enabled: true },
	moveDistributor: { distributor: 'tdsynnex', direction: 'up' },
	orderQuote: { quoteId: 'w-quote', orderIds: { ingrammicro: 'w-po-1', tdsynnex: 'w-po-2' } },
	addQuoteToPurchaseOrder: { orderId: 'w-po-1', quoteId: 'w-quote' },
	changePurchaseOrderLine: { id: 'w-po-line', quantity: 2 },
	submitPurchaseOrder: { id: 'w-po-1' },
	retryPurchaseOrder: { id: 'w-po-1' },
	cancelPurchaseOrder: { id: 'w-po-1' },
	cancelPlacedPurchaseOrder: { id: 'w-po-1' },
	setProductCostFromDistributor: { productId: 'w-product', distributor: 'tdsynnex', cost: 150, asOf: 1 }
};

/** The codes of the errors statements run directly on SQLite (store.sqlite) threw, in order. */
function directFailures(store: Store): string[] {
	const failures: string[] = [];
	const run = store.sqlite;
	if (run) {
		store.sqlite = (text, parameters) => {
			try {
				return run(text, parameters);
			} catch (error) {
				failures.push(String((error as { code?: unknown }).code));
				throw error;
			}
		};
	}
	return failures;
}

describe.each(STORE_KINDS)('a mutation that fails for good never wedges its client, on $name', (kind) => {
	const permanent = kind.name === 'sqlite' ? 'SQLITE_CONSTRAINT_UNIQUE' : '23505';
	const transient = kind.name === 'sqlite' ? 'SQLITE_BUSY' : '40001';
	const failing = failingWrites(kind.name, 'entities');
	let opened: TestStore;
	let gateway: Gateway;
	let admin: HttpClient;
	let direct: string[];

	beforeAll(async () => {
		opened = await kind.open({ observe: failing.observe });
		direct = directFailures(opened.store);
		gateway = await startGateway(kind, { store: failing.wrap(opened.store) });
		admin = await gateway.login('admin@demo.outpost.test');
	});
	afterAll(async () => {
		failing.arm(null);
		await gateway?.close();
		await opened?.close();
	});

	const lastMutationID = async (clientID: string) =>
		(
			await opened.store.db
				.selectFrom('clients')
				.select('last_mutation_id')
				.where('id', '=', clientID)
				.executeTakeFirstOrThrow()
		).last_mutation_id;

	it.each(Object.keys(WEDGE_ARGS) as MutationName[])('%s is rejected and its mutation id advances', async (name) => {
		const client = syncClient(admin);
		expect((await client.push([])).status).toBe(200);
		failing.arm(permanent);
		const res = await client.push([client.m(name, WEDGE_ARGS[name])]);
		failing.arm(null);
		expect(res.status, JSON.stringify(res.body)).toBe(200);
		expect(res.body.results).toEqual([
			{
				id: 1,
				status: 'rejected',
				code: 'internal',
				message: 'The server could not apply this change. The problem has been logged.'
			}
		]);
		expect(await lastMutationID(client.clientID)).toBe(1);
		const rejection = await opened.store.db
			.selectFrom('rejections')
			.select(['mutation_id', 'name', 'code'])
			.where('client_id', '=', client.clientID)
			.execute();
		expect(rejection).toEqual([{ mutation_id: 1, name, code: 'internal' }]);
	});

	it('a real constraint violation from the driver is rejected, and the same push carries on', async () => {
		const blocked = 'w-blocked-company';
		if (kind.name === 'sqlite') {
			await sql`CREATE TRIGGER block_company BEFORE INSERT ON entities WHEN NEW.id = ${sql.lit(blocked)}
				BEGIN SELECT RAISE(ABORT, 'blocked by a test trigger'); END`.execute(opened.store.db);
		} else {
			await sql`CREATE FUNCTION block_company() RETURNS trigger AS $$
				BEGIN RAISE EXCEPTION 'blocked by a test trigger' USING ERRCODE = 'check_violation'; END $$ LANGUAGE plpgsql`.execute(
				opened.store.db
			);
			await sql`CREATE TRIGGER block_company BEFORE INSERT ON entities FOR EACH ROW
				WHEN (NEW.id = ${sql.lit(blocked)}) EXECUTE FUNCTION block_company()`.execute(opened.store.db);
		}
		const client = syncClient(admin);
		direct.length = 0;
		const res = await client.push([
			client.m('saveCompany', { id: blocked, name: 'Blocked' }),
			client.m('saveCompany', { id: 'w-after-blocked', name: 'Kept' })
		]);
		expect(res.status, JSON.stringify(res.body)).toBe(200);
		expect(res.body.results.map((r) => [r.status, 'code' in r ? r.code : null])).toEqual([
			['rejected', 'internal'],
			['applied', null]
		]);
		// On SQLite the row is written directly: once in the push's flush, once more replayed carefully.
		const trigger = 'SQLITE_CONSTRAINT_TRIGGER';
		expect(direct).toEqual(kind.name === 'sqlite' ? [trigger, trigger] : []);
		expect(await lastMutationID(client.clientID)).toBe(2);
	});

	it('a transient store error inside a mutation stops the push without consuming it', async () => {
		const client = syncClient(admin);
		expect((await client.push([])).status).toBe(200);
		const mutation = client.m('saveCompany', { id: 'w-transient', name: 'Kept' });
		failing.arm(transient);
		direct.length = 0;
		const res = await client.push([mutation]);
		failing.arm(null);
		expect(direct).toEqual(kind.name === 'sqlite' ? [transient] : []);
		expect(res.status).toBe(503);
		expect(res.body.error.code).toBe('temporarily_unavailable');
		expect(await lastMutationID(client.clientID)).toBe(0);
		expect((await client.push([mutation])).body.results).toEqual([{ id: 1, status: 'applied' }]);
	});
});
