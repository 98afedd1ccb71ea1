// The product editor's state: the product on this device, the draft being typed, and what saving
// said. A new product gets its UUIDv7 id when first saved. The draft follows the stored product
// (a sync, another tab) until the person starts typing, so it never overwrites their work.

import { uuidv7 } from 'uuidv7';
import type { Product } from '../../../shared/schema/catalog-entities.ts';
import { live } from '../sync/live.svelte.ts';
import type { Replica } from '../sync/replica.svelte.ts';
import { emptyDraft, fromDraft, toDraft, type DraftErrors, type ProductDraft } from './product-form.ts';

export const NEW_PRODUCT = 'new';

export class ProductEditor {
	draft = $state<ProductDraft>(emptyDraft());
	errors = $state<DraftErrors>({});
	/** Set after a save or a refusal: one sentence for the status line. */
	message = $state<string | null>(null);
	saving = $state(false);
	#dirty = $state(false);
	#product;
	readonly #replica: () => Replica | null;
	readonly #id: () => string;

	constructor(replica: () => Replica | null, id: () => string) {
		this.#replica = replica;
		this.#id = id;
		this.#product = live<Product | null | undefined>(undefined, () => {
			const db = replica()?.db;
			const productId = id();
			return db && productId !== NEW_PRODUCT ? async () => (await db.products.get(productId)) ?? null : null;
		});
		$effect(() => {
			const stored = this.#product.current;
			if (stored && !this.#dirty) this.draft = toDraft(stored);
		});
	}

	get isNew(): boolean {
		return this.#id() === NEW_PRODUCT;
	}

	/** undefined while loading, null when this device has no such product. */
	get product(): Product | null | undefined {
		return this.isNew ? null : this.#product.current;
	}

	/** Call on every input: from then on the draft is the person's, not the stored row's. */
	touch(): void {
		this.#dirty = true;
		this.message = null;
	}

	/** Saves on this device; resolves to the product's id when it was saved. */
	async save(): Promise<string | null> {
		const replica = this.#replica();
		if (!replica || this.saving) return null;
		const id = this.isNew ? uuidv7() : this.#id();
		const result = fromDraft(id, this.draft);
		if (!result.ok) {
			this.errors = result.errors;
			this.message = 'Check the fields marked below.';
			return null;
		}
		this.saving = true;
		try {
			const saved = await replica.mutate('saveProduct', result.product);
			if (!saved.ok) {
				this.errors = {};
				this.message = saved.message;
				return null;
			}
			this.errors = {};
			this.#dirty = false;
			this.message = 'Saved on this device. It syncs when you are online.';
			return id;
		} finally {
			this.saving = false;
		}
	}

	/** Drops what was typed and shows the stored product again. */
	revert(): void {
		this.#dirty = false;
		this.errors = {};
		this.message = null;
		const stored = this.#product.current;
		this.draft = stored ? toDraft(stored) : emptyDraft();
	}
}
