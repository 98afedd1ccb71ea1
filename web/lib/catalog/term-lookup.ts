// Which tokens of a prepared catalog one typed term matches, and how well (term-match.ts). Looks
// only where a match can be: the same word and its plural by map, word starts by binary search,
// letters-only words of a near length for a typo, and for a match inside a word, the words the
// term minus its last letter matched (typing narrows), else every word once.

import type { ProductSearchIndex } from './product-search-index.ts';
import type { SynonymGroup } from './search-synonyms.ts';
import { compact } from './search-text.ts';
import { forgivesTypo, MATCH, termMatcher, type MatchKind } from './term-match.ts';

export type TermMatches = { readonly ids: Int32Array; readonly kinds: Uint8Array };

const MEMO_SIZE = 64;

function firstAtLeast(index: ProductSearchIndex, term: string): number {
	const { sorted, vocabulary } = index;
	let low = 0;
	let high = sorted.length;
	while (low < high) {
		const mid = (low + high) >>> 1;
		if (vocabulary[sorted[mid]!]! < term) low = mid + 1;
		else high = mid;
	}
	return low;
}

function groupKind(group: SynonymGroup, term: string, match: (word: string) => MatchKind): MatchKind {
	let best: MatchKind = MATCH.none;
	for (const said of [...group.words, ...(group.typed ?? [])]) {
		const kind = said.includes(' ') ? (compact(said) === term ? MATCH.exact : MATCH.none) : match(said);
		// A synonym is a whole word: typing inside one ("cree" in "screen") is no reason to offer monitors.
		if (kind !== MATCH.infix && kind > best) best = kind;
	}
	return best;
}

function candidates(index: ProductSearchIndex, term: string): Iterable<number> {
	const { vocabulary, ids, sorted } = index;
	const found = new Set<number>();
	const plurals = [
		`${term}s`,
		`${term}es`,
		`${term.slice(0, -1)}ies`,
		term.slice(0, -1),
		term.slice(0, -2),
		`${term.slice(0, -3)}y`
	];
	for (const form of [term, ...plurals]) {
		const id = ids.get(form);
		if (id !== undefined) found.add(id);
	}
	for (let at = firstAtLeast(index, term); at < sorted.length; at++) {
		if (!vocabulary[sorted[at]!]!.startsWith(term)) break;
		found.add(sorted[at]!);
	}
	if (term.length >= 3) {
		const narrower = index.memo.get(term.slice(0, -1)) as TermMatches | undefined;
		if (narrower && term.length > 3) {
			for (let k = 0; k < narrower.ids.length; k++) {
				const id = narrower.ids[k]!;
				if (id < vocabulary.length && narrower.kinds[k]! >= MATCH.infix) found.add(id);
			}
		} else for (let id = 0; id < vocabulary.length; id++) if (vocabulary[id]!.includes(term)) found.add(id);
	}
	if (forgivesTypo(term)) {
		for (let length = term.length - 2; length <= term.length + 2; length++) {
			for (const id of index.lettersByLength.get(length) ?? []) found.add(id);
		}
	}
	return found;
}

/** The tokens (word ids, then synonym group ids) the term matches, with how well; memoised per catalog. */
export function matchTerm(index: ProductSearchIndex, term: string): TermMatches {
	const known = index.memo.get(term) as TermMatches | undefined;
	if (known) return known;
	const match = termMatcher(term);
	const ids: number[] = [];
	const kinds: number[] = [];
	for (const id of candidates(index, term)) {
		const kind = match(index.vocabulary[id]!);
		if (kind === MATCH.none) continue;
		ids.push(id);
		kinds.push(kind);
	}
	index.groups.forEach((group, g) => {
		const kind = groupKind(group, term, match);
		if (kind === MATCH.none) return;
		ids.push(index.vocabulary.length + g);
		kinds.push(kind);
	});
	const matches = { ids: Int32Array.from(ids), kinds: Uint8Array.from(kinds) };
	if (index.memo.size >= MEMO_SIZE) index.memo.clear();
	index.memo.set(term, matches);
	return matches;
}
