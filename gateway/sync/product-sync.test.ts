// Seeds: "Retry the product sync". Over HTTP on a real gateway with the Autotask simulator: a Product
// editor sends one product to Autotask by itself; a billing code Autotask refuses files an issue
// against the product (not a quote), and once the mapping is fixed the issue's Retry creates it.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERRORS } from '../../shared/errors.ts';
import { issueId } from '../../shared/schema/psa-entities.ts';
import { startSandbox, type Sandbox } from '../connectors/autotask/test/client-sandbox.ts';
import { buildBillingCode } from '../connectors/autotask/simulator/seed-builders.ts';
import { createOutboundPolicy } from '../connectors/common/outbound-policy.ts';
import { createPsaServices, type PsaServices } from '../psa/psa-services.ts';
import { readEntity } from '../store/entity-reader.ts';
import { createPokeHub } from './poke-hub.ts';
import { startGateway, type Gateway } from '../test/http-harness.ts';
import { STORE_KINDS } from '../test/stores.ts';
import { syncClient, uid } from '../test/wire-client.ts';
import { DEMO_ORG } from '../demo/demo-data.ts';

describe.each(STORE_KINDS)('a product synced by itself over HTTP on $name', (kind) => {
	let gw: Gateway;
	let psa: PsaServices;
	let sandbox: Sandbox;
	let closeStore: () => Promise<void>;
	let admin: ReturnType<typeof syncClient>;
	let catalog: ReturnType<typeof syncClient>;
	let sales: ReturnType<typeof syncClient>;
	let codes: { active: number; retired: number };

	beforeAll(async () => {
		sandbox = await startSandbox();
		const opened = await kind.open();
		closeStore = opened.close;
		const pokes = createPokeHub();
		psa = await createPsaServices({
			store: opened.store,
			pokes,
			outbound: createOutboundPolicy({ allowLoopback: true })
		});
		gw = await startGateway(kind, { store: opened.store, pokes, psa });
		const adminHttp = await gw.login('admin@demo.outpost.test');
		const saved = await adminHttp.put('/api/admin/integrations/autotask/credentials', {
			credentials: { ...sandbox.control.credentials, zoneLookupUrl: sandbox.zoneLookupUrl }
		});
		expect(saved.status).toBe(200);
		admin = syncClient(adminHttp);
		catalog = syncClient(await gw.login('catalog@demo.outpost.test'));
		sales = syncClient(await gw.login('sales@demo.outpost.test'));
		const [active, retired] = sandbox.control.seed('BillingCodes', [
			buildBillingCode({ name: 'Hardware' }),
			buildBillingCode({ name: 'Retired', isActive: false })
		]) as [number, number];
		codes = { active, retired };
	});
	afterAll(async () => {
		await psa?.runner.stop();
		await gw?.close();
		await closeStore?.();
		await sandbox?.close();
	});

	async function applied(client: ReturnType<typeof syncClient>, ...[name, args]: Parameters<typeof client.m>) {
		const res = await client.push([client.m(name, args)]);
		expect(res.body.results[0], JSON.stringify(res.body)).toMatchObject({ status: 'applied' });
	}

	async function productIn(billingCodeId: number) {
		const categoryId = uid('cat');
		await applied(catalog, 'saveCategory', {
			id: categoryId,
			name: 'Docks',
			defaultMarkupPercent: 10,
			billingCodeId: String(billingCodeId)
		});
		const id = uid('p');
		const sku = `DOCK-${id.slice(-8)}`;
		await applied(catalog, 'saveProduct', {
			id,
			name: 'USB-C dock',
			sku,
			mpn: '',
			description: '',
			categoryId,
			cost: 10_000,
			price: 15_000,
			billing: 'one-time',
			distributor: null,
			noProcurement: false,
			active: true
		});
		return { id, sku, categoryId };
	}
	const inAutotask = (sku: string) => sandbox.control.records('Products').filter((p) => p.sku === sku);

	it('a Product editor sends a product; it is created once in Autotask with its category’s billing code', async () => {
		const product = await productIn(codes.active);
		await applied(catalog, 'syncProductToPsa', { productId: product.id });
		const again = await catalog.push([catalog.m('syncProductToPsa', { productId: product.id })]);
		expect(again.body.results[0]).toMatchObject({ status: 'rejected', code: ERRORS.alreadySynchronizing.code });
		await psa.runner.runDue();

		expect(inAutotask(product.sku).map((p) => p.productBillingCodeID)).toEqual([codes.active]);
		// Sent again, it updates the same record.
		await applied(catalog, 'syncProductToPsa', { productId: product.id });
		await psa.runner.runDue();
		expect(inAutotask(product.sku)).toHaveLength(1);
	});

	it('a refused billing code files the issue against the product; Retry after the fix creates it', async () => {
		const product = await productIn(codes.retired);
		await applied(catalog, 'syncProductToPsa', { productId: product.id });
		await psa.runner.runDue();

		const id = issueId('autotask', 'syncProduct', product.id);
		expect(await readEntity(gw.store.db, DEMO_ORG.id, 'issues', id)).toMatchObject({
			entityTable: 'products',
			entityId: product.id,
			entityLabel: 'Product USB-C dock',
			message: 'BillingCode does not exist or is invalid',
			rootCause: `categoryBillingCode:${product.categoryId}`
		});
		expect(inAutotask(product.sku)).toEqual([]);

		await applied(catalog, 'saveCategory', {
			id: product.categoryId,
			name: 'Docks',
			defaultMarkupPercent: 10,
			billingCodeId: String(codes.active)
		});
		await applied(admin, 'retryIssue', { id });
		await psa.runner.runDue();
		expect(inAutotask(product.sku).map((p) => p.productBillingCodeID)).toEqual([codes.active]);
		expect(await readEntity(gw.store.db, DEMO_ORG.id, 'issues', id)).toBeUndefined();
	});

	it('a Quote editor without a product permission may not send products, and a product that is gone is named', async () => {
		const product = await productIn(codes.active);
		const refused = await sales.push([sales.m('syncProductToPsa', { productId: product.id })]);
		expect(refused.body.results[0]).toMatchObject({ status: 'rejected', code: ERRORS.forbidden.code });
		const gone = await catalog.push([catalog.m('syncProductToPsa', { productId: uid('p') })]);
		expect(gone.body.results[0]).toMatchObject({ status: 'rejected', code: ERRORS.productNotFound.code });
	});
});
