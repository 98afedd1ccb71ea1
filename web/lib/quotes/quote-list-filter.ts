// The quote list's search, filters and sort orders, and how they are written in the address bar.
// Pure: the rows come from quote-list.ts, the totals from quote-summaries.ts.

import { QUOTE_STATUSES, type Quote, type QuoteStatus } from '../../../shared/schema/entities.ts';
import type { QuoteSummary } from './quote-summaries.ts';

export type QuoteListItem = Quote & { companyName: string };

export const QUOTE_SORTS = {
	'updated-desc': 'Recently updated',
	'updated-asc': 'Least recently updated',
	'number-desc': 'Number, newest first',
	'number-asc': 'Number, oldest first',
	'total-desc': 'Total, highest first',
	'total-asc': 'Total, lowest first'
} as const;
export type QuoteSort = keyof typeof QUOTE_SORTS;

export type QuoteCriteria = {
	search: string;
	status: QuoteStatus | '';
	companyId: string;
	/** '' for anyone, 'me' for the signed-in user, or another owner's id. */
	owner: string;
	sort: QuoteSort;
};

export const DEFAULT_CRITERIA: QuoteCriteria = {
	search: '',
	status: '',
	companyId: '',
	owner: '',
	sort: 'updated-desc'
};

function isStatus(value: string): value is QuoteStatus {
	return (QUOTE_STATUSES as readonly string[]).includes(value);
}

export function criteriaFromParams(params: URLSearchParams): QuoteCriteria {
	const status = params.get('status') ?? '';
	const sort = params.get('sort') ?? '';
	return {
		search: params.get('q') ?? '',
		status: isStatus(status) ? status : '',
		companyId: params.get('company') ?? '',
		owner: params.get('owner') ?? '',
		sort: Object.hasOwn(QUOTE_SORTS, sort) ? (sort as QuoteSort) : DEFAULT_CRITERIA.sort
	};
}

/** Only what differs from the defaults, so a plain list has a plain address. */
export function criteriaToParams(c: QuoteCriteria): URLSearchParams {
	const params = new URLSearchParams();
	if (c.search.trim()) params.set('q', c.search.trim());
	if (c.status) params.set('status', c.status);
	if (c.companyId) params.set('company', c.companyId);
	if (c.owner) params.set('owner', c.owner);
	if (c.sort !== DEFAULT_CRITERIA.sort) params.set('sort', c.sort);
	return params;
}

function searchWords(search: string): string[] {
	return search.trim().toLowerCase().split(/\s+/).filter(Boolean);
}

/** Every word typed appears in the title, the company's name or the number. */
export function matchesSearch(item: QuoteListItem, words: readonly string[]): boolean {
	if (words.length === 0) return true;
	const fields = [item.title, item.companyName, item.number ?? ''].map((f) => f.toLowerCase());
	return words.every((w) => fields.some((f) => f.includes(w)));
}

function matchesExceptStatus(item: QuoteListItem, c: QuoteCriteria, words: readonly string[], me: string): boolean {
	if (c.companyId && item.companyId !== c.companyId) return false;
	if (c.owner && item.ownerId !== (c.owner === 'me' ? me : c.owner)) return false;
	return matchesSearch(item, words);
}

/** Made on first use: a Collator loads ICU's collation data, 8 to 16 ms of a warm start's main thread. */
let byNumber: Intl.Collator | undefined;

function compareTotals(a: QuoteSummary | undefined, b: QuoteSummary | undefined): number {
	const x = a ?? { oneTime: 0, monthly: 0, yearly: 0 };
	const y = b ?? { oneTime: 0, monthly: 0, yearly: 0 };
	return x.oneTime - y.oneTime || x.monthly - y.monthly || x.yearly - y.yearly;
}

/** Ascending comparison for a sort key; provisional numbers count as the newest. */
function compareBy(key: 'updated' | 'number' | 'total', totals: ReadonlyMap<string, QuoteSummary>) {
	return (a: QuoteListItem, b: QuoteListItem): number => {
		if (key === 'updated') return a.updatedAt - b.updatedAt;
		if (key === 'total') return compareTotals(totals.get(a.id), totals.get(b.id));
		if (a.number === null || b.number === null) {
			return a.number === b.number ? a.createdAt - b.createdAt : a.number === null ? 1 : -1;
		}
		byNumber ??= new Intl.Collator('en', { numeric: true });
		return byNumber.compare(a.number, b.number);
	};
}

/** The quotes that match, in the chosen order (ties: most recently updated first, then id). */
export function filterQuotes(
	items: readonly QuoteListItem[],
	c: QuoteCriteria,
	me: string,
	totals: ReadonlyMap<string, QuoteSummary>
): QuoteListItem[] {
	const words = searchWords(c.search);
	const matching = items.filter((q) => (!c.status || q.status === c.status) && matchesExceptStatus(q, c, words, me));
	const [key, direction] = c.sort.split('-') as ['updated' | 'number' | 'total', 'asc' | 'desc'];
	const compare = compareBy(key, totals);
	const sign = direction === 'asc' ? 1 : -1;
	return matching.sort((a, b) => sign * compare(a, b) || b.updatedAt - a.updatedAt || (a.id < b.id ? -1 : 1));
}

/** How many quotes each status would show with the other criteria as they are. */
export function statusCounts(
	items: readonly QuoteListItem[],
	c: QuoteCriteria,
	me: string
): Record<QuoteStatus, number> {
	const words = searchWords(c.search);
	const counts = Object.fromEntries(QUOTE_STATUSES.map((s) => [s, 0])) as Record<QuoteStatus, number>;
	for (const item of items) if (matchesExceptStatus(item, c, words, me)) counts[item.status] += 1;
	return counts;
}

/** The companies that have quotes here, by name. */
export function companyOptions(items: readonly QuoteListItem[]): { id: string; name: string }[] {
	const names = new Map(items.map((q) => [q.companyId, q.companyName]));
	return [...names].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
}

/** The owners to filter by: the signed-in user first, then the others by name. */
export function ownerOptions(
	items: readonly QuoteListItem[],
	me: string,
	names: ReadonlyMap<string, string>
): { value: string; label: string }[] {
	const others = [...new Set(items.map((q) => q.ownerId))].filter((id) => id !== me);
	const label = (id: string) => names.get(id) ?? `Colleague ${id.slice(-6)}`;
	others.sort((a, b) => label(a).localeCompare(label(b)));
	return [{ value: 'me', label: 'Me' }, ...others.map((id) => ({ value: id, label: label(id) }))];
}
