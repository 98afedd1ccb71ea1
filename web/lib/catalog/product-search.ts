// Search as you type over the local catalog: every word typed must appear in a product's name,
// SKU or MPN. The text to search is prepared once per catalog change, so a keystroke over 5,000
// products is a plain scan of short strings.

import type { Product } from '../../../shared/schema/catalog-entities.ts';

export type SearchableProduct = { product: Product; text: string; sku: string };

/** Products with no category, for the category filter. */
export const NO_CATEGORY = 'none';
export const ANY_CATEGORY = '';

export function indexProducts(products: readonly Product[]): SearchableProduct[] {
	return products.map((product) => ({
		product,
		text: `${product.name}\n${product.sku}\n${product.mpn}`.toLowerCase(),
		sku: product.sku.toLowerCase()
	}));
}

/**
 * `category` is a category id, ANY_CATEGORY or NO_CATEGORY. A product whose SKU or MPN is exactly
 * what was typed comes first: someone typing a part number wants that part.
 */
export function searchProducts(index: readonly SearchableProduct[], query: string, category = ANY_CATEGORY): Product[] {
	const words = query.toLowerCase().split(/\s+/).filter(Boolean);
	const needle = query.trim().toLowerCase();
	const exact: Product[] = [];
	const rest: Product[] = [];
	const wanted = category === ANY_CATEGORY ? undefined : category === NO_CATEGORY ? null : category;
	next: for (const entry of index) {
		if (wanted !== undefined && entry.product.categoryId !== wanted) continue;
		for (const word of words) if (!entry.text.includes(word)) continue next;
		if (needle && (entry.sku === needle || entry.product.mpn.toLowerCase() === needle)) exact.push(entry.product);
		else rest.push(entry.product);
	}
	return exact.length ? [...exact, ...rest] : rest;
}
