// A category's billing code mapping saved, or a product moved to another category: when products of
// that category are already in Autotask with another billing code, the category's update is queued as
// a job (gateway/jobs/product-billing-codes.ts), in the push transaction, so a mapping fixed or a
// product moved offline reaches the PSA when the device reconnects. Products not in Autotask, or
// already on the category's code there, queue nothing.

import { enqueueJob } from '../../jobs/job-store.ts';
import { linkedProducts, needsCode } from '../../jobs/product-billing-code-targets.ts';
import type { Effect, EffectContext } from './effect-context.ts';

/**
 * Category billing codes are Autotask's (seeds: Admin > Integrations > Autotask > Billing Codes);
 * ConnectWise and HaloPSA products carry none, and their job says so.
 */
const PROVIDER = 'autotask';

/** Queues the category's update when one of `productIds` (its products) is in Autotask on another code. */
async function queueIfBehind(ctx: EffectContext, categoryId: string, productIds: readonly string[]): Promise<void> {
	if (productIds.length === 0) return;
	const code = (await ctx.tx.get('categories', categoryId))?.billingCodeId ?? null;
	if (code === null) return;
	if (!(await ctx.tx.get('integrations', PROVIDER))?.configured) return;
	const linked = await linkedProducts(ctx.trx, ctx.orgId, PROVIDER, productIds);
	if (!linked.some((p) => needsCode(p, code))) return;
	// A run already queued or running re-reads the category's products and mapping before it ends.
	await enqueueJob(
		ctx.trx,
		{ orgId: ctx.orgId, provider: PROVIDER, kind: 'updateProductBillingCodes', entityId: categoryId, runAt: ctx.now },
		ctx.now
	);
}

export const updateProductsOfRemappedCategory: Effect<{ id: string }> = async (ctx, { id }) => {
	const productIds = (await ctx.tx.byIndex('products', 'categoryId', id)).map((p) => p.id);
	await queueIfBehind(ctx, id, productIds);
};

type Placed = { id: string; categoryId: string | null };

/**
 * saveProduct and importProducts: a product in Autotask whose category (new or not) maps to another
 * code than the one its Autotask record was last given is brought to it by its category's update.
 */
export const updateMovedProducts = async (ctx: EffectContext, products: readonly Placed[]): Promise<void> => {
	const byCategory = new Map<string, string[]>();
	for (const { id, categoryId } of products) {
		if (categoryId !== null) byCategory.set(categoryId, [...(byCategory.get(categoryId) ?? []), id]);
	}
	for (const [categoryId, productIds] of byCategory) await queueIfBehind(ctx, categoryId, productIds);
};

export const updateMovedProduct: Effect<Placed> = (ctx, product) => updateMovedProducts(ctx, [product]);

export const updateImportedProducts: Effect<{ products: Placed[] }> = (ctx, { products }) =>
	updateMovedProducts(ctx, products);
