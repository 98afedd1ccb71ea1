// Data for the quote-screen benches, generated deterministically: a catalog of realistic product
// names and codes (brands × families × models), quotes of a given number of lines in sections, and
// the companies they belong to. Rows start from the tests' build<Entity>() factories.

import { generateNKeysBetween } from 'fractional-indexing';
import type { Product } from '../../shared/schema/catalog-entities.ts';
import type { Company, Quote, QuoteLine } from '../../shared/schema/entities.ts';
import { buildCompany, buildQuote, buildQuoteLine } from '../../shared/test/builders.ts';
import { buildProduct } from '../../web/lib/quotes/build-product.ts';

const BRANDS = ['Lenovo', 'Dell', 'HP', 'Cisco', 'Ubiquiti', 'Fortinet', 'APC', 'Microsoft', 'Logitech', 'Synology'];
const FAMILIES = [
	'ThinkPad',
	'Latitude',
	'EliteBook',
	'Catalyst',
	'UniFi',
	'FortiGate',
	'Smart-UPS',
	'Surface',
	'MX',
	'DiskStation'
];
const KINDS = ['laptop', 'monitor', 'switch', 'access point', 'firewall', 'UPS', 'licence', 'dock', 'keyboard', 'NAS'];
const CYCLES = ['one-time', 'one-time', 'one-time', 'monthly', 'yearly'] as const;

export function benchProducts(count: number): Product[] {
	return Array.from({ length: count }, (_, k) => {
		const brand = BRANDS[k % BRANDS.length]!;
		const family = FAMILIES[Math.floor(k / BRANDS.length) % FAMILIES.length]!;
		const kind = KINDS[Math.floor(k / 100) % KINDS.length]!;
		const model = `${String.fromCharCode(65 + (k % 26))}${100 + (k % 900)}`;
		return buildProduct({
			id: `bench-product-${String(k).padStart(5, '0')}`,
			name: `${brand} ${family} ${model} ${kind}, gen ${1 + (k % 7)}`,
			sku: `${brand.slice(0, 3).toUpperCase()}-${model}-${String(k).padStart(5, '0')}`,
			mpn: `${(k * 7919).toString(36).toUpperCase()}${model}`,
			cost: 1_000 + ((k * 37) % 200_000),
			price: 1_500 + ((k * 53) % 300_000),
			billing: CYCLES[k % CYCLES.length]!
		});
	});
}

/** What a rep types: a name, a brand and model, a SKU, an MPN; each is typed one character at a time. */
export const TYPED = [
	'thinkpad',
	'dell latitude',
	'ubiquiti unifi access',
	'LEN-A100',
	'fortigate firewall',
	'surface dock gen 3',
	'NAS'
];

export const BENCH_COMPANY: Company = buildCompany({ id: 'bench-company', name: 'Acme Corporation' });

export function benchQuoteWithLines(id: string, lines: number, updatedAt = 0): { quote: Quote; lines: QuoteLine[] } {
	const keys = generateNKeysBetween(null, null, lines);
	const sections = ['Hardware', 'Licences', 'Services', 'Optional extras'];
	return {
		quote: buildQuote({
			id,
			companyId: BENCH_COMPANY.id,
			title: `Bench quote ${id}`,
			ownerId: 'user-sales-demo',
			updatedAt
		}),
		lines: keys.map((position, j) =>
			buildQuoteLine({
				id: `${id}-line-${String(j).padStart(4, '0')}`,
				quoteId: id,
				description: `Line ${j + 1}: ${BRANDS[j % BRANDS.length]} ${FAMILIES[j % FAMILIES.length]} ${KINDS[j % KINDS.length]}`,
				quantity: 1 + (j % 12),
				unitPrice: 2_000 + ((j * 977) % 150_000),
				unitCost: 1_000 + ((j * 613) % 90_000),
				discountPercent: j % 9 === 0 ? 5 : 0,
				billing: CYCLES[j % CYCLES.length]!,
				optional: j % 23 === 22,
				section: sections[Math.floor((j * sections.length) / lines)]!,
				position
			})
		)
	};
}
