// The demo catalog: a dozen categories and about three hundred products, expanded from compact
// model tables (a family of models times its variants), so the sandbox feels like a real MSP's
// price list. Deterministic: the same rows, ids and prices on every start.

import type { Category, PricingBook, Product } from '../../shared/schema/catalog-entities.ts';
import { CATEGORY_TABLE, FAMILIES, TERMS, type CategoryKey, type Variant } from './demo-product-families.ts';

export const DEMO_CATEGORIES: Category[] = CATEGORY_TABLE.map(([key, name, markup, billingCodeId]) => ({
	id: `category-${key}`,
	name,
	defaultMarkupPercent: markup,
	billingCodeId
}));

const cents = (units: number) => Math.round(units * 100);

/** Rounds a marked-up price up to a whole currency unit, the way a price list reads. */
function markedUp(costCents: number, markupPercent: number): number {
	return Math.ceil((costCents * (1 + markupPercent / 100)) / 100) * 100;
}

function termPrice(variant: Variant, amount: number): number {
	// The monthly term costs about a fifth more per month; the annual one is twelve months at once.
	return variant[1] === '-M' ? Math.round(amount * 1.2) : amount * 12;
}

/** Every demo product, in a stable order with stable ids (derived from the SKU). */
export function demoProducts(): Product[] {
	const markup = new Map(CATEGORY_TABLE.map(([key, , m, , prefix]) => [key, { m, prefix }]));
	const counters = new Map<string, number>();
	const products: Product[] = [];
	for (const family of FAMILIES) {
		const { m, prefix } = markup.get(family.category)!;
		for (const [model, mpnStem, cost, price, retired] of family.models) {
			for (const variant of family.variants ?? [['', '', 0] as const]) {
				const skuStem = `${prefix}-${family.code}`;
				const n = (counters.get(skuStem) ?? 0) + 1;
				counters.set(skuStem, n);
				const sku = `${skuStem}-${String(n).padStart(3, '0')}`;
				const isTerm = family.variants === TERMS;
				const costCents = cents(cost + variant[2]);
				const listCents = price === undefined ? markedUp(costCents, m) : cents(price);
				const name = [family.brand, model].filter(Boolean).join(' ');
				products.push({
					id: `product-${sku.toLowerCase()}`,
					name: variant[0] ? `${name}, ${variant[0]}` : name,
					sku,
					mpn: mpnStem ? `${mpnStem}${variant[1]}` : '',
					description: family.description,
					categoryId: `category-${family.category}`,
					cost: isTerm ? termPrice(variant, costCents) : costCents,
					price: isTerm ? termPrice(variant, listCents) : listCents,
					billing: isTerm ? (variant[1] === '-M' ? 'monthly' : 'yearly') : (family.billing ?? 'one-time'),
					distributor: family.distributor,
					noProcurement: family.noProcurement ?? false,
					active: !retired
				});
			}
		}
	}
	return products;
}

function discounted(price: number, percentOff: number): number {
	const exact = (price * (100 - percentOff)) / 100;
	// Hardware prices read as whole units; per-user licence prices keep their cents.
	return price >= 10_000 ? Math.round(exact / 100) * 100 : Math.round(exact);
}

function bookPrices(
	products: readonly Product[],
	pick: (p: Product) => boolean,
	percentOff: number
): Record<string, number> {
	return Object.fromEntries(
		products.filter((p) => p.active && p.price > 0 && pick(p)).map((p) => [p.id, discounted(p.price, percentOff)])
	);
}

/**
 * Three customer pricing books, dated from `now` so they stay meaningful: one valid this year and
 * next, one open-ended, and one that ran out last year (kept to show that expired books are ignored).
 */
export function demoPricingBooks(products: readonly Product[], now: number): PricingBook[] {
	const year = new Date(now).getUTCFullYear();
	const inCategory =
		(...keys: CategoryKey[]) =>
		(p: Product) =>
			keys.some((key) => p.categoryId === `category-${key}`);
	return [
		{
			id: 'pricing-book-preferred',
			name: 'Preferred hardware pricing',
			companyIds: ['company-acme', 'company-globex', 'company-initech'],
			validFrom: `${year}-01-01`,
			validTo: `${year + 1}-12-31`,
			prices: bookPrices(products, inCategory('laptops', 'desktops', 'monitors', 'accessories'), 8)
		},
		{
			id: 'pricing-book-regulated',
			name: 'Healthcare and legal agreement',
			companyIds: ['company-umbrella', 'company-wayne', 'company-cyberdyne'],
			validFrom: null,
			validTo: null,
			prices: bookPrices(products, (p) => inCategory('managed', 'backup')(p) || p.sku.startsWith('LIC-MSL'), 10)
		},
		{
			id: 'pricing-book-stark-rollout',
			name: 'Stark Logistics rollout',
			companyIds: ['company-stark'],
			validFrom: `${year - 1}-01-01`,
			validTo: `${year - 1}-12-31`,
			prices: bookPrices(products, inCategory('networking', 'security'), 12)
		}
	];
}
