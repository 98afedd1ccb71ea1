// Over HTTP: saving a category's billing code mapping, or moving a product to another category, queues
// the update of the category's products already in Autotask (the push transaction enqueues it), and
// only when some linked product is on another code.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ORG } from '../demo/demo-data.ts';
import { replicatedWriter } from '../jobs/replicated-write.ts';
import { PRODUCT_BILLING_CODE_LINK } from '../jobs/product-billing-code-targets.ts';
import { startGateway, type Gateway } from '../test/http-harness.ts';
import { putIntegration } from '../test/psa-rows.ts';
import { STORE_KINDS } from '../test/stores.ts';
import { syncClient, uid } from '../test/wire-client.ts';

describe.each(STORE_KINDS)('a fixed billing code mapping over HTTP on $name', (kind) => {
	let gw: Gateway;
	let admin: ReturnType<typeof syncClient>;

	beforeAll(async () => {
		gw = await startGateway(kind);
		admin = syncClient(await gw.login('admin@demo.outpost.test'));
		await putIntegration(gw, 'autotask', { configured: true });
	});
	afterAll(async () => {
		await gw?.close();
	});

	const jobsOf = (entityId: string) =>
		gw.store.db
			.selectFrom('jobs')
			.select(['provider', 'kind', 'status'])
			.where('org_id', '=', DEMO_ORG.id)
			.where('entity_id', '=', entityId)
			.execute();

	async function saveCategory(id: string, billingCodeId: string | null) {
		const res = await admin.push([
			admin.m('saveCategory', { id, name: 'Docks', defaultMarkupPercent: 10, billingCodeId })
		]);
		expect(res.body.results[0], JSON.stringify(res.body)).toMatchObject({ status: 'applied' });
	}

	/** A product of the category, in `provider` as record 9001 with `code` (null: not known). */
	async function linkedProduct(categoryId: string, code: string | null, provider = 'autotask') {
		const id = uid('p');
		await replicatedWriter(gw.store, { poke: () => {} })(DEMO_ORG.id, (tx) =>
			tx.put('products', {
				id,
				name: 'Dock',
				sku: id,
				mpn: '',
				description: '',
				categoryId,
				cost: 100,
				price: 200,
				billing: 'one-time',
				distributor: null,
				noProcurement: false,
				active: true
			})
		);
		const link = (kind: string, externalId: string) => ({
			org_id: DEMO_ORG.id,
			provider,
			kind,
			local_id: id,
			external_id: externalId
		});
		await gw.store.db
			.insertInto('external_links')
			.values(
				code === null ? [link('products', '9001')] : [link('products', '9001'), link(PRODUCT_BILLING_CODE_LINK, code)]
			)
			.execute();
		return id;
	}

	async function moveProduct(id: string, categoryId: string) {
		const res = await admin.push([
			admin.m('saveProduct', {
				id,
				name: 'Dock',
				sku: id,
				mpn: '',
				description: '',
				categoryId,
				cost: 100,
				price: 200,
				billing: 'one-time',
				distributor: null,
				noProcurement: false,
				active: true
			})
		]);
		expect(res.body.results[0], JSON.stringify(res.body)).toMatchObject({ status: 'applied' });
	}

	it('queues the update when a linked product is on another billing code', async () => {
		const category = uid('cat');
		await saveCategory(category, '101');
		await linkedProduct(category, '101');
		expect(await jobsOf(category)).toEqual([]);

		await saveCategory(category, '202');
		expect(await jobsOf(category)).toEqual([
			{ provider: 'autotask', kind: 'updateProductBillingCodes', status: 'queued' }
		]);
	});

	it('a product whose code Outpost never sent counts as on another code', async () => {
		const category = uid('cat');
		await saveCategory(category, null);
		await linkedProduct(category, null);
		await saveCategory(category, '101');
		expect((await jobsOf(category)).map((j) => j.kind)).toEqual(['updateProductBillingCodes']);
	});

	it('queues nothing for a category without products in Autotask, or without a billing code', async () => {
		const category = uid('cat');
		await saveCategory(category, '101');
		await saveCategory(category, '202');
		const unmapped = uid('cat');
		await saveCategory(unmapped, null);
		await linkedProduct(unmapped, '101');
		await saveCategory(unmapped, null);
		expect([...(await jobsOf(category)), ...(await jobsOf(unmapped))]).toEqual([]);
	});

	it('moving a product in Autotask to a category on another code queues that category’s update', async () => {
		const [from, to] = [uid('cat'), uid('cat')];
		await saveCategory(from, '101');
		await saveCategory(to, '202');
		const product = await linkedProduct(from, '101');
		await moveProduct(product, to);
		expect(await jobsOf(to)).toEqual([{ provider: 'autotask', kind: 'updateProductBillingCodes', status: 'queued' }]);
		expect(await jobsOf(from)).toEqual([]);
	});

	it('moving it to a category on the same code, or moving a product not in Autotask, queues nothing', async () => {
		const [from, same] = [uid('cat'), uid('cat')];
		await saveCategory(from, '101');
		await saveCategory(same, '101');
		await moveProduct(await linkedProduct(from, '101'), same);
		const other = uid('cat');
		await saveCategory(other, '202');
		await moveProduct(await linkedProduct(from, '101', 'connectwise'), other);
		expect([...(await jobsOf(same)), ...(await jobsOf(other))]).toEqual([]);
	});
});
