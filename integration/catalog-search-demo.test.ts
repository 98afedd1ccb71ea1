// The catalog search (web/lib/catalog) over the sandbox's demo catalog (gateway/demo): what a rep
// types finds what the catalog has. Here because it is the one place both sides may be imported.

import { describe, expect, it } from 'vitest';
import { DEMO_CATEGORIES, demoProducts } from '../gateway/demo/demo-catalog.ts';
import { indexProducts } from '../web/lib/catalog/product-search-index.ts';
import { searchProducts } from '../web/lib/catalog/product-search.ts';

const products = demoProducts();
const index = indexProducts(products, new Map(DEMO_CATEGORIES.map((c) => [c.id, c])));
const inCategory = (key: string, activeOnly: boolean) =>
	products.filter((p) => p.categoryId === `category-${key}` && (p.active || !activeOnly)).map((p) => p.id);
const found = (typed: string, activeOnly = true) =>
	searchProducts(index, typed, { activeOnly }).products.map((p) => p.id);
const sorted = (ids: string[]) => [...ids].sort();

describe('the demo catalog', () => {
	it('has 46 laptops and 13 monitors on sale (49 and 14 with the retired ones)', () => {
		expect(inCategory('laptops', true)).toHaveLength(46);
		expect(inCategory('laptops', false)).toHaveLength(49);
		expect(inCategory('monitors', true)).toHaveLength(13);
		expect(inCategory('monitors', false)).toHaveLength(14);
	});
});

describe('catalog search over the demo catalog', () => {
	it('"monitor" lists all 13 monitors first, then the managed backup monitoring', () => {
		const ids = found('monitor');
		expect(sorted(ids.slice(0, 13))).toEqual(sorted(inCategory('monitors', true)));
		expect(ids.slice(13)).toEqual(['product-msv-msv-007']);
	});

	it('"monitor" on the Catalog screen also lists the retired monitor', () => {
		expect(sorted(found('monitor', false).slice(0, 14))).toEqual(sorted(inCategory('monitors', false)));
	});

	it('"moniter", one typo away, finds exactly the 13 monitors', () => {
		expect(sorted(found('moniter'))).toEqual(sorted(inCategory('monitors', true)));
	});

	it('"laptop" finds exactly the 46 laptops, and "laptops" and "notebook" the same', () => {
		expect(sorted(found('laptop'))).toEqual(sorted(inCategory('laptops', true)));
		expect(sorted(found('laptops'))).toEqual(sorted(inCategory('laptops', true)));
		expect(sorted(found('notebook'))).toEqual(sorted(inCategory('laptops', true)));
	});

	it('"firewall" finds the firewall services, then every firewall appliance on sale', () => {
		const names = searchProducts(index, 'firewall', { activeOnly: true }).products.map((p) => p.name);
		expect(names).toEqual([
			'Firewall installation and configuration',
			'Managed firewall, per appliance',
			'Cisco Meraki MX68 security appliance',
			'Cisco Meraki MX75 security appliance',
			'Cisco Meraki MX85 security appliance',
			'SonicWall TZ270',
			'SonicWall TZ370',
			'SonicWall TZ470',
			'SonicWall NSa 2700',
			'Fortinet FortiGate 40F',
			'Fortinet FortiGate 60F',
			'Fortinet FortiGate 70G',
			'Fortinet FortiGate 90G',
			'Fortinet FortiGate 120G'
		]);
	});

	it('finds a brand within a category: "dell monitor" is the five Dell monitors on sale', () => {
		expect(found('dell monitor')).toEqual([
			'product-mon-del-001',
			'product-mon-del-002',
			'product-mon-del-005',
			'product-mon-del-003',
			'product-mon-del-004'
		]);
	});

	it('puts an exact SKU first', () => {
		expect(found('LAP-LEN-001')).toEqual(['product-lap-len-001']);
		expect(found('fg-70g')[0]).toBe('product-sec-ftn-003');
	});
});
