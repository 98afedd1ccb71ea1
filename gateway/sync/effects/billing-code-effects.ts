// A category's billing code mapping saved: when products of that category are already in Autotask
// with another billing code, their update is queued as a job (gateway/jobs/product-billing-codes.ts),
// in the push transaction, so a mapping fixed offline reaches the PSA when the device reconnects.

import { enqueueJob } from '../../jobs/job-store.ts';
import { linkedProducts, needsCode } from '../../jobs/product-billing-code-targets.ts';
import type { Effect } from './effect-context.ts';

/** Category billing codes are Autotask's (seeds: Admin > Integrations > Autotask > Billing Codes). */
const PROVIDER = 'autotask';

export const updateProductsOfRemappedCategory: Effect<{ id: string }> = async (ctx, { id }) => {
	const category = await ctx.tx.get('categories', id);
	const code = category?.billingCodeId ?? null;
	if (code === null) return;
	if (!(await ctx.tx.get('integrations', PROVIDER))?.configured) return;
	const productIds = (await ctx.tx.byIndex('products', 'categoryId', id)).map((p) => p.id);
	if (productIds.length === 0) return;
	const linked = await linkedProducts(ctx.trx, ctx.orgId, PROVIDER, productIds);
	if (!linked.some((p) => needsCode(p, code))) return;
	// A run already queued or running re-reads the mapping before it ends.
	await enqueueJob(
		ctx.trx,
		{ orgId: ctx.orgId, provider: PROVIDER, kind: 'updateProductBillingCodes', entityId: id, runAt: ctx.now },
		ctx.now
	);
};
