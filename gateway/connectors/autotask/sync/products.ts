// Autotask Products on their own (seeds: "Products inherit the billing code from their category";
// "Retry the product sync"): a product's billing code set on its record, and one product synced by
// itself, created with its category's billing code, found by SKU, or brought up to date when linked.

import { productPayload } from '../client/mapping/product.ts';
import { psaOk, type PsaFailure, type PsaResult, type SyncContext } from '../../../psa/provider.ts';
import { AUTOTASK_SYNC_MESSAGES as TEXT, isBillingCodeFailure, permanent, toPsaFailure } from '../failure.ts';
import { PRODUCT_BILLING_CODE_LINK } from '../../../jobs/product-billing-code-targets.ts';
import { ensureProducts } from './quote-items.ts';
import type { AutotaskRun } from './run.ts';

const asId = (value: string): number | null => {
	const n = Number(value);
	return Number.isInteger(n) && n > 0 ? n : null;
};

export async function updateProductBillingCode(
	run: AutotaskRun,
	externalId: string,
	billingCodeId: string
): Promise<PsaResult<null>> {
	const [id, code] = [asId(externalId), asId(billingCodeId)];
	if (id === null) return permanent(`Product has no valid external identifier (${externalId.slice(0, 64)}).`);
	if (code === null) return permanent(TEXT.billingCodeInvalid);
	const updated = await run.client.update('Products', { id, productBillingCodeID: code });
	if (updated.ok) return psaOk(null);
	return isBillingCodeFailure(updated) ? permanent(TEXT.billingCodeInvalid) : toPsaFailure(updated);
}

export async function syncProduct(
	ctx: SyncContext,
	run: AutotaskRun,
	productId: string
): Promise<PsaResult<{ externalId: string }>> {
	const product = await ctx.data.get('products', productId);
	if (!product) return permanent('The product no longer exists in Outpost.');
	const category = product.categoryId ? await ctx.data.get('categories', product.categoryId) : undefined;
	const billingFailure: PsaFailure = {
		...permanent(TEXT.billingCodeInvalid),
		rootCause: { kind: 'categoryBillingCode', categoryId: category?.id ?? product.categoryId ?? 'none' }
	};
	const linked = await ctx.links.get('products', productId);
	if (!linked) {
		const ensured = await ensureProducts(ctx, run, [productId]);
		if (!ensured.ok) return ensured;
		const outcome = ensured.value.get(productId);
		if (outcome === undefined) return permanent('The product no longer exists in Outpost.');
		return typeof outcome === 'number' ? psaOk({ externalId: String(outcome) }) : outcome;
	}
	const code = asId(category?.billingCodeId ?? '');
	const id = asId(linked);
	if (code === null) return billingFailure;
	if (id === null) return permanent(`Product has no valid external identifier (${linked.slice(0, 64)}).`);
	const payload = productPayload(
		{
			name: product.name,
			sku: product.sku,
			description: product.description,
			unitPriceCents: product.price,
			unitCostCents: product.cost,
			doesNotRequireProcurement: product.noProcurement
		},
		code
	);
	const updated = await run.client.update('Products', { ...payload, id });
	if (!updated.ok) return isBillingCodeFailure(updated) ? billingFailure : toPsaFailure(updated);
	await ctx.links.set(PRODUCT_BILLING_CODE_LINK, productId, String(code));
	return psaOk({ externalId: linked });
}
