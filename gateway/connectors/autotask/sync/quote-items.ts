// A quote's lines as Autotask quote items: each line's product matched by SKU or created with its
// category's billing code, then every item created, updated when it changed, or removed when its line
// is gone. Lines that cannot be sent are counted, so the quote still syncs with a warning.

import type { Category, Product } from '../../../../shared/schema/catalog-entities.ts';
import type { QuoteLine } from '../../../../shared/schema/entities.ts';
import type { AutotaskQuoteItem } from '../client/entity-schemas.ts';
import { inList, eq } from '../client/filter.ts';
import { productPayload } from '../client/mapping/product.ts';
import { quoteItemPayload } from '../client/mapping/quote-item.ts';
import { valueOf } from '../client/picklist.ts';
import type { LineFailure } from '../../../../shared/schema/quote-sync-entities.ts';
import { psaOk, type FailedEntity, type PsaFailure, type PsaResult, type SyncContext } from '../../../psa/provider.ts';
import { AUTOTASK_SYNC_MESSAGES as TEXT, toPsaFailure, isBillingCodeFailure } from '../failure.ts';
import { contentHash } from './content-hash.ts';
import { lineFailures } from '../../common/failed-records.ts';
import type { AutotaskRun } from './run.ts';
import { PRODUCT_BILLING_CODE_LINK } from '../../../jobs/product-billing-code-targets.ts';

export type ItemsOutcome = {
	/** Lines that could not be sent (no product, a rule Autotask refused), each with Autotask's text or ours. */
	failed: LineFailure[];
	/** The product of the first line that failed, as its issue names it. */
	failedProduct: FailedEntity | null;
	/** The first category whose billing code Autotask refused, if any. */
	billingCodeCategory: string | null;
};

const billingFailure = (categoryId: string): PsaFailure => ({
	ok: false,
	kind: 'permanent',
	message: TEXT.billingCodeInvalid,
	rootCause: { kind: 'categoryBillingCode', categoryId }
});

/** Active Autotask products with these SKUs (the natural key products are matched by). */
export async function activeProductsBySku(
	run: AutotaskRun,
	skus: string[]
): Promise<PsaResult<{ id: number; sku: string }[]>> {
	const found = await run.client.queryAll('Products', { filter: [inList('sku', skus)] });
	if (!found.ok) return toPsaFailure(found);
	return psaOk(found.value.flatMap((r) => (r.sku && r.isActive !== false ? [{ id: r.id, sku: r.sku }] : [])));
}

/** Product links for these products; a product that cannot exist in Autotask maps to its failure. */
export async function ensureProducts(
	ctx: SyncContext,
	run: AutotaskRun,
	productIds: string[]
): Promise<PsaResult<Map<string, number | PsaFailure>>> {
	const out = new Map<string, number | PsaFailure>();
	const unlinked: { product: Product; category: Category | undefined }[] = [];
	for (const productId of productIds) {
		const linked = await ctx.links.get('products', productId);
		if (linked) {
			out.set(productId, Number(linked));
			continue;
		}
		const product = await ctx.data.get('products', productId);
		if (!product) continue;
		const category = product.categoryId ? await ctx.data.get('categories', product.categoryId) : undefined;
		unlinked.push({ product, category });
	}
	const skus = unlinked.map((u) => u.product.sku.trim()).filter(Boolean);
	const bySku = new Map<string, number>();
	if (skus.length > 0) {
		const found = await activeProductsBySku(run, skus);
		if (!found.ok) return found;
		for (const record of found.value) bySku.set(record.sku, record.id);
	}
	for (const { product, category } of unlinked) {
		let id = bySku.get(product.sku.trim());
		if (id === undefined) {
			const billingCode = Number(category?.billingCodeId);
			if (!category || !Number.isInteger(billingCode) || billingCode <= 0) {
				out.set(product.id, billingFailure(category?.id ?? product.categoryId ?? 'none'));
				continue;
			}
			const created = await run.client.create(
				'Products',
				productPayload(
					{
						name: product.name,
						sku: product.sku,
						description: product.description,
						unitPriceCents: product.price,
						unitCostCents: product.cost,
						doesNotRequireProcurement: product.noProcurement
					},
					billingCode
				)
			);
			if (!created.ok) {
				const failure = isBillingCodeFailure(created) ? billingFailure(category.id) : toPsaFailure(created);
				if (failure.kind !== 'permanent') return failure;
				out.set(product.id, failure);
				continue;
			}
			id = created.value;
			// The billing code it was made with: a later mapping change knows this product needs updating.
			await ctx.links.set(PRODUCT_BILLING_CODE_LINK, product.id, String(billingCode));
		}
		await ctx.links.set('products', product.id, String(id));
		out.set(product.id, id);
	}
	return psaOk(out);
}

export async function syncQuoteItems(
	ctx: SyncContext,
	run: AutotaskRun,
	quoteID: number,
	lines: QuoteLine[],
	options: { knownQuote: boolean }
): Promise<PsaResult<ItemsOutcome>> {
	const { client } = run;
	const itemTypes = await run.picklist('quoteItemTypes');
	if (!itemTypes.ok) return itemTypes;
	const productItemType = valueOf(itemTypes.value, 'Product') ?? 1;
	const products = await ensureProducts(ctx, run, [
		...new Set(lines.flatMap((l) => (l.productId ? [l.productId] : [])))
	]);
	if (!products.ok) return products;

	// Items already in Autotask are only asked for when the quote was there before this run.
	let existing: AutotaskQuoteItem[] = [];
	if (options.knownQuote || ctx.resumed) {
		const found = await client.queryAll('QuoteItems', { filter: [eq('quoteID', quoteID)] });
		if (!found.ok) return toPsaFailure(found);
		existing = found.value;
	}
	const unclaimed = new Map(existing.map((item) => [item.id, item]));
	const outcome: ItemsOutcome = { failed: [], failedProduct: null, billingCodeCategory: null };
	const failures = lineFailures(ctx.data);
	const fail = (line: QuoteLine, message: string) => failures.add(line, message);

	for (const [index, line] of lines.entries()) {
		const product = line.productId ? products.value.get(line.productId) : undefined;
		if (product !== undefined && typeof product !== 'number') {
			if (product.kind !== 'permanent') return product;
			if (product.rootCause?.kind === 'categoryBillingCode')
				outcome.billingCodeCategory ??= product.rootCause.categoryId;
			await fail(line, product.message);
			continue;
		}
		const payload = quoteItemPayload(line, {
			quoteID,
			productID: product ?? null,
			productItemType,
			sortOrder: index + 1
		});
		if (!payload.ok) {
			await fail(line, TEXT.lineWithoutProduct);
			continue;
		}
		const hash = contentHash(payload.value);
		let itemId = Number((await ctx.links.get('quoteLines', line.id)) ?? NaN);
		if (!unclaimed.has(itemId) && (options.knownQuote || ctx.resumed)) {
			// Linked to an item that is gone, or created by a run that died before linking it: match by place and product.
			const match = [...unclaimed.values()].find(
				(item) => item.sortOrderID === index + 1 && item.productID === payload.value.productID
			);
			itemId = match?.id ?? NaN;
		}
		let result;
		if (unclaimed.has(itemId)) {
			unclaimed.delete(itemId);
			if ((await ctx.links.get('quoteLineHashes', line.id)) === hash) continue;
			result = await client.update('QuoteItems', { ...payload.value, id: itemId });
		} else {
			result = await client.create('QuoteItems', payload.value);
		}
		if (!result.ok) {
			if (result.code !== 'rejected') return toPsaFailure(result);
			if (isBillingCodeFailure(result) && line.productId) {
				const productRow = await ctx.data.get('products', line.productId);
				outcome.billingCodeCategory ??= productRow?.categoryId ?? 'none';
			}
			await fail(line, result.message);
			continue;
		}
		await ctx.links.set('quoteLines', line.id, String(result.value));
		await ctx.links.set('quoteLineHashes', line.id, hash);
	}
	for (const stale of unclaimed.keys()) {
		const removed = await client.remove('QuoteItems', { id: stale, quoteID });
		if (!removed.ok && removed.code !== 'not_found') return toPsaFailure(removed);
	}
	return psaOk({ ...outcome, failed: failures.lines, failedProduct: failures.product });
}

/** A billing code Autotask refused fails the sync (a mapping to fix), naming the lines and their product. */
export function itemsFailure(outcome: ItemsOutcome): PsaFailure | null {
	if (!outcome.billingCodeCategory) return null;
	const failure: PsaFailure = { ...billingFailure(outcome.billingCodeCategory), lines: outcome.failed };
	return outcome.failedProduct ? { ...failure, entity: outcome.failedProduct } : failure;
}
