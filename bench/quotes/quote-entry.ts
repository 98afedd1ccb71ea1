// The browser side of the quote-screen bench (bundled with the Svelte plugin, driven by
// quote-bench.ts): it mounts the app's real quote editor and quote list components on a Dexie
// replica filled with bench rows, and times them beside raw IndexedDB reads of the same rows in the
// same database, and beside a plain array filter over the same products.

import { Dexie } from 'dexie';
import { flushSync, mount, unmount } from 'svelte';
import type { Principal } from '../../shared/auth/permissions.ts';
import { indexProducts } from '../../web/lib/catalog/product-search-index.ts';
import { searchProducts } from '../../web/lib/catalog/product-search.ts';
import { openLocalDb, type LocalDb } from '../../web/lib/platform/local-db.ts';
import { loadQuoteDetail } from '../../web/lib/quotes/quote-detail.ts';
import type { QuoteReplica } from '../../web/lib/quotes/quote-replica.ts';
import QuoteEditorView from '../../web/lib/quotes/QuoteEditorView.svelte';
import QuoteListView from '../../web/lib/quotes/QuoteListView.svelte';
import { DEFAULT_CRITERIA } from '../../web/lib/quotes/quote-list-filter.ts';
import { BENCH_COMPANY, benchProducts, benchQuoteWithLines, TYPED } from './quote-fixtures.ts';

// As on a user's origin (Dexie turns its debug mode on for localhost only).
Dexie.debug = false;

const principal: Principal = {
	userId: 'user-sales-demo',
	orgId: 'org-bench',
	isAdmin: false,
	permissions: ['quoteEditor', 'productViewer'],
	companyId: 'company-northwind',
	companyVerified: true,
	kind: 'msp'
};

let db: LocalDb;
let raw: IDBDatabase;
let replica: QuoteReplica;
let products: ReturnType<typeof benchProducts> = [];
const openIds: string[] = [];

export type Setup = { products: number; openQuotes: number; openLines: number; listQuotes: number; listLines: number };

async function setup(o: Setup): Promise<{ lines: number }> {
	db = openLocalDb(`bench-quotes-${Date.now()}`);
	products = benchProducts(o.products);
	const quotes = [
		...Array.from({ length: o.openQuotes }, (_, k) => benchQuoteWithLines(`open-${k}`, o.openLines, 1)),
		...Array.from({ length: o.listQuotes }, (_, k) => benchQuoteWithLines(`list-${k}`, o.listLines, 1_000 + k))
	];
	openIds.push(...quotes.slice(0, o.openQuotes).map((q) => q.quote.id));
	await db.transaction('rw', [db.companies, db.products, db.quotes, db.quoteLines], async () => {
		await db.companies.put(BENCH_COMPANY);
		await db.products.bulkPut(products);
		await db.quotes.bulkPut(quotes.map((q) => q.quote));
		await db.quoteLines.bulkPut(quotes.flatMap((q) => q.lines));
	});
	// The mutations are never called: the bench only opens and reads.
	replica = { db, principal, mutate: (async () => ({ ok: true })) as QuoteReplica['mutate'] };
	raw = await new Promise<IDBDatabase>((resolve, reject) => {
		const open = indexedDB.open(db.name);
		open.onsuccess = () => resolve(open.result);
		open.onerror = () => reject(open.error);
	});
	return { lines: await db.quoteLines.count() };
}

/** Resolves once `ready()` holds, checked after every DOM change under `root`. */
function until(root: Node, ready: () => boolean): Promise<void> {
	if (ready()) return Promise.resolve();
	return new Promise((resolve) => {
		const observer = new MutationObserver(() => {
			if (!ready()) return;
			observer.disconnect();
			resolve();
		});
		observer.observe(root, { childList: true, subtree: true, characterData: true });
	});
}

function container(): HTMLElement {
	const target = document.createElement('main');
	document.body.append(target);
	return target;
}

/**
 * Mount the editor and time it: to the first screenful (the title, header and first lines in the
 * DOM and editable, style and layout forced), to every line in the DOM (past the first screen, with
 * description and fields as plain text), to every line editable (the previews become fields when
 * the page is idle), and to the catalog searchable (the line search's hint counts its products).
 */
async function openQuote(run: number, lines: number) {
	const quoteId = openIds[run % openIds.length]!;
	const target = container();
	const rows = () => target.querySelectorAll('[data-line-id]').length;
	const editable = () => target.querySelectorAll('[data-line-id] input[id^="qty-"]').length;
	const hint = `search ${products.length.toLocaleString()} products`;
	const t0 = performance.now();
	const app = mount(QuoteEditorView, { target, props: { replica, quoteId, onopen: () => {} } });
	let searchableMs = 0;
	const searchable = until(
		target,
		() => target.querySelector('#line-search-hint')?.textContent?.includes(hint) ?? false
	).then(() => (searchableMs = performance.now() - t0));
	await until(
		target,
		() => editable() >= Math.min(FIRST_SCREEN, lines) && !!target.querySelector('[data-testid="quote-total"]')
	);
	void target.getBoundingClientRect().height;
	const first = performance.now() - t0;
	await until(target, () => rows() === lines);
	void target.getBoundingClientRect().height;
	const all = performance.now() - t0;
	await until(target, () => editable() === lines);
	void target.getBoundingClientRect().height;
	const editableMs = performance.now() - t0;
	await searchable;
	await unmount(app);
	target.remove();
	return { first, all, editable: editableMs, searchable: searchableMs };
}

/** Mounts the editor until every line is in the DOM (layout forced), then unmounts it: the DESIGN row alone. */
async function openToAll(run: number, lines: number) {
	const quoteId = openIds[run % openIds.length]!;
	const target = container();
	const t0 = performance.now();
	const app = mount(QuoteEditorView, { target, props: { replica, quoteId, onopen: () => {} } });
	await until(target, () => target.querySelectorAll('[data-line-id]').length === lines);
	void target.getBoundingClientRect().height;
	const all = performance.now() - t0;
	await unmount(app);
	target.remove();
	return all;
}

/** More lines than a 1024 px tall screen shows (a line is about 200 px). */
const FIRST_SCREEN = 10;

async function rawGetQuote(run: number) {
	const quoteId = openIds[run % openIds.length]!;
	const t0 = performance.now();
	const tx = raw.transaction(['quotes', 'quoteLines'], 'readonly');
	const quote = tx.objectStore('quotes').get(quoteId);
	const lines = tx.objectStore('quoteLines').index('quoteId').getAll(quoteId);
	await new Promise((resolve) => (tx.oncomplete = resolve));
	if (!quote.result || lines.result.length === 0) throw new Error('raw read found nothing');
	return performance.now() - t0;
}

async function queryQuote(run: number) {
	const t0 = performance.now();
	const detail = await loadQuoteDetail(db, openIds[run % openIds.length]!);
	if (!detail) throw new Error('no quote');
	return performance.now() - t0;
}

/** Opens the editor, then types each word one character at a time; per keystroke, input → DOM updated. */
async function typeInEditor(lines: number) {
	const target = container();
	const app = mount(QuoteEditorView, { target, props: { replica, quoteId: openIds[0]!, onopen: () => {} } });
	const count = products.length.toLocaleString();
	await until(
		target,
		() =>
			target.querySelectorAll('[data-line-id] input[id^="qty-"]').length === lines &&
			!!target.textContent?.includes(`search ${count} products`)
	);
	const input = target.querySelector<HTMLInputElement>('#line-search')!;
	const ours: number[] = [];
	const shown: number[] = [];
	for (const word of TYPED) {
		for (let n = 1; n <= word.length; n++) {
			const t0 = performance.now();
			input.value = word.slice(0, n);
			input.dispatchEvent(new Event('input', { bubbles: true }));
			flushSync();
			ours.push(performance.now() - t0);
			shown.push(target.querySelectorAll('[role="option"]').length);
		}
		input.value = '';
		input.dispatchEvent(new Event('input', { bubbles: true }));
		flushSync();
	}
	await unmount(app);
	target.remove();
	if (shown.some((n) => n === 0)) throw new Error('a keystroke showed no option');
	return ours;
}

/** The search function alone per keystroke, and the reference: a plain filter of the same products. */
function searchAlone() {
	const index = indexProducts(products);
	const ours: number[] = [];
	const reference: number[] = [];
	for (const word of TYPED) {
		for (let n = 1; n <= word.length; n++) {
			const typed = word.slice(0, n);
			let t0 = performance.now();
			searchProducts(index, typed, { activeOnly: true, limit: 8 });
			ours.push(performance.now() - t0);
			t0 = performance.now();
			const needle = typed.toLowerCase();
			const found = products.filter((p) => p.name.toLowerCase().includes(needle));
			reference.push(performance.now() - t0);
			if (found.length < 0) throw new Error('unreachable');
		}
	}
	return { ours, reference };
}

/** The quote list: time to the first page of rows, and to every shown row's total. */
async function openList(expectedQuotes: number) {
	const target = container();
	const t0 = performance.now();
	const app = mount(QuoteListView, {
		target,
		props: { replica, initial: DEFAULT_CRITERIA, onchange: () => {}, onopen: () => {} }
	});
	const rows = () => target.querySelectorAll('ul[aria-label="Quotes"] > li');
	await until(target, () => rows().length > 0 && !!target.textContent?.includes(`${expectedQuotes} quotes`));
	void target.getBoundingClientRect().height;
	const rowsMs = performance.now() - t0;
	await until(target, () => ![...rows()].some((li) => li.textContent?.includes('…')));
	void target.getBoundingClientRect().height;
	const totalsMs = performance.now() - t0;
	await unmount(app);
	target.remove();
	return { rowsMs, totalsMs };
}

async function rawGetList() {
	const t0 = performance.now();
	const tx = raw.transaction(['quotes', 'quoteLines', 'companies'], 'readonly');
	tx.objectStore('quotes').getAll();
	tx.objectStore('companies').getAll();
	tx.objectStore('quoteLines').getAll();
	await new Promise((resolve) => (tx.oncomplete = resolve));
	return performance.now() - t0;
}

async function teardown() {
	raw.close();
	await db.delete({ disableAutoOpen: true });
}

export const quoteBench = {
	setup,
	openQuote,
	openToAll,
	rawGetQuote,
	queryQuote,
	typeInEditor,
	searchAlone,
	openList,
	rawGetList,
	teardown
};
(globalThis as unknown as { quoteBench: typeof quoteBench }).quoteBench = quoteBench;
