// The catalog prepared for search, built once per catalog change: one vocabulary of every word
// the products use (name and codes, category, description and the category's keywords), and for
// each word the products that use it and in which field. The synonym groups a product belongs to
// are tokens too. A keystroke then looks up the few words that match what was typed, and visits
// only the products that use them.

import type { Category, Product } from '../../../shared/schema/catalog-entities.ts';
import { SYNONYM_GROUPS, type SynonymGroup } from './search-synonyms.ts';
import { compact, fold, foldedTokens, words as wordsOf } from './search-text.ts';
import { lettersOnly } from './term-match.ts';

/** Where a word was found, weakest first: the ranking prefers name and codes, then category. */
export const FIELD = { text: 1, category: 2, name: 3 } as const;

export type IndexEntry = {
	readonly product: Product;
	/** The name's words joined by single spaces, for "the name starts with what was typed". */
	readonly name: string;
	/** SKU and MPN, compacted. */
	readonly codes: readonly string[];
};

/** Which entries use each token, and in which field (the strongest when in several), flat by token. */
export type Postings = { readonly start: Int32Array; readonly entries: Int32Array; readonly fields: Uint8Array };

export type ProductSearchIndex = {
	/** In name order: how a blank search lists them. */
	readonly entries: readonly IndexEntry[];
	/**
	 * Between equal matches the shorter name first (what was typed is more of it), then name order:
	 * `tie[position]` is an entry's place in that order, `byTie[place]` the entry's position.
	 */
	readonly tie: Int32Array;
	readonly byTie: Int32Array;
	/** Every word; token ids past its end are the synonym groups (SYNONYM_GROUPS' order). */
	readonly vocabulary: readonly string[];
	readonly ids: ReadonlyMap<string, number>;
	/** Word ids in the words' order, to find every word starting with a term by binary search. */
	readonly sorted: Int32Array;
	/** Ids of the words made of letters only, by length: the only candidates for a typo. */
	readonly lettersByLength: ReadonlyMap<number, Int32Array>;
	readonly postings: Postings;
	readonly groups: readonly SynonymGroup[];
	/** What each term matched, kept while the catalog stays the same (see matchTerm). */
	readonly memo: Map<string, unknown>;
};

/** Each synonym's single-word forms (with plurals), to the groups that contain it. */
const GROUPS_BY_WORD = new Map<string, number[]>();
/** Each multi-word synonym by its first word, spaced as it is looked for in a field's words. */
const PHRASES = new Map<string, { spaced: string; group: number }[]>();
SYNONYM_GROUPS.forEach((group, g) => {
	for (const said of group.words) {
		for (const end of ['', 's', 'es']) {
			const first = said.split(' ')[0]!;
			if (said.includes(' '))
				PHRASES.set(first, [...(PHRASES.get(first) ?? []), { spaced: ` ${said}${end} `, group: g }]);
			else GROUPS_BY_WORD.set(`${said}${end}`, [...(GROUPS_BY_WORD.get(`${said}${end}`) ?? []), g]);
		}
	}
});

/** One field's text analysed once: its word ids (given out as first met) and the groups it says. */
type Analysis = { readonly ids: readonly number[]; readonly groups: readonly number[] };

type Vocabulary = { ids: Map<string, number>; words: string[] };

function analyse(folded: string, vocabulary: Vocabulary): Analysis {
	const { tokens, words: said } = foldedTokens(folded);
	const groups = new Set<number>();
	const ids = tokens.map((token) => {
		for (const g of GROUPS_BY_WORD.get(token) ?? []) groups.add(g);
		let id = vocabulary.ids.get(token);
		if (id === undefined) {
			id = vocabulary.words.length;
			vocabulary.ids.set(token, id);
			vocabulary.words.push(token);
		}
		return id;
	});
	// Phrases are looked for only in the few fields that have their first word.
	const phrases = tokens.flatMap((token) => PHRASES.get(token) ?? []);
	const spaced = phrases.length > 0 ? ` ${said.join(' ')} ` : '';
	for (const { spaced: phrase, group } of phrases) if (spaced.includes(phrase)) groups.add(group);
	return { ids, groups: [...groups] };
}

/** What every entry uses, flat: entry e's tokens are ids[start[e]] to ids[start[e + 1] - 1]. */
type Uses = { start: number[]; ids: number[]; fields: number[] };

/**
 * Token ids to entry positions and fields, flat: token t's postings are [start[t], start[t + 1]).
 * A negative id is synonym group -id - 1, whose token id follows the `words` word ids.
 */
function invert(uses: Uses, words: number, groups: number): Postings {
	const tokens = words + groups;
	const tokenOf = (id: number) => (id < 0 ? words - id - 1 : id);
	const start = new Int32Array(tokens + 1);
	for (const id of uses.ids) start[tokenOf(id) + 1]!++;
	for (let t = 0; t < tokens; t++) start[t + 1]! += start[t]!;
	const next = start.slice(0, tokens);
	const entries = new Int32Array(uses.ids.length);
	const fields = new Uint8Array(uses.ids.length);
	for (let entry = 0; entry + 1 < uses.start.length; entry++) {
		for (let k = uses.start[entry]!; k < uses.start[entry + 1]!; k++) {
			const at = next[tokenOf(uses.ids[k]!)]!++;
			entries[at] = entry;
			fields[at] = uses.fields[k]!;
		}
	}
	return { start, entries, fields };
}

function wordIdsByLength(vocabulary: readonly string[]): Map<number, Int32Array> {
	const byLength = new Map<number, number[]>();
	vocabulary.forEach((word, id) => {
		if (!lettersOnly(word)) return;
		const bucket = byLength.get(word.length) ?? [];
		bucket.push(id);
		byLength.set(word.length, bucket);
	});
	return new Map([...byLength].map(([length, list]) => [length, Int32Array.from(list)]));
}

export function indexProducts(
	products: readonly Product[],
	categories: ReadonlyMap<string, Category> = new Map()
): ProductSearchIndex {
	const ordered = products
		.map((product) => ({ key: fold(product.name), product }))
		.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.product.id < b.product.id ? -1 : 1));
	const vocabulary: Vocabulary = { ids: new Map(), words: [] };
	// Categories and descriptions repeat across products: each distinct text is analysed once.
	const shared = new Map<string, Analysis>();
	const analysed = (text: string) => {
		let known = shared.get(text);
		if (!known) shared.set(text, (known = analyse(fold(text), vocabulary)));
		return known;
	};
	/** Where each word id was last met: the entry, and its place in `uses`. */
	const seenIn: number[] = [];
	const seenAt: number[] = [];
	const uses: Uses = { start: [0], ids: [], fields: [] };
	const groups = new Uint8Array(SYNONYM_GROUPS.length);
	ordered.forEach(({ key, product }, entry) => {
		const category = product.categoryId ? categories.get(product.categoryId) : undefined;
		const name = analyse(`${key} ${fold(product.sku)} ${fold(product.mpn)}`, vocabulary);
		const inCategory = analysed(category?.name ?? '');
		const text = analysed(`${product.description} ${category?.keywords?.join(' ') ?? ''}`);
		// Kept packed (no holes), so the look-ups stay fast.
		while (seenIn.length < vocabulary.words.length) {
			seenIn.push(-1);
			seenAt.push(0);
		}
		groups.fill(0);
		const use = (field: number, { ids, groups: says }: Analysis) => {
			for (const id of ids) {
				if (seenIn[id] === entry) uses.fields[seenAt[id]!] = Math.max(uses.fields[seenAt[id]!]!, field);
				else {
					seenIn[id] = entry;
					seenAt[id] = uses.ids.length;
					uses.ids.push(id);
					uses.fields.push(field);
				}
			}
			// A synonym ranks one field below its word: "license" finds a "licence" in a name before one
			// in a description, and after a name that says "license" itself.
			for (const g of says) groups[g] = Math.max(groups[g]!, field - 1, FIELD.text);
		};
		use(FIELD.name, name);
		use(FIELD.category, inCategory);
		use(FIELD.text, text);
		groups.forEach((field, g) => {
			if (field === 0) return;
			uses.ids.push(-g - 1);
			uses.fields.push(field);
		});
		uses.start.push(uses.ids.length);
	});
	const words = vocabulary.words;
	const entries = ordered.map(({ key, product }) => ({
		product,
		name: wordsOf(key).join(' '),
		codes: [product.sku, product.mpn].map((c) => compact(fold(c))).filter((c) => c !== '')
	}));
	// Positions are in name order, so length then position is length then name.
	const byTie = Int32Array.from(entries.keys()).sort(
		(a, b) => entries[a]!.name.length - entries[b]!.name.length || a - b
	);
	const tie = new Int32Array(entries.length);
	byTie.forEach((position, place) => (tie[position] = place));
	return {
		entries,
		tie,
		byTie,
		vocabulary: words,
		ids: vocabulary.ids,
		sorted: Int32Array.from(words.keys()).sort((a, b) => (words[a]! < words[b]! ? -1 : 1)),
		lettersByLength: wordIdsByLength(words),
		postings: invert(uses, words.length, SYNONYM_GROUPS.length),
		groups: SYNONYM_GROUPS,
		memo: new Map()
	};
}
