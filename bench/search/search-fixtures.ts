// The catalog for the search bench: the quote bench's 5,000 generated products, each given a
// category and a description by its kind, so category, description and synonym matching all do
// their share of the work. Deterministic.

import type { Category, Product } from '../../shared/schema/catalog-entities.ts';
import { benchProducts } from '../quotes/quote-fixtures.ts';

const KINDS: readonly [kind: string, category: string, description: string][] = [
	['laptop', 'Laptops', 'Business laptop with 3-year on-site warranty.'],
	['monitor', 'Monitors', 'Monitor with 3-year advanced exchange.'],
	['switch', 'Networking', 'Managed switch with limited lifetime warranty.'],
	['access point', 'Networking', 'Wireless access point, managed from the cloud console.'],
	['firewall', 'Security', 'Next-generation firewall appliance.'],
	['UPS', 'Backup & Continuity', 'Line-interactive UPS with network card slot.'],
	['licence', 'Licensing', 'Annual subscription, per user.'],
	['dock', 'Accessories', 'Docking station.'],
	['keyboard', 'Accessories', 'Peripheral for business.'],
	['NAS', 'Servers & Storage', 'Network-attached storage, diskless.']
];

export function searchBenchCatalog(count: number): { products: Product[]; categories: Map<string, Category> } {
	const categories = new Map<string, Category>();
	for (const [, name] of KINDS) {
		const id = `bench-category-${name.toLowerCase().replace(/\W+/g, '-')}`;
		categories.set(id, { id, name, defaultMarkupPercent: 20, billingCodeId: null });
	}
	const products = benchProducts(count).map((product) => {
		const [, name, description] = KINDS.find(([kind]) => product.name.includes(` ${kind},`))!;
		const category = [...categories.values()].find((c) => c.name === name)!;
		return { ...product, categoryId: category.id, description };
	});
	return { products, categories };
}

/** What reps type beyond names and codes: a category, a typo, a synonym, a brand and a kind. */
export const TYPED_WORDS = ['monitor', 'moniter', 'notebook', 'firewall', 'dell monitor', 'accessories'];
