import { describe, expect, it } from 'vitest';
import { buildProduct } from './test-products.ts';
import { ANY_CATEGORY, indexProducts, NO_CATEGORY, searchProducts } from './product-search.ts';

const thinkpad = buildProduct({
	name: 'Lenovo ThinkPad T14 Gen 6',
	sku: 'LAP-LEN-001',
	mpn: '21QC0001',
	categoryId: 'cat-laptops'
});
const dock = buildProduct({
	name: 'ThinkPad USB-C Dock',
	sku: 'ACC-DCK-001',
	mpn: '40AY0090US',
	categoryId: 'cat-accessories'
});
const cable = buildProduct({ name: 'Cat6 patch cable', sku: 'ACC-CBL-001', mpn: 'C6-1M', categoryId: null });
const index = indexProducts([thinkpad, dock, cable]);
const names = (query: string, category?: string) => searchProducts(index, query, category).map((p) => p.name);

describe('searchProducts', () => {
	it('lists everything for an empty search, in the given order', () => {
		expect(names('')).toEqual([thinkpad.name, dock.name, cable.name]);
		expect(names('   ')).toHaveLength(3);
	});

	it('matches name, SKU and MPN, ignoring case', () => {
		expect(names('thinkpad')).toEqual([thinkpad.name, dock.name]);
		expect(names('acc-dck')).toEqual([dock.name]);
		expect(names('40ay')).toEqual([dock.name]);
	});

	it('needs every typed word, in any order and any field', () => {
		expect(names('dock thinkpad')).toEqual([dock.name]);
		expect(names('t14 lap-len')).toEqual([thinkpad.name]);
		expect(names('thinkpad cable')).toEqual([]);
	});

	it('puts an exact SKU or MPN match first', () => {
		const adapter = buildProduct({ name: 'Adapter for 21QC0001 and 40AY0090US', sku: 'ACC-ADP-001' });
		const reordered = indexProducts([adapter, thinkpad, dock]);
		expect(searchProducts(reordered, '21qc0001').map((p) => p.sku)).toEqual(['LAP-LEN-001', 'ACC-ADP-001']);
		expect(searchProducts(reordered, ' ACC-DCK-001 ').map((p) => p.sku)).toEqual(['ACC-DCK-001']);
		expect(searchProducts(reordered, '40ay0090us').map((p) => p.sku)).toEqual(['ACC-DCK-001', 'ACC-ADP-001']);
	});

	it('filters by category, or by having none', () => {
		expect(names('', 'cat-laptops')).toEqual([thinkpad.name]);
		expect(names('thinkpad', 'cat-accessories')).toEqual([dock.name]);
		expect(names('', NO_CATEGORY)).toEqual([cable.name]);
		expect(names('', ANY_CATEGORY)).toHaveLength(3);
	});

	it('searches 5,000 products in a few milliseconds', () => {
		const many = indexProducts(
			Array.from({ length: 5_000 }, (_, k) =>
				buildProduct({ name: `Product ${k} with a fairly long descriptive name`, sku: `SKU-${k}`, mpn: `MPN${k}` })
			)
		);
		const queries = ['p', 'pr', 'pro', 'prod', 'product 4', 'product 49', 'sku-4999'];
		for (const query of queries) searchProducts(many, query);
		const started = performance.now();
		for (const query of queries) searchProducts(many, query);
		// A keystroke's budget is one frame; the bound is loose for a busy CI machine.
		expect((performance.now() - started) / queries.length).toBeLessThan(16);
		expect(searchProducts(many, 'sku-4999')[0]!.sku).toBe('SKU-4999');
	});
});
