// The catalog as this device holds it, kept current by live queries: products by name, categories
// by name, and the lookups the catalog screens share. Construct it during component initialisation.

import type { Category, Product } from '../../../shared/schema/catalog-entities.ts';
import { live } from '../sync/live.svelte.ts';
import type { Replica } from '../sync/replica.svelte.ts';
import { byId } from './catalog-lookups.ts';
import { indexProducts, type ProductSearchIndex } from './product-search-index.ts';

export class CatalogData {
	readonly #products;
	readonly #categories;
	readonly index: ProductSearchIndex;
	readonly productsById: ReadonlyMap<string, Product>;
	readonly categoriesById: ReadonlyMap<string, Category>;

	constructor(replica: () => Replica | null) {
		this.#products = live<Product[]>([], () => {
			const db = replica()?.db;
			return db ? () => db.products.orderBy('name').toArray() : null;
		});
		this.#categories = live<Category[]>([], () => {
			const db = replica()?.db;
			return db ? () => db.categories.orderBy('name').toArray() : null;
		});
		this.productsById = $derived(byId(this.#products.current));
		this.categoriesById = $derived(byId(this.#categories.current));
		this.index = $derived(indexProducts(this.#products.current, this.categoriesById));
	}

	get products(): Product[] {
		return this.#products.current;
	}

	get categories(): Category[] {
		return this.#categories.current;
	}

	get loaded(): boolean {
		return this.#products.loaded && this.#categories.loaded;
	}
}
