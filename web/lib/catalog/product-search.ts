// Search as you type over the local catalog, for the Catalog screen, the quote's "add a line" box
// and the pricing book editor. Every typed word must match somewhere (name, SKU, MPN, category,
// description, the category's keywords, a generic synonym), at a word's start or with one typo in
// longer words. Ranked: exact SKU or MPN, then the name starting with what was typed, then whole
// words before word starts, inside words and typos, each in name, then category, then the rest.

import type { Product } from '../../../shared/schema/catalog-entities.ts';
import type { IndexEntry, ProductSearchIndex } from './product-search-index.ts';
import { compact, fold, queryTerms, words } from './search-text.ts';
import { matchTerm } from './term-lookup.ts';

/** Products with no category, for the category filter. */
export const NO_CATEGORY = 'none';
export const ANY_CATEGORY = '';

export type SearchOptions = {
	/** A category id, ANY_CATEGORY or NO_CATEGORY. */
	category?: string;
	/** Leave retired products out (they cannot go on a new line). */
	activeOnly?: boolean;
	/** Return only the best `limit` products; `total` still counts every match. */
	limit?: number;
};

export type SearchResult = { products: Product[]; total: number };

const CODE_EXACT = 1_000;
const CODE_PREFIX = 600;
const NAME_EXACT = 500;
const NAME_PREFIX = 300;
/** A term's points: the kind of match first, then the field (see FIELD), so 4 × kind + field. */
const PER_KIND = 4;
/** Above any product's points, so (CEILING - points) sorts best first. */
const CEILING = 1 << 20;
/** A pasted paragraph is searched by its first words; this also keeps points far below CEILING. */
const MAX_TERMS = 32;

function wanted(entry: IndexEntry, category: string, activeOnly: boolean): boolean {
	if (activeOnly && !entry.product.active) return false;
	if (category === ANY_CATEGORY) return true;
	return entry.product.categoryId === (category === NO_CATEGORY ? null : category);
}

/**
 * Entry positions whose every term matched, with their points: each term's best match (kind, then
 * field) summed. Visits only the products that use a matching word.
 */
function matchAll(index: ProductSearchIndex, terms: readonly string[]): { found: number[]; points: Float64Array } {
	const points = new Float64Array(index.entries.length);
	const best = new Uint8Array(index.entries.length);
	const seen = new Uint16Array(index.entries.length);
	let found: number[] = [];
	terms.forEach((term, t) => {
		const { ids, kinds } = matchTerm(index, term);
		const touched: number[] = [];
		const { start, entries, fields } = index.postings;
		for (let k = 0; k < ids.length; k++) {
			const base = kinds[k]! * PER_KIND;
			for (let p = start[ids[k]!]!, end = start[ids[k]! + 1]!; p < end; p++) {
				const entry = entries[p]!;
				// Only products every earlier term matched can still match them all.
				if (seen[entry] !== t) continue;
				const value = base + fields[p]!;
				if (best[entry] === 0) touched.push(entry);
				if (value > best[entry]!) best[entry] = value;
			}
		}
		found = touched;
		for (const entry of touched) {
			points[entry]! += best[entry]!;
			best[entry] = 0;
			seen[entry] = t + 1;
		}
	});
	return { found, points };
}

function bonus(entry: IndexEntry, name: string, code: string): number {
	let points = 0;
	if (code !== '' && entry.codes.includes(code)) points += CODE_EXACT;
	else if (code.length >= 3 && entry.codes.some((c) => c.startsWith(code))) points += CODE_PREFIX;
	if (entry.name === name) points += NAME_EXACT;
	else if (name !== '' && entry.name.startsWith(name)) points += NAME_PREFIX;
	return points;
}

/** Blank input lists every product (filtered), in name order. */
export function searchProducts(index: ProductSearchIndex, typed: string, options: SearchOptions = {}): SearchResult {
	const { category = ANY_CATEGORY, activeOnly = false, limit = Infinity } = options;
	const { entries } = index;
	const terms = queryTerms(typed).slice(0, MAX_TERMS);
	if (terms.length === 0) {
		const all = entries.filter((e) => wanted(e, category, activeOnly)).map((e) => e.product);
		return { products: Number.isFinite(limit) ? all.slice(0, limit) : all, total: all.length };
	}
	const { found, points } = matchAll(index, terms);
	const name = words(fold(typed)).join(' ');
	const code = compact(fold(typed));
	// One number per match, (CEILING - points) then the tie-break: a typed-array sort, cheap at 5,000.
	const keys = new Float64Array(found.length);
	let total = 0;
	for (const at of found) {
		const entry = entries[at]!;
		if (!wanted(entry, category, activeOnly)) continue;
		keys[total++] = (CEILING - points[at]! - bonus(entry, name, code)) * entries.length + index.tie[at]!;
	}
	const ranked = keys.subarray(0, total).sort();
	const shown = Math.min(total, limit);
	const products: Product[] = new Array(shown);
	for (let k = 0; k < shown; k++) products[k] = entries[index.byTie[ranked[k]! % entries.length]!]!.product;
	return { products, total };
}
