// Text as the catalog search compares it: lower case without accents, split into words, and the
// compact form of a code or a hyphenated word ("USB-C" → "usbc", "LAP-LEN-001" → "laplen001").
// Knows nothing of products: the index and the query both go through here, so they always agree.

const NOT_WORD = /[^\p{L}\p{N}]+/u;
const NOT_WORD_ALL = /[^\p{L}\p{N}]+/gu;
const NOT_ASCII = /[\u0080-\uffff]/;
const WORD = /[\p{L}\p{N}]+/gu;
const WORD_ASCII = /[a-z0-9]+/g;

/** Lower case without accents, so "cafe" finds "Café". */
export function fold(text: string): string {
	// Most catalog text is ASCII: skip the Unicode decomposition for it (the index folds every field).
	return NOT_ASCII.test(text) ? text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase() : text.toLowerCase();
}

/** The words of folded text: runs of letters and digits. */
export function words(folded: string): string[] {
	return folded.split(NOT_WORD).filter((w) => w !== '');
}

/** Folded text without spaces or punctuation: how codes are compared. */
export function compact(folded: string): string {
	return folded.replace(NOT_WORD_ALL, '');
}

/**
 * What one folded field offers to match: each word, and each space-separated chunk with
 * punctuation inside in its compact form, so "usb-c", "usbc" and "usb c" all find "USB-C". Also
 * the words in order, to look for phrases.
 */
export function foldedTokens(folded: string): { tokens: string[]; words: string[] } {
	const tokens = new Set<string>();
	const all: string[] = [];
	// The Unicode-aware pattern costs several times the plain one; most catalog text is ASCII.
	const word = NOT_ASCII.test(folded) ? WORD : WORD_ASCII;
	for (const chunk of folded.split(/\s+/)) {
		const parts = chunk.match(word) ?? [];
		for (const part of parts) {
			tokens.add(part);
			all.push(part);
		}
		if (parts.length > 1) tokens.add(parts.join(''));
	}
	return { tokens: [...tokens], words: all };
}

export function fieldTokens(text: string): string[] {
	return foldedTokens(fold(text)).tokens;
}

/** What was typed, as the terms that must all match: each space-separated chunk, compacted. */
export function queryTerms(typed: string): string[] {
	return fold(typed)
		.split(/\s+/)
		.map(compact)
		.filter((t) => t !== '');
}
