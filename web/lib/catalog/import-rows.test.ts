import { describe, expect, it } from 'vitest';
import type { Category } from '../../../shared/schema/catalog-entities.ts';
import { readCsv } from './csv-file.ts';
import { detectColumns } from './import-columns.ts';
import { countDataRows, planImport, type ImportContext } from './import-rows.ts';
import { buildProduct } from './test-products.ts';

const laptops: Category = { id: 'cat-laptops', name: 'Laptops', defaultMarkupPercent: 18, billingCodeId: 'bc-101' };
const licensing: Category = { id: 'cat-licensing', name: 'Licensing', defaultMarkupPercent: 12, billingCodeId: null };
const existing = buildProduct({
	id: 'p-existing',
	sku: 'LAP-001',
	name: 'Old name',
	description: 'Kept',
	categoryId: 'cat-laptops',
	distributor: 'ingram',
	active: false
});

function context(overrides: Partial<ImportContext> = {}): ImportContext {
	let n = 0;
	return { categories: [laptops, licensing], products: [existing], newId: () => `new-${++n}`, ...overrides };
}

const HEADERS = [
	'name',
	'sku',
	'mpn',
	'description',
	'category',
	'cost',
	'price',
	'billing',
	'distributor',
	'no_procurement'
];
const plan = (rows: string[][], headers = HEADERS, ctx = context()) => planImport(rows, detectColumns(headers), ctx);

describe('planImport', () => {
	it('turns a clean row into a new product with a fresh id', () => {
		const result = plan([
			[
				'Dell Latitude 5450',
				'LAP-002',
				'LAT5450',
				'Business laptop',
				'laptops',
				'980.00',
				'1,157.00',
				'one-time',
				'TD SYNNEX',
				'no'
			]
		]);
		expect(result).toEqual({
			issues: [],
			created: 1,
			updated: 0,
			products: [
				{
					id: 'new-1',
					name: 'Dell Latitude 5450',
					sku: 'LAP-002',
					mpn: 'LAT5450',
					description: 'Business laptop',
					categoryId: 'cat-laptops',
					cost: 98_000,
					price: 115_700,
					billing: 'one-time',
					distributor: 'tdsynnex',
					noProcurement: false,
					active: true
				}
			]
		});
	});

	it('updates the product with the same SKU, keeping its id and every value the file leaves empty', () => {
		const result = plan([['New name', ' lap-001 ', '', '', '', '', '$1,500', 'monthly', '', '']]);
		expect(result.issues).toEqual([]);
		expect(result).toMatchObject({ created: 0, updated: 1 });
		// SKUs match whatever their case; the file's spelling wins.
		expect(result.products).toEqual([
			{ ...existing, sku: 'lap-001', name: 'New name', price: 150_000, billing: 'monthly' }
		]);
	});

	it('applies defaults to a new product where cells are empty or columns absent', () => {
		const result = plan([['Service', 'SVC-1']], ['name', 'sku']);
		expect(result.products).toEqual([
			expect.objectContaining({
				mpn: '',
				description: '',
				categoryId: null,
				cost: 0,
				price: 0,
				billing: 'one-time',
				distributor: null,
				noProcurement: false,
				active: true
			})
		]);
	});

	it('reads the ways people write billing, distributors and yes/no', () => {
		const headers = ['name', 'sku', 'billing', 'distributor', 'no_procurement', 'active'];
		const rows = [
			['A', 'A', 'One time', 'Ingram Micro', 'Yes', 'TRUE'],
			['B', 'B', 'Annual', 'td-synnex', 'x', '0'],
			['C', 'C', 'MONTH', 'none', 'N', 'y']
		];
		expect(plan(rows, headers).products.map((p) => [p.billing, p.distributor, p.noProcurement, p.active])).toEqual([
			['one-time', 'ingram', true, true],
			['yearly', 'tdsynnex', true, false],
			['monthly', null, false, true]
		]);
	});

	it('reports each bad cell with its row, field and problem, and imports none of the file', () => {
		const rows = [
			['Good', 'G-1', '', '', 'Laptops', '10', '12', 'one-time', '', ''],
			['', 'B-1', '', '', 'Phones', 'ten', '-5', 'weekly', 'Amazon', 'maybe'],
			['', '', '', '', '', '', '', '', '', ''],
			['Also good', 'g-1', '', '', '', '', '', '', '', '']
		];
		const result = plan(rows);
		expect(result.issues).toEqual([
			{
				row: 3,
				field: 'Category',
				problem: 'No category is named "Phones". Add it under Categories, or correct the name.'
			},
			{ row: 3, field: 'Cost', problem: 'Cost "ten" is not an amount like 1234.50.' },
			{ row: 3, field: 'Billing', problem: 'Billing "weekly" must be one-time, monthly or yearly.' },
			{ row: 3, field: 'Distributor', problem: 'Distributor "Amazon" must be Ingram Micro, TD SYNNEX or none.' },
			{
				row: 3,
				field: 'Does not require procurement',
				problem: 'Does not require procurement "maybe" must be yes or no.'
			},
			{ row: 3, field: 'Name', problem: 'Name must not be empty.' },
			{ row: 3, field: 'Price', problem: 'Price must not be negative.' },
			{ row: 5, field: 'SKU', problem: 'SKU g-1 is also on row 2: a product may appear once.' }
		]);
	});

	it('needs a SKU on every row', () => {
		expect(plan([['No SKU', '']]).issues).toEqual([
			{ row: 2, field: 'SKU', problem: expect.stringContaining('SKU is empty') }
		]);
	});

	it('checks lengths with the product schema', () => {
		const result = plan([['x'.repeat(301), 'S-1']], ['name', 'sku']);
		expect(result.issues).toEqual([{ row: 2, field: 'Name', problem: 'Name must be at most 300 characters.' }]);
	});

	it('skips blank rows without counting them', () => {
		const rows = [
			['A', 'A'],
			['', ' '],
			['B', 'B']
		];
		expect(plan(rows, ['name', 'sku']).products).toHaveLength(2);
		expect(countDataRows(rows)).toBe(2);
	});

	it('reads, maps and checks a 5,000-row file quickly, matching existing SKUs', async () => {
		const products = Array.from({ length: 2_500 }, (_, k) => buildProduct({ id: `p-${k}`, sku: `SKU-${k}` }));
		const lines = Array.from(
			{ length: 5_000 },
			(_, k) => `"Product ${k}, 16 GB",SKU-${k},MPN-${k},A description,Laptops,${k}.50,${k + 100}.00,monthly,ingram,no`
		);
		const text = [HEADERS.join(','), ...lines].join('\n');
		const started = performance.now();
		const content = await readCsv(text);
		const result = planImport(content.rows, detectColumns(content.headers), context({ products }));
		const elapsed = performance.now() - started;
		expect(result.issues).toEqual([]);
		expect(result).toMatchObject({ created: 2_500, updated: 2_500 });
		expect(result.products).toHaveLength(5_000);
		expect(result.products[0]).toMatchObject({
			id: 'p-0',
			name: 'Product 0, 16 GB',
			cost: 50,
			price: 10_000,
			categoryId: 'cat-laptops'
		});
		expect(result.products[4_999]).toMatchObject({ id: expect.stringMatching(/^new-/), sku: 'SKU-4999' });
		expect(elapsed).toBeLessThan(3_000);
	});
});
