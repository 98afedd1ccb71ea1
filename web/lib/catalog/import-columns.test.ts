import { describe, expect, it } from 'vitest';
import { detectColumns, emptyMapping, mapColumn, mappingProblems } from './import-columns.ts';

describe('detectColumns', () => {
	it('finds the documented headers, whatever their case and punctuation', () => {
		const headers = [
			'Name',
			'SKU',
			'MPN',
			'Description',
			'Category',
			'Cost',
			'Price',
			'Billing',
			'Distributor',
			'No_Procurement'
		];
		expect(detectColumns(headers)).toEqual({
			name: 0,
			sku: 1,
			mpn: 2,
			description: 3,
			category: 4,
			cost: 5,
			price: 6,
			billing: 7,
			distributor: 8,
			no_procurement: 9,
			active: null
		});
	});

	it('knows common other names and ignores a byte-order mark and extra columns', () => {
		const headers = [
			'\uFEFFProduct Name',
			'Notes',
			'Mfr. Part Number',
			'Unit cost',
			'List price',
			'Item code',
			'Does not require procurement',
			'Enabled'
		];
		expect(detectColumns(headers)).toMatchObject({
			name: 0,
			mpn: 2,
			cost: 3,
			price: 4,
			sku: 5,
			no_procurement: 6,
			active: 7,
			description: null
		});
	});

	it('gives each column to one field only', () => {
		expect(detectColumns(['price', 'price'])).toMatchObject({ price: 0 });
		expect(detectColumns(['sku', 'sku', 'name'])).toMatchObject({ sku: 0, name: 2 });
	});

	it('maps nothing from headers it does not know', () => {
		expect(detectColumns(['foo', 'bar'])).toEqual(emptyMapping());
		expect(detectColumns([])).toEqual(emptyMapping());
	});
});

describe('mapColumn', () => {
	it('moves a column from the field that had it', () => {
		const mapping = detectColumns(['name', 'sku', 'code']);
		const next = mapColumn(mapping, 'mpn', 1);
		expect(next).toMatchObject({ name: 0, sku: null, mpn: 1 });
		expect(mapping.sku).toBe(1);
		expect(mapColumn(next, 'mpn', null)).toMatchObject({ mpn: null, sku: null });
	});
});

describe('mappingProblems', () => {
	it('asks for the SKU and Name columns', () => {
		expect(mappingProblems(emptyMapping())).toHaveLength(2);
		expect(mappingProblems(detectColumns(['sku', 'name']))).toEqual([]);
		expect(mappingProblems(detectColumns(['name']))).toEqual([expect.stringContaining('SKU')]);
	});
});
