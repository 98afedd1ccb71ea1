import { describe, expect, it } from 'vitest';
import { buildProduct } from './build-product.ts';
import { createCatalogIndex, normalize, searchCatalog } from './catalog-search.ts';

const catalog = [
	buildProduct({ id: 'p-t14', name: 'Lenovo ThinkPad T14 Gen 6', sku: 'LEN-T14G6', mpn: '21QC0030US' }),
	buildProduct({ id: 'p-x1', name: 'Lenovo ThinkPad X1 Carbon', sku: 'LEN-X1C', mpn: '21KC006BUS' }),
	buildProduct({ id: 'p-dock', name: 'ThinkPad Universal USB-C Dock', sku: 'LEN-DOCK', mpn: '40AY0090US' }),
	buildProduct({ id: 'p-fg', name: 'Fortinet FortiGate 70G', sku: 'FG-70G', mpn: 'FG-70G-BDL' }),
	buildProduct({ id: 'p-m365', name: 'Microsoft 365 Business Premium', sku: 'M365-BP', mpn: '', billing: 'monthly' }),
	buildProduct({ id: 'p-cafe', name: 'Café machine service', sku: 'CAFE-1', mpn: '' }),
	buildProduct({ id: 'p-old', name: 'Lenovo ThinkPad T480', sku: 'LEN-T480', mpn: '', active: false })
];
const index = createCatalogIndex(catalog);
const ids = (typed: string, limit?: number) => searchCatalog(index, typed, limit).products.map((p) => p.id);

describe('searchCatalog', () => {
	it('finds nothing for blank input', () => {
		expect(searchCatalog(index, '   ')).toEqual({ products: [], total: 0 });
	});

	it('matches by name, SKU or MPN, case-insensitively', () => {
		expect(ids('fortigate')).toEqual(['p-fg']);
		expect(ids('len-x1c')).toEqual(['p-x1']);
		expect(ids('21qc0030')).toEqual(['p-t14']);
	});

	it('needs every word somewhere, in any order', () => {
		expect(ids('thinkpad carbon')).toEqual(['p-x1']);
		expect(ids('carbon thinkpad')).toEqual(['p-x1']);
		expect(ids('thinkpad fortigate')).toEqual([]);
	});

	it('ranks an exact code first, then a code that starts with the query', () => {
		expect(ids('fg-70g')[0]).toBe('p-fg');
		expect(ids('len-t')[0]).toBe('p-t14');
	});

	it('ranks names starting with the query above names merely containing it', () => {
		// Equal scores: the shorter name, then the alphabetical one.
		expect(ids('thinkpad')).toEqual(['p-dock', 'p-t14', 'p-x1']);
		expect(ids('x1')).toEqual(['p-x1']);
	});

	it('prefers a word that starts with what was typed', () => {
		// "pad" starts no word of "ThinkPad …" but "Dock" is a word start for "dock".
		expect(ids('dock')).toEqual(['p-dock']);
		expect(ids('carb')).toEqual(['p-x1']);
	});

	it('leaves inactive products out', () => {
		expect(ids('t480')).toEqual([]);
	});

	it('ignores accents and extra spaces', () => {
		expect(ids('  cafe   machine ')).toEqual(['p-cafe']);
		expect(normalize('Café')).toBe('cafe');
	});

	it('returns at most `limit` products and counts every match', () => {
		const result = searchCatalog(index, 'lenovo thinkpad', 1);
		expect(result.products).toHaveLength(1);
		expect(result.total).toBe(2);
	});

	it('keeps the same best results whatever the catalog order', () => {
		const shuffled = createCatalogIndex([...catalog].reverse());
		expect(searchCatalog(shuffled, 'thinkpad').products.map((p) => p.id)).toEqual(ids('thinkpad'));
	});
});
