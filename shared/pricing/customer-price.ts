// Which unit price a customer gets for a product: the lowest price among the pricing books assigned
// to their company that are valid that day, else the product's list price, else cost plus the
// category's default markup.

import type { Category, PricingBook, Product } from '../schema/catalog-entities.ts';

export type PriceSource =
	{ price: number; source: 'pricing-book'; bookId: string } | { price: number; source: 'list' | 'markup' };

export function listPrice(
	product: Pick<Product, 'price' | 'cost'>,
	category: Pick<Category, 'defaultMarkupPercent'> | undefined
): PriceSource {
	if (product.price > 0 || !category) return { price: product.price, source: 'list' };
	return { price: Math.round(product.cost * (1 + category.defaultMarkupPercent / 100)), source: 'markup' };
}

/** `today` is an ISO date (YYYY-MM-DD); a book is valid from its validFrom through its validTo. */
export function customerPrice(
	product: Pick<Product, 'id' | 'price' | 'cost'>,
	category: Pick<Category, 'defaultMarkupPercent'> | undefined,
	companyId: string,
	books: readonly PricingBook[],
	today: string
): PriceSource {
	let best: PriceSource | null = null;
	for (const book of books) {
		if (!book.companyIds.includes(companyId)) continue;
		if ((book.validFrom && today < book.validFrom) || (book.validTo && today > book.validTo)) continue;
		const price = book.prices[product.id];
		if (price === undefined) continue;
		if (!best || price < best.price || (price === best.price && 'bookId' in best && book.id < best.bookId)) {
			best = { price, source: 'pricing-book', bookId: book.id };
		}
	}
	return best ?? listPrice(product, category);
}

export function isoDay(epochMs: number): string {
	return new Date(epochMs).toISOString().slice(0, 10);
}
