// The local query behind the whitespace screen: companies, accepted quotes and their lines, and the
// catalog, read from this device and handed to whitespaceGrid().

import type { LocalDb } from '../platform/local-db.ts';
import { whitespaceGrid, type WhitespaceGrid } from './whitespace.ts';

export async function loadWhitespace(db: LocalDb): Promise<WhitespaceGrid> {
	const [companies, quotes, products, categories] = await Promise.all([
		db.companies.toArray(),
		db.quotes.where('status').equals('accepted').toArray(),
		db.products.toArray(),
		db.categories.toArray()
	]);
	const lines =
		quotes.length === 0
			? []
			: await db.quoteLines
					.where('quoteId')
					.anyOf(quotes.map((q) => q.id))
					.toArray();
	return whitespaceGrid({ companies, quotes, lines, products, categories });
}
