// Search-as-you-type over the local catalog: every word typed must appear in a product's name, SKU
// or MPN; an exact or leading code match ranks first, then names that start with or contain the
// words at a word start. Pure and synchronous: it runs on every keystroke over thousands of products.

import type { Product } from '../../../shared/schema/catalog-entities.ts';

type Entry = { product: Product; name: string; codes: string[]; text: string };

export type CatalogIndex = { readonly entries: readonly Entry[] };

export type CatalogMatches = { products: Product[]; total: number };

/** Lower case without accents, so "cafe" finds "Café". */
export function normalize(text: string): string {
	return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Indexes the active products; inactive ones are not offered for new lines. */
export function createCatalogIndex(products: readonly Product[]): CatalogIndex {
	const entries: Entry[] = [];
	for (const product of products) {
		if (!product.active) continue;
		const name = normalize(product.name);
		const codes = [product.sku, product.mpn].filter((c) => c !== '').map(normalize);
		entries.push({ product, name, codes, text: [name, ...codes].join('\n') });
	}
	return { entries };
}

function wordStart(haystack: string, needle: string): boolean {
	let at = haystack.indexOf(needle);
	while (at > 0 && /[\p{L}\p{N}]/u.test(haystack[at - 1]!)) at = haystack.indexOf(needle, at + 1);
	return at >= 0;
}

function score(entry: Entry, query: string, words: readonly string[]): number {
	let points = 0;
	if (entry.codes.includes(query)) points += 1_000;
	else if (entry.codes.some((c) => c.startsWith(query))) points += 600;
	if (entry.name === query) points += 500;
	else if (entry.name.startsWith(query)) points += 300;
	for (const word of words) points += wordStart(entry.name, word) ? 40 : entry.name.includes(word) ? 15 : 5;
	return points;
}

type Ranked = { entry: Entry; points: number };

function before(a: Ranked, b: Ranked): boolean {
	if (a.points !== b.points) return a.points > b.points;
	if (a.entry.name.length !== b.entry.name.length) return a.entry.name.length < b.entry.name.length;
	return a.entry.name < b.entry.name || (a.entry.name === b.entry.name && a.entry.product.id < b.entry.product.id);
}

/** The best `limit` products for what was typed, and how many match in all; nothing for blank input. */
export function searchCatalog(index: CatalogIndex, typed: string, limit = 8): CatalogMatches {
	const query = normalize(typed).trim().replace(/\s+/g, ' ');
	if (query === '') return { products: [], total: 0 };
	const words = query.split(' ');
	const best: Ranked[] = [];
	let total = 0;
	for (const entry of index.entries) {
		if (!words.every((w) => entry.text.includes(w))) continue;
		total += 1;
		const ranked = { entry, points: score(entry, query, words) };
		if (best.length === limit && !before(ranked, best[limit - 1]!)) continue;
		let at = best.length;
		while (at > 0 && before(ranked, best[at - 1]!)) at -= 1;
		best.splice(at, 0, ranked);
		if (best.length > limit) best.pop();
	}
	return { products: best.map((r) => r.entry.product), total };
}
