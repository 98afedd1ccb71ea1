// The "add a line" box: search the local catalog as you type (catalog/product-search.ts: products
// on sale, each with the customer's price), pick with the arrow keys and Enter, or add what was
// typed as a free-text line. A price typed beside it prices the new line (a product's otherwise
// comes from the catalog and pricing books). People without a product permission have no catalog:
// free text only.

import { customerPrice, isoDay } from '../../../shared/pricing/customer-price.ts';
import { parseMoney } from '../../../shared/pricing/quote-totals.ts';
import type { Product } from '../../../shared/schema/catalog-entities.ts';
import { searchProducts, type SearchResult } from '../catalog/product-search.ts';
import { parseQuantity } from './line-inputs.ts';
import { cleanSectionName } from './line-sections.ts';
import { sharedCatalog, type SharedCatalog } from './shared-catalog.svelte.ts';
import type { QuoteEditor } from './quote-editor.svelte.ts';

export type LineOption =
	| { kind: 'product'; key: string; product: Product; price: number }
	| { kind: 'free'; key: 'free'; description: string };

const NO_MATCHES: SearchResult = { products: [], total: 0 };
/** Options listed at once; the hint says how many more match. */
const SHOWN = 8;

export class LineSearch {
	query = $state('');
	quantity = $state('1');
	/** Optional: blank takes the catalog's price for a product, zero for free text. */
	price = $state('');
	/** The section typed for new lines; null follows the last section of the quote. */
	chosenSection = $state<string | null>(null);
	active = $state(0);
	open = $state(false);
	error = $state<string | null>(null);
	/** What the last add did, for the screen reader's live region. */
	announcement = $state('');
	readonly #editor: QuoteEditor;
	/** Shared with every other editor on this device's replica: a quote opened after another finds it ready. */
	readonly #catalog: SharedCatalog;
	/** Retired products are not offered for new lines. */
	readonly matches: SearchResult = $derived.by(() =>
		this.#editor.hasCatalog && this.query.trim() !== ''
			? searchProducts(this.#catalog.index, this.query, { activeOnly: true, limit: SHOWN })
			: NO_MATCHES
	);
	/** The catalog is read once the quote is on screen (see want()), not in the way of opening it, unless another editor has it already. */
	#wanted = $state(false);
	readonly options: LineOption[] = $derived.by(() => {
		const text = this.query.trim();
		const products = this.matches.products.map((product): LineOption => ({
			kind: 'product',
			key: product.id,
			product,
			price: this.#priceOf(product)
		}));
		return text ? [...products, { kind: 'free', key: 'free', description: text }] : products;
	});

	constructor(editor: QuoteEditor) {
		this.#editor = editor;
		this.#catalog = sharedCatalog(editor.replica.db);
		$effect(() => {
			if (editor.hasCatalog && this.#wanted) return this.#catalog.hold();
		});
	}

	/** Where new lines go: the section chosen, else the one the quote's last line is in ('' for none). */
	get section(): string {
		return this.chosenSection ?? this.#editor.groups.at(-1)?.name ?? '';
	}

	/** Starts reading the catalog (thousands of products): when the box is used, or once the page is idle. */
	want(): void {
		this.#wanted = true;
	}

	get catalogLoaded(): boolean {
		return this.#catalog.loaded;
	}

	get hasCatalog(): boolean {
		return this.#editor.hasCatalog;
	}

	/**
	 * Read from the index on purpose: the hint shows this as soon as the catalog arrives, so the
	 * index (tens of milliseconds at 5,000 products) is built then, not on the first keystroke.
	 */
	get catalogSize(): number {
		return this.#catalog.index.entries.length;
	}

	get activeOption(): LineOption | undefined {
		return this.open ? this.options[this.active] : undefined;
	}

	type(text: string): void {
		this.want();
		this.query = text;
		this.active = 0;
		this.open = text.trim() !== '';
	}

	/** Arrow keys move through the options, Enter adds the highlighted one, Escape closes the list. */
	keydown(event: KeyboardEvent): Promise<LineOption | null> | void {
		const count = this.options.length;
		if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
			event.preventDefault();
			if (!this.open) return void (this.open = count > 0);
			const step = event.key === 'ArrowDown' ? 1 : -1;
			this.active = (this.active + step + count) % Math.max(count, 1);
		} else if (event.key === 'Escape' && this.open) {
			event.preventDefault();
			this.open = false;
		} else if (event.key === 'Enter') {
			event.preventDefault();
			const option = this.activeOption ?? this.options.at(-1);
			if (option) return this.choose(option);
		}
	}

	/** Adds the option as a line; returns it when added (the caller moves focus). */
	async choose(option: LineOption): Promise<LineOption | null> {
		const quantity = parseQuantity(this.quantity);
		const section = cleanSectionName(this.section);
		const unitPrice = this.price.trim() === '' ? undefined : parseMoney(this.price);
		if (quantity === null) {
			this.error = 'Quantity must be a number from 0 to 1,000,000.';
			return null;
		}
		if (unitPrice === null) {
			this.error = 'Unit price must be an amount like 12.50, or blank.';
			return null;
		}
		const id =
			option.kind === 'product'
				? await this.#editor.addProduct(option.product.id, quantity, section, unitPrice)
				: await this.#editor.addFreeText(option.description, quantity, section, unitPrice ?? 0);
		if (!id) {
			this.error = this.#editor.errors.lines ?? 'The line could not be added.';
			return null;
		}
		this.error = null;
		this.announcement = `Added ${option.kind === 'product' ? option.product.name : option.description}${section ? ` to ${section}` : ''}.`;
		this.query = '';
		this.quantity = '1';
		this.price = '';
		this.open = false;
		this.active = 0;
		return option;
	}

	#priceOf(product: Product): number {
		const { categories, books } = this.#catalog.current;
		const category = product.categoryId ? categories.get(product.categoryId) : undefined;
		const companyId = this.#editor.quote?.companyId ?? '';
		return customerPrice(product, category, companyId, books, isoDay(Date.now())).price;
	}
}
