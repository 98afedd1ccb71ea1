// Lookups the catalog screens derive from the rows on this device; rebuilt, never mutated, when
// the rows change.

import type { Product } from '../../../shared/schema/catalog-entities.ts';

export function byId<T extends { id: string }>(rows: readonly T[]): ReadonlyMap<string, T> {
	return new Map(rows.map((row) => [row.id, row]));
}

export function countByCategory(products: readonly Product[]): ReadonlyMap<string, number> {
	const counts = new Map<string, number>();
	for (const p of products) if (p.categoryId) counts.set(p.categoryId, (counts.get(p.categoryId) ?? 0) + 1);
	return counts;
}
