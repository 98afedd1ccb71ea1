// The quote list screen's state: the quotes on this device, their totals (arriving a moment after
// the rows, since they read every line), and the search, filters and sort the rep chose. The page
// keeps the criteria in its address so Back from a quote returns to the same list.

import type { QuoteStatus } from '../../../shared/schema/entities.ts';
import { readMeta } from '../sync/local-meta.ts';
import { live } from '../sync/live.svelte.ts';
import { loadOwnerNames, loadQuoteList, loadQuoteSummaries, NO_NAMES, NO_SUMMARIES } from './quote-list.ts';
import {
	companyOptions,
	criteriaToParams,
	DEFAULT_CRITERIA,
	filterQuotes,
	ownerOptions,
	statusCounts,
	type QuoteCriteria,
	type QuoteListItem
} from './quote-list-filter.ts';
import type { QuoteReplica } from './quote-replica.ts';
import type { QuoteSummary } from './quote-summaries.ts';

/** Rows rendered at first; more on request, so hundreds of quotes do not all render at once. */
export const PAGE_SIZE = 100;

export class QuoteListScreen {
	criteria: QuoteCriteria = $state(DEFAULT_CRITERIA);
	shown = $state(PAGE_SIZE);
	readonly #items;
	readonly #totals;
	readonly #names;
	readonly #pulled;
	readonly #me: string;
	readonly #onchange: (params: URLSearchParams) => void;

	readonly visible: QuoteListItem[] = $derived.by(() =>
		filterQuotes(this.#items.current, this.criteria, this.#me, this.#totals.current)
	);
	readonly rows: QuoteListItem[] = $derived.by(() => this.visible.slice(0, this.shown));
	readonly counts: Record<QuoteStatus, number> = $derived.by(() =>
		statusCounts(this.#items.current, this.criteria, this.#me)
	);
	readonly owners = $derived.by(() => ownerOptions(this.#items.current, this.#me, this.#names.current));
	readonly companies: { id: string; name: string }[] = $derived.by(() => companyOptions(this.#items.current));

	constructor(replica: QuoteReplica, initial: QuoteCriteria, onchange: (params: URLSearchParams) => void) {
		this.criteria = initial;
		this.#me = replica.principal.userId;
		this.#onchange = onchange;
		const db = replica.db;
		this.#items = live<QuoteListItem[]>([], () => () => loadQuoteList(db));
		this.#totals = live<ReadonlyMap<string, QuoteSummary>>(NO_SUMMARIES, () => () => loadQuoteSummaries(db));
		this.#names = live<ReadonlyMap<string, string>>(NO_NAMES, () => () => loadOwnerNames(db));
		// A cookie is written with the first pull that lands on this device.
		this.#pulled = live<boolean>(false, () => async () => (await readMeta(db, 'cookie', null)) !== null);
	}

	get loaded(): boolean {
		return this.#items.loaded;
	}

	/**
	 * The list can be believed: the device has pulled at least once, or already holds quotes. Before
	 * that an empty list says "loading", not "no quotes yet".
	 */
	get ready(): boolean {
		return this.loaded && (this.#pulled.current || this.total > 0);
	}

	get total(): number {
		return this.#items.current.length;
	}

	/** The quote's figures, or undefined while totals are still being summed. */
	summaryOf(id: string): QuoteSummary | undefined | null {
		if (!this.#totals.loaded) return undefined;
		return this.#totals.current.get(id) ?? null;
	}

	set(change: Partial<QuoteCriteria>): void {
		this.criteria = { ...this.criteria, ...change };
		this.shown = PAGE_SIZE;
		this.#onchange(criteriaToParams(this.criteria));
	}

	showMore(): void {
		this.shown += PAGE_SIZE;
	}
}
