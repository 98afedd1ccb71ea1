// Catalog search as you type, in Node: the search module (web/lib/catalog/product-search.ts) over
// 5,000 generated products, per keystroke, beside the simplest search that could run instead (a
// plain Array.filter of names containing what was typed), alternating keystroke by keystroke. And
// the index it needs, built once per catalog change, beside lower-casing every name, SKU and MPN.

import { indexProducts } from '../../web/lib/catalog/product-search-index.ts';
import { searchProducts, type SearchOptions } from '../../web/lib/catalog/product-search.ts';
import type { Row, Table } from '../lib/report.ts';
import { duration, latency } from '../lib/stats.ts';
import { TARGETS } from '../lib/targets.ts';
import { TYPED } from '../quotes/quote-fixtures.ts';
import { searchBenchCatalog, TYPED_WORDS } from './search-fixtures.ts';

export type SearchBenchOptions = { products: number; passes: number; builds: number; log: (message: string) => void };

/** Every keystroke of every search, each search typed from its first letter. */
function keystrokes(): string[] {
	return [...TYPED, ...TYPED_WORDS].flatMap((word) => Array.from(word, (_, n) => word.slice(0, n + 1)));
}

export function searchTable(o: SearchBenchOptions): Table {
	const { products, categories } = searchBenchCatalog(o.products);
	const typed = keystrokes();
	const count = o.products.toLocaleString('en-US');

	o.log(`search: building the index of ${count} products ${o.builds} times`);
	const builds: number[] = [];
	const lowered: number[] = [];
	let index = indexProducts(products, categories);
	for (let k = 0; k < o.builds; k++) {
		let started = performance.now();
		index = indexProducts(products, categories);
		builds.push(performance.now() - started);
		started = performance.now();
		const texts = products.map((p) => `${p.name}\n${p.sku}\n${p.mpn}`.toLowerCase());
		lowered.push(performance.now() - started);
		if (texts.length !== products.length) throw new Error('unreachable');
	}

	const measure = (options: SearchOptions) => {
		const ours: number[] = [];
		const reference: number[] = [];
		for (let pass = 0; pass <= o.passes; pass++) {
			for (const text of typed) {
				// A new search starts with what it typed unknown (the index keeps terms seen earlier).
				if (text.length === 1) index.memo.clear();
				let started = performance.now();
				const found = searchProducts(index, text, options);
				const ourTime = performance.now() - started;
				started = performance.now();
				const needle = text.toLowerCase();
				const plain = products.filter((p) => p.name.toLowerCase().includes(needle));
				const referenceTime = performance.now() - started;
				if (found.total < 0 || plain.length < 0) throw new Error('unreachable');
				if (pass === 0) continue; // warm-up
				ours.push(ourTime);
				reference.push(referenceTime);
			}
		}
		return { ours: latency(ours), reference: latency(reference) };
	};

	o.log(`search: typing ${typed.length} keystrokes ${o.passes} times (after a warm-up pass)`);
	const lineBox = measure({ activeOnly: true, limit: 8 });
	const catalogScreen = measure({});
	const metric = `catalog search, ${count} products: per keystroke`;
	const rows: Row[] = [
		{
			metric: `${metric}, the best 8 (add-a-line box)`,
			reference: 'Array.filter, name.includes',
			target: TARGETS.catalogKeystroke,
			cells: { node: { ours: lineBox.ours, reference: lineBox.reference } }
		},
		{
			metric: `${metric}, every match ranked (Catalog screen)`,
			reference: 'Array.filter, name.includes',
			target: TARGETS.catalogKeystroke,
			cells: { node: { ours: catalogScreen.ours, reference: catalogScreen.reference } }
		},
		{
			metric: `search index of ${count} products, built per catalog change`,
			reference: 'lower-case name, SKU and MPN',
			cells: { node: { ours: duration(builds), reference: duration(lowered) } }
		}
	];
	return {
		title: 'Catalog search (Node, the search module alone)',
		sets: ['node'],
		rows,
		notes: [
			`Keystrokes: ${TYPED.length + TYPED_WORDS.length} searches (names, brand and model, SKU, category, a typo, a synonym) typed one character at a time, ${typed.length} keystrokes a pass; each keystroke runs ours and then the reference.`,
			'The reference finds far less (name only, no ranking): it is the floor a keystroke cannot go below, not an equivalent.'
		]
	};
}
