// Each permission on its own, through the demo account that holds it and nothing else: what it may
// write (exactly the mutations that need it), what it is refused (named), and what it may read.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forbiddenMessage } from '../../shared/auth/permission-refusal.ts';
import { PERMISSION_KEYS, type Permission } from '../../shared/auth/permissions.ts';
import { MUTATIONS, type MutationName } from '../../shared/mutations/registry.ts';
import { PERMISSION_ALONE_ACCOUNTS } from '../demo/demo-data.ts';
import { startGateway, type Gateway, type HttpClient } from '../test/http-harness.ts';
import { createMutationFixtures } from '../test/mutation-fixtures.ts';
import { putIntegration } from '../test/psa-rows.ts';
import { STORE_KINDS } from '../test/stores.ts';
import { replay, syncClient, uid } from '../test/wire-client.ts';

const ADMIN = 'admin@demo.outpost.test';
// Staff who are not admins also get the staff directory (colleagues' names), which admins do not need.
const EVERYONE = ['companies', 'contacts', 'orgProfile', 'staff'];
const CATALOG = [...EVERYONE, 'categories', 'products', 'pricingBooks'];

/** The tables each permission alone replicates (DESIGN section 3, partial replication). */
const READS: Record<Permission, string[]> = {
	quoteEditor: [
		...EVERYONE,
		'quotes',
		'quoteLines',
		'opportunities',
		'quoteCharges',
		'tickets',
		'quoteSyncs',
		'paymentTerms',
		'issues'
	],
	productViewer: CATALOG,
	productEditor: CATALOG,
	productsImporter: CATALOG,
	pricingBookEditor: CATALOG,
	companyEditor: EVERYONE,
	whitespaceViewer: [...EVERYONE, 'quotes', 'quoteLines', 'categories'],
	procurementEditor: [
		...EVERYONE,
		'quotes',
		'quoteLines',
		'ticketCharges',
		'quoteCharges',
		'tickets',
		'products',
		'distributors',
		'purchaseOrders',
		'purchaseOrderLines'
	]
};

/** The answers to a quote (accept, decline) are the quoted customer's: staff are refused, as quote not found when they cannot see quotes. */
const QUOTE_READERS: readonly Permission[] = ['quoteEditor', 'whitespaceViewer', 'procurementEditor'];

describe.each(STORE_KINDS)('each permission alone on $name', (kind) => {
	let gw: Gateway;
	let admin: ReturnType<typeof syncClient>;
	const sessions = new Map<Permission, HttpClient>();
	const { prepare, product, FIXTURES } = createMutationFixtures(
		() => gw,
		() => admin
	);

	beforeAll(async () => {
		gw = await startGateway(kind);
		admin = syncClient(await gw.login(ADMIN));
		for (const permission of PERMISSION_KEYS)
			sessions.set(permission, await gw.login(PERMISSION_ALONE_ACCOUNTS[permission]));
		await putIntegration(gw, 'autotask', { configured: true });
	});
	afterAll(async () => {
		await gw?.close();
	});

	it.each(PERMISSION_KEYS)(
		'%s alone: applies exactly the changes that need it, and is told what the others need',
		async (permission) => {
			for (const name of Object.keys(MUTATIONS) as MutationName[]) {
				const client = syncClient(sessions.get(permission)!);
				const needs = MUTATIONS[name].permission;
				const res = await client.push([client.m(name, (await FIXTURES[name]()) as never)]);
				expect(res.status, name).toBe(200);
				const result = res.body.results[0]!;
				if (needs === permission) expect(result, name).toEqual({ id: 1, status: 'applied' });
				else if (needs === null)
					expect(result, name).toMatchObject({
						status: 'rejected',
						code: QUOTE_READERS.includes(permission) ? 'not_your_quote' : 'quote_not_found'
					});
				else
					expect(result, name).toEqual({
						id: 1,
						status: 'rejected',
						code: 'forbidden',
						message: forbiddenMessage(needs)
					});
			}
		}
	);

	it.each(PERMISSION_KEYS)('%s alone: pulls exactly the tables it may read', async (permission) => {
		const everything = new Set([...replay(await admin.pullAll(null)).keys()].map((key) => key.split('/')[0]!));
		const client = syncClient(sessions.get(permission)!);
		const seen = new Set([...replay(await client.pullAll(null)).keys()].map((key) => key.split('/')[0]!));
		const expected = READS[permission].filter((table) => everything.has(table) || table === 'staff');
		expect([...seen].sort()).toEqual(expected.sort());
	});

	it('Whitespace viewer alone gets each catalog line’s category on the line, without the product', async () => {
		const categoryId = uid('cat');
		const productId = uid('p');
		const quoteId = uid('q');
		const lineId = uid('l');
		await prepare('saveCategory', { id: categoryId, name: 'Firewalls', defaultMarkupPercent: 20, billingCodeId: null });
		await prepare('saveProduct', { ...product(productId), categoryId });
		await prepare('createQuote', { id: quoteId, companyId: 'company-acme', title: 'Edge' });
		await prepare('addQuoteLine', { id: lineId, quoteId, productId });

		const whitespace = replay(await syncClient(sessions.get('whitespaceViewer')!).pullAll(null));
		expect(whitespace.get(`quoteLines/${lineId}`)).toMatchObject({ productId, categoryId });
		expect(whitespace.get(`categories/${categoryId}`)).toMatchObject({ name: 'Firewalls' });
		expect(whitespace.has(`products/${productId}`)).toBe(false);
	});
});
