// How well one typed term matches one word of the catalog: the same word (a plural counts as the
// same), the start of it (typing), inside it (part of a model or code), or one typo away.
// Higher is better; the ranking weighs this kind above the field the word came from.

export const MATCH = { none: 0, fuzzy: 1, infix: 2, prefix: 3, exact: 4 } as const;
export type MatchKind = (typeof MATCH)[keyof typeof MATCH];

/** Terms shorter than this only match at a word's start: "pa" inside every "...pad" is noise. */
const MIN_INFIX = 3;
/** One typo is forgiven in words of this many letters or more (not in codes: P2425H is not P2725H). */
const MIN_FUZZY = 5;
const LETTERS = /^\p{L}+$/u;

/** "monitor" and "monitors", "switch" and "switches", "accessory" and "accessories". */
function samePlural(term: string, word: string): boolean {
	const [short, long] = term.length < word.length ? [term, word] : [word, term];
	const extra = long.length - short.length;
	if (extra === 1) return long.endsWith('s') && long.startsWith(short);
	if (extra === 2 && long.endsWith('ies') && short.endsWith('y')) return long.startsWith(short.slice(0, -1));
	return extra === 2 && long.endsWith('es') && long.startsWith(short);
}

/** One substitution, insertion, deletion or swap of neighbours turns `a` into `b` (or none). */
export function withinOneEdit(a: string, b: string): boolean {
	const diff = a.length - b.length;
	if (diff > 1 || diff < -1) return false;
	let i = 0;
	while (i < a.length && i < b.length && a[i] === b[i]) i++;
	if (i === a.length && i === b.length) return true;
	if (diff === 1) return a.slice(i + 1) === b.slice(i);
	if (diff === -1) return a.slice(i) === b.slice(i + 1);
	if (a.slice(i + 1) === b.slice(i + 1)) return true;
	return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
}

function nearlyEqual(term: string, word: string): boolean {
	if (withinOneEdit(term, word)) return true;
	// "moniter" finds "monitors": the typo, then the plural.
	if (word.endsWith('s') && withinOneEdit(term, word.slice(0, -1))) return true;
	return term.endsWith('s') && withinOneEdit(term.slice(0, -1), word);
}

export function lettersOnly(word: string): boolean {
	return LETTERS.test(word);
}

/** Whether one typo is forgiven in this term: words of five letters or more, not codes. */
export function forgivesTypo(term: string): boolean {
	return term.length >= MIN_FUZZY && LETTERS.test(term);
}

/** A matcher for one typed term, checked once against every word of the catalog's vocabulary. */
export function termMatcher(term: string): (word: string) => MatchKind {
	const infix = term.length >= MIN_INFIX;
	const fuzzy = forgivesTypo(term);
	return (word) => {
		if (word === term || samePlural(term, word)) return MATCH.exact;
		if (word.startsWith(term)) return MATCH.prefix;
		if (infix && word.includes(term)) return MATCH.infix;
		if (fuzzy && nearlyEqual(term, word)) return MATCH.fuzzy;
		return MATCH.none;
	};
}
