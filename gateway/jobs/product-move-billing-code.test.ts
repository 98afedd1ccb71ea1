// Issue 14: a product moved to a category whose billing code differs is brought to that code in
// Autotask, through its new category's update (gateway/jobs/product-billing-codes.ts), within the
// budget and with its progress on the maintenance screen. The move runs as a push would: the
// mutation's apply, then its server effect, in one transaction.

import { afterEach, describe, expect, it } from 'vitest';
import { MUTATIONS } from '../../shared/mutations/registry.ts';
import type { MutationContext } from '../../shared/mutations/define.ts';
import type { Product } from '../../shared/schema/catalog-entities.ts';
import { buildBillingCode, buildProduct } from '../connectors/autotask/simulator/seed-builders.ts';
import { ORG, startAutotaskJobs, type AutotaskJobs } from '../psa/test/autotask-jobs-harness.ts';
import type { Mailer } from '../mail/mailer.ts';
import { readEntity } from '../store/entity-reader.ts';
import { serverEffect } from '../sync/effects/server-effects.ts';
import { STORE_KINDS } from '../test/stores.ts';
import { PRODUCT_BILLING_CODE_LINK } from './product-billing-code-targets.ts';
import { replicatedWriter } from './replicated-write.ts';
import { storeLinks } from './store-sync-context.ts';

/** Moving a product sends no mail. */
const NO_MAIL: Mailer = { send: async () => {}, read: async () => '' };
const EDITOR: MutationContext['actor'] = { kind: 'msp', companyId: 'company-msp', isAdmin: true, permissions: [] };

describe.each(STORE_KINDS)('a product moved to another category on $name', (kind) => {
	let at: AutotaskJobs;
	let fixed: number;
	/** The laptop's Autotask record, on the Hardware code like its category (cat-hw). */
	let laptopExt: number;
	afterEach(() => at.close());

	async function laptopInAutotask() {
		at = await startAutotaskJobs(kind, { withLookups: true });
		[fixed] = at.sandbox.control.seed('BillingCodes', [buildBillingCode({ name: 'Docking (fixed)' })]) as [number];
		[laptopExt] = at.sandbox.control.seed('Products', [
			buildProduct({ sku: 'T14-G5', productBillingCodeID: at.codes.active })
		]) as [number];
		const links = storeLinks(at.store, ORG, 'autotask');
		await links.set('products', 'p-laptop', String(laptopExt));
		await links.set(PRODUCT_BILLING_CODE_LINK, 'p-laptop', String(at.codes.active));
		await at.write(async (tx) => {
			const category = { defaultMarkupPercent: 20 };
			await tx.put('categories', { ...category, id: 'cat-docks', name: 'Docks', billingCodeId: String(fixed) });
			await tx.put('categories', { ...category, id: 'cat-pc', name: 'PCs', billingCodeId: String(at.codes.active) });
		});
		at.sandbox.control.resetCalls();
	}

	/** saveProduct as the push runs it: apply, then its server effect, in one transaction. */
	async function move(productId: string, categoryId: string) {
		await replicatedWriter(
			at.store,
			{ poke: () => {} },
			at.clock
		)(ORG, async (tx, trx) => {
			const product: Product = { ...(await tx.get('products', productId))!, categoryId };
			await MUTATIONS.saveProduct.apply(tx, product, { userId: 'user-owner', actor: EDITOR, now: at.clock.now() });
			await serverEffect('saveProduct')!(
				{ trx, tx, orgId: ORG, now: at.clock.now(), mailer: NO_MAIL, publicUrl: '' },
				product
			);
		});
	}

	const queued = () =>
		at.store.db
			.selectFrom('jobs')
			.select(['kind', 'entity_id'])
			.where('org_id', '=', ORG)
			.where('status', '=', 'queued')
			.execute();

	it('brings its Autotask record to the new category’s billing code with one update, shown as the category’s progress', async () => {
		await laptopInAutotask();
		await move('p-laptop', 'cat-docks');
		expect(await queued()).toEqual([{ kind: 'updateProductBillingCodes', entity_id: 'cat-docks' }]);

		await at.drain();
		expect(at.sandbox.control.record('Products', laptopExt)?.productBillingCodeID).toBe(fixed);
		expect(at.sandbox.control.calls()).toEqual({ 'PATCH /Products': 1 });
		expect(await readEntity(at.store.db, ORG, 'billingCodeUpdates', 'autotask:cat-docks')).toMatchObject({
			state: 'done',
			label: 'Docks',
			billingCodeId: String(fixed),
			done: 1,
			total: 1,
			updated: 1
		});
	});

	it('moved to a category with the same billing code: nothing queued, no request', async () => {
		await laptopInAutotask();
		await move('p-laptop', 'cat-pc');
		expect(await queued()).toEqual([]);
		await at.drain();
		expect(at.sandbox.control.calls()).toEqual({});
	});

	it('a product not in Autotask: nothing queued', async () => {
		await laptopInAutotask();
		await move('p-dock', 'cat-docks');
		expect(await queued()).toEqual([]);
	});
});
