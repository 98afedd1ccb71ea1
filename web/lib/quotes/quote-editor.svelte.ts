// The quote editor's state: the quote, its lines in sections, totals, who may edit, and every change
// as a field-level local mutation. Changes that depend on the current order (adding at the end of a
// section, moving, renaming a section) run one after another and read the lines afresh, so two
// quick taps each see the other's write.

import { uuidv7 } from 'uuidv7';
import { can } from '../../../shared/auth/permissions.ts';
import { readScope } from '../../../shared/auth/read-scope.ts';
import type { MutationArgs } from '../../../shared/mutations/registry.ts';
import { quoteTotals } from '../../../shared/pricing/quote-totals.ts';
import { isQuoteEditable } from '../../../shared/quotes/status-flow.ts';
import type { Company, Quote, QuoteLine, QuoteStatus } from '../../../shared/schema/entities.ts';
import { live } from '../sync/live.svelte.ts';
import type { RowRef } from '../sync/idb-tx.ts';
import type { LocalWriteOptions } from '../sync/local-mutation.ts';
import { serialQueue } from '../sync/serial-queue.ts';
import { planInsert, planMove, sortByPosition, type KeyUpdate } from './line-order.ts';
import { displayOrder, groupBySection, insertIndexFor } from './line-sections.ts';
import { OverwriteTracker, type KeyValueStorage } from './overwrite-tracker.svelte.ts';
import { loadQuoteDetail, type QuoteDetail } from './quote-detail.ts';
import type { QuoteReplica } from './quote-replica.ts';

export type QuoteFields = Omit<MutationArgs<'updateQuote'>, 'id'>;
export type LineFields = Omit<MutationArgs<'updateQuoteLine'>, 'id'>;

export class QuoteEditor {
	readonly replica: QuoteReplica;
	readonly overwrites: OverwriteTracker;
	/** The last refusal on this device, per place: 'header', 'status', 'lines' or a line id. */
	errors = $state<Record<string, string>>({});
	/** The line removed last, as it was, while its Undo is still offered. */
	removed = $state<QuoteLine | null>(null);
	readonly #detail;
	readonly #companies;
	readonly #quoteId: () => string;
	readonly #serialWith = serialQueue();

	readonly detail: QuoteDetail | null = $derived.by(() => this.#detail.current);
	readonly quote: Quote | null = $derived.by(() => this.detail?.quote ?? null);
	readonly groups = $derived.by(() => groupBySection(this.detail?.lines ?? []));
	/** The lines as listed and numbered: section after section. */
	readonly order: QuoteLine[] = $derived.by(() => displayOrder(this.groups));
	readonly totals = $derived.by(() => quoteTotals(this.order));
	readonly sectionNames: string[] = $derived.by(() => this.groups.map((g) => g.name).filter((n) => n !== ''));
	readonly mayEdit: boolean;
	/** Products replicate only to people with a product permission; others add free-text lines. */
	readonly hasCatalog: boolean;
	readonly readonly: boolean = $derived.by(() => !this.mayEdit || !this.quote || !isQuoteEditable(this.quote.status));

	constructor(replica: QuoteReplica, quoteId: () => string, storage: KeyValueStorage | null = null) {
		this.replica = replica;
		this.#quoteId = quoteId;
		this.mayEdit = can(replica.principal, 'quoteEditor');
		this.hasCatalog = readScope(replica.principal, 'products').kind !== 'none';
		this.overwrites = new OverwriteTracker(storage, `outpost:overwrites:${replica.db.name}`);
		const db = replica.db;
		this.#detail = live<QuoteDetail | null>(null, () => {
			const id = quoteId();
			return () => loadQuoteDetail(db, id, this.overwrites.seenUpTo);
		});
		this.#companies = live<Company[]>(
			[],
			() => () =>
				db.companies
					.orderBy('name')
					.filter((c) => !c.isMsp)
					.toArray()
		);
		$effect(() => {
			const detail = this.#detail.current;
			if (detail) this.overwrites.observe(detail);
		});
	}

	get loaded(): boolean {
		return this.#detail.loaded;
	}

	get companies(): Company[] {
		return this.#companies.current;
	}

	/** 1-based, as the rows are labelled ("Quantity of line 3"). */
	numberOf(lineId: string): number {
		return this.order.findIndex((l) => l.id === lineId) + 1;
	}

	async saveQuote(fields: QuoteFields, place = 'header'): Promise<boolean> {
		return this.#run(place, () => this.replica.mutate('updateQuote', { id: this.#quoteId(), ...fields }));
	}

	setStatus(status: QuoteStatus): Promise<boolean> {
		return this.saveQuote({ status }, 'status');
	}

	async updateLine(id: string, fields: LineFields): Promise<boolean> {
		return this.#run(id, () => this.#updateLine({ id, ...fields }));
	}

	async removeLine(id: string): Promise<boolean> {
		const line = this.order.find((l) => l.id === id) ?? null;
		const ok = await this.#run(id, () => this.replica.mutate('removeQuoteLine', { id }, this.#withQuote()));
		if (ok && line) this.removed = $state.snapshot(line);
		return ok;
	}

	/**
	 * Puts the line removed last back, as a new mutation after the removal in the outbox (so it works
	 * offline and the gateway replays both in order): the same id, fields and position. Its product
	 * link goes along only for who may read the catalog, as when adding a product.
	 */
	undoRemove(): Promise<string | null> {
		const line = this.removed;
		this.removed = null;
		if (!line) return Promise.resolve(null);
		const { id, quoteId, productId, description, quantity, unitPrice, unitCost, discountPercent } = line;
		const { billing, optional, section, position } = line;
		const product = productId !== null && this.hasCatalog ? { productId } : {};
		const args = { id, quoteId, ...product, description, quantity, unitPrice, unitCost, discountPercent };
		return this.#serialWith(async () => {
			const ok = await this.#run('lines', () => this.#addLine({ ...args, billing, optional, section, position }));
			return ok ? id : null;
		});
	}

	/** The Undo is no longer offered (its time ran out, or another line was removed). */
	forgetRemoved(): void {
		this.removed = null;
	}

	/**
	 * Adds a catalog product at the end of `section`: its name, cost, billing and the customer's price
	 * come from the catalog, unless a unit price is given.
	 */
	addProduct(productId: string, quantity: number, section: string, unitPrice?: number): Promise<string | null> {
		return this.#add({ productId, quantity, section, ...(unitPrice === undefined ? {} : { unitPrice }) });
	}

	/** Adds a free-text line at the end of `section`. */
	addFreeText(description: string, quantity: number, section: string, unitPrice: number): Promise<string | null> {
		return this.#add({ description, unitPrice, quantity, section });
	}

	/** Moves a line up (-1) or down (+1) within its section. */
	moveLine(id: string, step: -1 | 1): Promise<boolean> {
		return this.#serial(async (order) => {
			const from = order.findIndex((l) => l.id === id);
			const to = from + step;
			if (from < 0 || order[to]?.section !== order[from]!.section) return true;
			return this.#writeKeys(planMove(order, from, to));
		});
	}

	/** Puts a line just before or after another (dragged there), joining that line's section. */
	placeLine(id: string, targetId: string, side: 'before' | 'after'): Promise<boolean> {
		return this.#serial(async (order) => {
			const target = order.find((l) => l.id === targetId);
			const rest = order.filter((l) => l.id !== id);
			if (!target || id === targetId || rest.length === order.length) return true;
			const at = rest.indexOf(target) + (side === 'after' ? 1 : 0);
			const { keys, updates } = planInsert(rest, at);
			const fields = { position: keys[0]!, section: target.section };
			const placed = await this.#run(id, () => this.#updateLine({ id, ...fields }));
			return placed && this.#writeKeys(updates);
		});
	}

	/** Moves a line to the end of another section ('' for none). */
	moveToSection(id: string, section: string): Promise<boolean> {
		return this.#serial(async (order) => {
			const rest = order.filter((l) => l.id !== id);
			if (rest.length === order.length) return true;
			const { keys, updates } = planInsert(rest, insertIndexFor(rest, section));
			const moved = await this.#run(id, () => this.#updateLine({ id, section, position: keys[0]! }));
			return moved && this.#writeKeys(updates);
		});
	}

	/** Renames a section: each of its lines gets the new heading; joining an existing section puts them at its end. */
	renameSection(from: string, to: string): Promise<boolean> {
		return this.#serial(async (order) => {
			const moving = order.filter((l) => l.section === from);
			if (from === to || moving.length === 0) return true;
			const rest = order.filter((l) => l.section !== from);
			const joins = rest.some((l) => l.section === to);
			const { keys, updates } = joins
				? planInsert(rest, insertIndexFor(rest, to), moving.length)
				: { keys: [], updates: [] };
			for (const [k, line] of moving.entries()) {
				const position = keys[k];
				const fields = position ? { section: to, position } : { section: to };
				if (!(await this.#run('lines', () => this.#updateLine({ id: line.id, ...fields })))) return false;
			}
			return this.#writeKeys(updates);
		});
	}

	/** A copy of this quote as a new draft; returns the copy's id. */
	duplicate(): Promise<string | null> {
		return this.#copy('duplicateQuote');
	}

	/** A new draft revision (a sent quote is retracted); returns its id. */
	revise(): Promise<string | null> {
		return this.#copy('reviseQuote');
	}

	async #copy(name: 'duplicateQuote' | 'reviseQuote'): Promise<string | null> {
		return this.#serialWith(async () => {
			const lines = await this.#freshLines();
			const newId = uuidv7();
			const lineIds = sortByPosition(lines).map(() => uuidv7());
			const ok = await this.#run('status', () => this.replica.mutate(name, { id: this.#quoteId(), newId, lineIds }));
			return ok ? newId : null;
		});
	}

	#add(fields: {
		productId?: string;
		description?: string;
		unitPrice?: number;
		quantity: number;
		section: string;
	}): Promise<string | null> {
		return this.#serialWith(async () => {
			const order = displayOrder(groupBySection(await this.#freshLines()));
			const { keys, updates } = planInsert(order, insertIndexFor(order, fields.section));
			const id = uuidv7();
			const added = await this.#run('lines', () =>
				this.#addLine({ id, quoteId: this.#quoteId(), position: keys[0]!, ...fields })
			);
			return added && (await this.#writeKeys(updates)) ? id : null;
		});
	}

	async #writeKeys(updates: readonly KeyUpdate[]): Promise<boolean> {
		for (const { id, position } of updates) {
			if (!(await this.#run(id, () => this.#updateLine({ id, position })))) return false;
		}
		return true;
	}

	/**
	 * The mutations below read a row whose key only an earlier read gives them (a line's quote); the
	 * editor knows it already, so it is asked for beside the first read (LocalWriteOptions.readAhead).
	 */
	#withQuote(): LocalWriteOptions {
		return { readAhead: [['quotes', this.#quoteId()]] };
	}

	#updateLine(args: MutationArgs<'updateQuoteLine'>) {
		return this.replica.mutate('updateQuoteLine', args, this.#withQuote());
	}

	/** After the quote, addQuoteLine checks the new id is free and reads the product. */
	#addLine(args: MutationArgs<'addQuoteLine'>) {
		const product: RowRef[] = args.productId ? [['products', args.productId]] : [];
		return this.replica.mutate('addQuoteLine', args, { readAhead: [['quoteLines', args.id], ...product] });
	}

	#freshLines(): Promise<QuoteLine[]> {
		return this.replica.db.quoteLines.where('quoteId').equals(this.#quoteId()).toArray();
	}

	#serial(task: (order: QuoteLine[]) => Promise<boolean>): Promise<boolean> {
		return this.#serialWith(async () => task(displayOrder(groupBySection(await this.#freshLines()))));
	}

	async #run(place: string, mutate: () => Promise<{ ok: true } | { ok: false; message: string }>): Promise<boolean> {
		const result = await mutate();
		if (result.ok) {
			if (place in this.errors) delete this.errors[place];
			return true;
		}
		this.errors[place] = result.message;
		return false;
	}
}
