// Customer pricing books as the editor shows and changes them. Each change returns a new book,
// saved whole by savePricingBook; which price a quote line gets is shared/pricing's business.

import type { PricingBook, Product } from '../../../shared/schema/catalog-entities.ts';

export type BookStatus = 'current' | 'upcoming' | 'expired';
export const BOOK_STATUS_LABELS: Record<BookStatus, string> = {
	current: 'In force',
	upcoming: 'Not yet valid',
	expired: 'Expired'
};

/** `today` is an ISO date; a book is in force from its validFrom through its validTo. */
/** The shared badge style (web/app.css) that shows each status. */
export const BOOK_STATUS_BADGES: Record<BookStatus, string> = { current: 'ok', upcoming: 'neutral', expired: 'danger' };

export function bookStatus(book: Pick<PricingBook, 'validFrom' | 'validTo'>, today: string): BookStatus {
	if (book.validFrom && today < book.validFrom) return 'upcoming';
	if (book.validTo && today > book.validTo) return 'expired';
	return 'current';
}

export function validityText(book: Pick<PricingBook, 'validFrom' | 'validTo'>): string {
	if (book.validFrom && book.validTo) return `${book.validFrom} to ${book.validTo}`;
	if (book.validFrom) return `From ${book.validFrom}`;
	if (book.validTo) return `Until ${book.validTo}`;
	return 'No end date';
}

export function newPricingBook(id: string, name: string): PricingBook {
	return { id, name: name.trim(), companyIds: [], validFrom: null, validTo: null, prices: {} };
}

export type BookLine = { productId: string; product: Product | undefined; price: number };

/** The book's prices with their products, by product name; a price for a product since removed stays visible. */
export function bookLines(book: PricingBook, productsById: ReadonlyMap<string, Product>): BookLine[] {
	const lines = Object.entries(book.prices).map(([productId, price]) => ({
		productId,
		product: productsById.get(productId),
		price
	}));
	return lines.sort(
		(a, b) =>
			(a.product?.name ?? '\uffff').localeCompare(b.product?.name ?? '\uffff') || a.productId.localeCompare(b.productId)
	);
}

export function withPrice(book: PricingBook, productId: string, price: number): PricingBook {
	return { ...book, prices: { ...book.prices, [productId]: price } };
}

export function withoutPrice(book: PricingBook, productId: string): PricingBook {
	const prices = { ...book.prices };
	delete prices[productId];
	return { ...book, prices };
}

export function withCompany(book: PricingBook, companyId: string, assigned: boolean): PricingBook {
	const others = book.companyIds.filter((id) => id !== companyId);
	return { ...book, companyIds: assigned ? [...others, companyId] : others };
}
