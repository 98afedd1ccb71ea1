// The products screen's state: what was typed, the category picked, and how many matches are
// shown. Matches are listed a page at a time, so 5,000 products render as quickly as fifty.

import type { Product } from '../../../shared/schema/catalog-entities.ts';
import type { CatalogData } from './catalog-data.svelte.ts';
import { ANY_CATEGORY, searchProducts } from './product-search.ts';

export const PAGE_SIZE = 50;

export class ProductList {
	#search = $state('');
	#category = $state(ANY_CATEGORY);
	shown = $state(PAGE_SIZE);
	readonly matches: Product[];
	readonly visible: Product[];

	constructor(data: CatalogData) {
		this.matches = $derived(searchProducts(data.index, this.#search, { category: this.#category }).products);
		this.visible = $derived(this.matches.slice(0, this.shown));
	}

	get search(): string {
		return this.#search;
	}

	/** A new search starts again from its first page. */
	set search(value: string) {
		this.#search = value;
		this.shown = PAGE_SIZE;
	}

	get category(): string {
		return this.#category;
	}

	set category(value: string) {
		this.#category = value;
		this.shown = PAGE_SIZE;
	}

	get more(): number {
		return Math.max(0, this.matches.length - this.shown);
	}

	showMore(): void {
		this.shown += PAGE_SIZE;
	}
}
