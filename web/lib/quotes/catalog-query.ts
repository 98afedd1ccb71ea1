// The local catalog the line search reads: every product, the categories (for default markups) and
// the pricing books (for customer prices), in one read.

import type { Category, PricingBook, Product } from '../../../shared/schema/catalog-entities.ts';
import type { LocalDb } from '../platform/local-db.ts';

export type Catalog = { products: Product[]; categories: ReadonlyMap<string, Category>; books: PricingBook[] };

export const EMPTY_CATALOG: Catalog = { products: [], categories: new Map(), books: [] };

export async function loadCatalog(db: LocalDb): Promise<Catalog> {
	return db.transaction('r', [db.products, db.categories, db.pricingBooks], async () => {
		const [products, categories, books] = await Promise.all([
			db.products.toArray(),
			db.categories.toArray(),
			db.pricingBooks.toArray()
		]);
		return { products, categories: new Map(categories.map((c) => [c.id, c])), books };
	});
}
