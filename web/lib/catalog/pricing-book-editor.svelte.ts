// The pricing book editor's state: the book on this device, the companies it may be assigned to,
// the product search for adding prices, and one message per control. Every change reads the
// latest stored book and saves it whole, one change at a time, so quick edits never undo each other.

import { listPrice } from '../../../shared/pricing/customer-price.ts';
import { parseMoney } from '../../../shared/pricing/quote-totals.ts';
import { pricingBookSchema, type PricingBook, type Product } from '../../../shared/schema/catalog-entities.ts';
import type { Company } from '../../../shared/schema/entities.ts';
import { live } from '../sync/live.svelte.ts';
import type { Replica } from '../sync/replica.svelte.ts';
import { serialQueue } from '../sync/serial-queue.ts';
import type { CatalogData } from './catalog-data.svelte.ts';
import { bookLines, withCompany, withoutPrice, withPrice, type BookLine } from './pricing-books.ts';
import { searchProducts } from './product-search.ts';

const SUGGESTIONS = 8;

export class PricingBookEditor {
	errors = $state<Record<string, string>>({});
	productQuery = $state('');
	readonly lines: BookLine[];
	readonly suggestions: Product[];
	readonly #book;
	readonly #companies;
	readonly #replica: () => Replica | null;
	readonly #id: () => string;
	readonly #data: CatalogData;
	readonly #serial = serialQueue();

	constructor(replica: () => Replica | null, id: () => string, data: CatalogData) {
		this.#replica = replica;
		this.#id = id;
		this.#data = data;
		this.#book = live<PricingBook | null | undefined>(undefined, () => {
			const db = replica()?.db;
			const bookId = id();
			return db ? async () => (await db.pricingBooks.get(bookId)) ?? null : null;
		});
		this.#companies = live<Company[]>([], () => {
			const db = replica()?.db;
			return db ? async () => (await db.companies.orderBy('name').toArray()).filter((c) => !c.isMsp) : null;
		});
		this.lines = $derived(this.#book.current ? bookLines(this.#book.current, data.productsById) : []);
		this.suggestions = $derived.by(() => {
			const prices = this.#book.current?.prices ?? {};
			if (!this.productQuery.trim()) return [];
			return searchProducts(data.index, this.productQuery)
				.products.filter((p) => !(p.id in prices))
				.slice(0, SUGGESTIONS);
		});
	}

	/** undefined while loading, null when this device has no such book. */
	get book(): PricingBook | null | undefined {
		return this.#book.current;
	}

	get companies(): Company[] {
		return this.#companies.current;
	}

	rename(name: string): Promise<boolean> {
		if (!name.trim()) return Promise.resolve(this.#fail('name', 'Name must not be empty.'));
		return this.#change('name', (book) => ({ ...book, name: name.trim() }));
	}

	setValidity(field: 'validFrom' | 'validTo', date: string): Promise<boolean> {
		return this.#change('validity', (book) => ({ ...book, [field]: date || null }));
	}

	assign(companyId: string, assigned: boolean): Promise<boolean> {
		return this.#change('companies', (book) => withCompany(book, companyId, assigned));
	}

	/** Adds a product at its list price (or its markup price), for the person to lower. */
	addProduct(product: Product): Promise<boolean> {
		const category = product.categoryId ? this.#data.categoriesById.get(product.categoryId) : undefined;
		this.productQuery = '';
		return this.#change('add', (book) => withPrice(book, product.id, listPrice(product, category).price));
	}

	setPrice(productId: string, text: string): Promise<boolean> {
		const price = parseMoney(text);
		if (price === null || price < 0)
			return Promise.resolve(this.#fail(`price:${productId}`, 'Price must be an amount like 1234.50.'));
		return this.#change(`price:${productId}`, (book) => withPrice(book, productId, price));
	}

	removeProduct(productId: string): Promise<boolean> {
		return this.#change(`price:${productId}`, (book) => withoutPrice(book, productId));
	}

	async delete(): Promise<boolean> {
		const replica = this.#replica();
		if (!replica) return false;
		const result = await replica.mutate('deletePricingBook', { id: this.#id() });
		return result.ok || this.#fail('delete', result.message);
	}

	#change(key: string, change: (book: PricingBook) => PricingBook): Promise<boolean> {
		const run = async () => {
			const replica = this.#replica();
			const book = await replica?.db.pricingBooks.get(this.#id());
			if (!replica || !book) return this.#fail(key, 'This pricing book is no longer on this device.');
			const checked = pricingBookSchema.safeParse(change(book));
			if (!checked.success) {
				const validity = checked.error.issues.some((i) => i.path[0] === 'validTo');
				return this.#fail(key, validity ? 'Valid to must not be before valid from.' : checked.error.issues[0]!.message);
			}
			const result = await replica.mutate('savePricingBook', checked.data);
			if (!result.ok) return this.#fail(key, result.message);
			delete this.errors[key];
			return true;
		};
		return this.#serial(run);
	}

	#fail(key: string, message: string): false {
		this.errors[key] = message;
		return false;
	}
}
