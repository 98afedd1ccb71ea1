// The catalog the line search reads (products, categories, pricing books) and its search index, one
// per local database and shared by every quote editor open on it. Opening another quote finds both
// ready instead of reading thousands of products and indexing them again: at 5,000 products that
// read holds IndexedDB (a local write waits behind it) and the index is one long task, right after
// the quote paints. A live query keeps them current while an editor holds them and for a while after
// the last one lets go; then the query stops and the rows are dropped, so nothing stale is shown later.

import { liveQuery, type Subscription } from 'dexie';
import { indexProducts, type ProductSearchIndex } from '../catalog/product-search-index.ts';
import type { LocalDb } from '../platform/local-db.ts';
import { EMPTY_CATALOG, loadCatalog, type Catalog } from './catalog-query.ts';

/** How long the catalog stays live after the last editor lets go: a rep moving between quotes keeps it. */
export const CATALOG_LINGER_MS = 120_000;

export class SharedCatalog {
	current = $state.raw<Catalog>(EMPTY_CATALOG);
	loaded = $state(false);
	readonly #db: LocalDb;
	readonly #lingerMs: number;
	#holders = 0;
	#subscription: Subscription | null = null;
	#linger: ReturnType<typeof setTimeout> | null = null;
	/** The index of one snapshot, built when first asked for (a $derived is built again on the first read after no editor reads it). */
	#indexed: { of: Catalog; index: ProductSearchIndex } | null = null;

	constructor(db: LocalDb, lingerMs: number) {
		this.#db = db;
		this.#lingerMs = lingerMs;
	}

	get index(): ProductSearchIndex {
		const catalog = this.current;
		if (this.#indexed?.of !== catalog) {
			this.#indexed = { of: catalog, index: indexProducts(catalog.products, catalog.categories) };
		}
		return this.#indexed.index;
	}

	/** Keeps the catalog live until the returned function is called (once). */
	hold(): () => void {
		this.#holders += 1;
		if (this.#linger !== null) clearTimeout(this.#linger);
		this.#linger = null;
		this.#subscription ??= liveQuery(() => loadCatalog(this.#db)).subscribe({
			next: (next) => {
				this.current = next;
				this.loaded = true;
			},
			error: (error) => console.error('A local query failed', error)
		});
		let released = false;
		return () => {
			if (released) return;
			released = true;
			this.#holders -= 1;
			if (this.#holders === 0) this.#linger = setTimeout(() => this.#letGo(), this.#lingerMs);
		};
	}

	#letGo(): void {
		this.#linger = null;
		this.#subscription?.unsubscribe();
		this.#subscription = null;
		this.current = EMPTY_CATALOG;
		this.#indexed = null;
		this.loaded = false;
	}
}

const catalogs = new WeakMap<LocalDb, SharedCatalog>();

/** The one shared catalog of `db` (`lingerMs` applies when this call creates it). */
export function sharedCatalog(db: LocalDb, lingerMs = CATALOG_LINGER_MS): SharedCatalog {
	let catalog = catalogs.get(db);
	if (!catalog) catalogs.set(db, (catalog = new SharedCatalog(db, lingerMs)));
	return catalog;
}
