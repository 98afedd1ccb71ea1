// A buildProduct(overrides) factory for the catalog's tests: a valid product with a unique id.

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
		price: 120_000,
		billing: 'one-time',
		distributor: null,
		noProcurement: false,
		active: true,
		...overrides
	};
}
