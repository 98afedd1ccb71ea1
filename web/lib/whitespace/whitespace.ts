// Whitespace: for each customer company, which catalog categories it has bought and which not.
// Bought means a counted (non-optional, non-zero) line of an accepted quote whose product is in the
// category. Pure: rows in, grid out; it does not know where the rows come from.

import type { Category, Product } from '../../../shared/schema/catalog-entities.ts';
import type { Company, Quote, QuoteLine } from '../../../shared/schema/entities.ts';

export type WhitespaceInput = {
	companies: readonly Company[];
	quotes: readonly Quote[];
	lines: readonly QuoteLine[];
	products: readonly Product[];
	categories: readonly Category[];
};

/** One accepted quote that bought in a category. */
export type Purchase = { quoteId: string; number: string | null; title: string; acceptedAt: number };

export type WhitespaceCell = { categoryId: string; bought: boolean; purchases: Purchase[] };

/**
 * Lines of accepted quotes that could not be placed in a category: typed without a product, naming
 * no category and a product this device does not hold, or with no category (or one not on this device).
 */
export type Unplaced = { freeText: number; unknownProduct: number; uncategorised: number };

export type WhitespaceRow = {
	company: Company;
	cells: WhitespaceCell[];
	boughtCount: number;
	unplaced: Unplaced;
};

export type WhitespaceGrid = { categories: Category[]; rows: WhitespaceRow[] };

const byName = <T extends { name: string; id: string }>(a: T, b: T) =>
	a.name.localeCompare(b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function whitespaceGrid(input: WhitespaceInput): WhitespaceGrid {
	const categories = [...input.categories].sort(byName);
	const categoryIds = new Set(categories.map((c) => c.id));
	const products = new Map(input.products.map((p) => [p.id, p]));
	const accepted = new Map(input.quotes.filter((q) => q.status === 'accepted').map((q) => [q.id, q]));

	// company id → category id → quote id → purchase (a quote counts once per category)
	const bought = new Map<string, Map<string, Map<string, Purchase>>>();
	const unplaced = new Map<string, Unplaced>();
	for (const line of input.lines) {
		const quote = accepted.get(line.quoteId);
		if (!quote || line.optional || line.quantity <= 0) continue;
		const categoryId = placeLine(line, products, categoryIds);
		if (typeof categoryId !== 'string') {
			const counts = unplaced.get(quote.companyId) ?? { freeText: 0, unknownProduct: 0, uncategorised: 0 };
			counts[categoryId.reason] += 1;
			unplaced.set(quote.companyId, counts);
			continue;
		}
		const byCategory = bought.get(quote.companyId) ?? new Map<string, Map<string, Purchase>>();
		const byQuote = byCategory.get(categoryId) ?? new Map<string, Purchase>();
		byQuote.set(quote.id, {
			quoteId: quote.id,
			number: quote.number,
			title: quote.title,
			acceptedAt: quote.acceptance?.at ?? quote.updatedAt
		});
		byCategory.set(categoryId, byQuote);
		bought.set(quote.companyId, byCategory);
	}

	const rows = input.companies
		.filter((c) => !c.isMsp)
		.sort(byName)
		.map((company) => {
			const byCategory = bought.get(company.id);
			const cells = categories.map((category) => {
				const purchases = [...(byCategory?.get(category.id)?.values() ?? [])].sort(newestFirst);
				return { categoryId: category.id, bought: purchases.length > 0, purchases };
			});
			return {
				company,
				cells,
				boughtCount: cells.filter((c) => c.bought).length,
				unplaced: unplaced.get(company.id) ?? { freeText: 0, unknownProduct: 0, uncategorised: 0 }
			};
		});
	return { categories, rows };
}

/**
 * A line's category is the one it carries (copied from its product when it was added), so that a
 * Whitespace viewer, who holds no products, can place it; a line written before lines carried it
 * falls back to its product's category on this device.
 */
function placeLine(
	line: QuoteLine,
	products: ReadonlyMap<string, Product>,
	categoryIds: ReadonlySet<string>
): string | { reason: keyof Unplaced } {
	if (line.productId === null) return { reason: 'freeText' };
	const categoryId = line.categoryId ?? products.get(line.productId)?.categoryId;
	if (categoryId === undefined) return { reason: 'unknownProduct' };
	if (categoryId === null || !categoryIds.has(categoryId)) return { reason: 'uncategorised' };
	return categoryId;
}

function newestFirst(a: Purchase, b: Purchase): number {
	return b.acceptedAt - a.acceptedAt || (a.quoteId < b.quoteId ? -1 : a.quoteId > b.quoteId ? 1 : 0);
}

export type CompanyWhitespace = {
	bought: { category: Category; purchases: Purchase[] }[];
	notBought: Category[];
};

/** One company's row as two lists: what it has bought (with the quotes), and the whitespace. */
export function companyWhitespace(grid: WhitespaceGrid, companyId: string): CompanyWhitespace | null {
	const row = grid.rows.find((r) => r.company.id === companyId);
	if (!row) return null;
	const result: CompanyWhitespace = { bought: [], notBought: [] };
	row.cells.forEach((cell, k) => {
		const category = grid.categories[k]!;
		if (cell.bought) result.bought.push({ category, purchases: cell.purchases });
		else result.notBought.push(category);
	});
	return result;
}

export function unplacedCount(unplaced: Unplaced): number {
	return unplaced.freeText + unplaced.unknownProduct + unplaced.uncategorised;
}
