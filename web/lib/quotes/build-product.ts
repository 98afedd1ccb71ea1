// Test factory for catalog products (STYLE 17), used by the quote editor's tests and benches.
// TODO(issue 5): move beside the other factories in shared/test/builders.ts once the catalog work settles.

import type { Product } from '../../../shared/schema/catalog-entities.ts';

let counter = 0;

export function buildProduct(overrides: Partial<Product> = {}): Product {
	counter += 1;
	return {
		id: `product-${String(counter).padStart(5, '0')}`,
		name: 'Lenovo ThinkPad T14 Gen 6',
		sku: `SKU-${counter}`,
		mpn: '',
		description: '',
		categoryId: null,
		cost: 100_000,
		price: 134_900,
		billing: 'one-time',
		distributor: null,
		noProcurement: false,
		active: true,
		...overrides
	};
}
