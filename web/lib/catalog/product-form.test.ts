import { describe, expect, it } from 'vitest';
import { buildProduct } from './test-products.ts';
import { emptyDraft, fromDraft, moneyText, toDraft } from './product-form.ts';

describe('product form', () => {
	it('round-trips a product through the text a person edits', () => {
		const product = buildProduct({
			cost: 104_000,
			price: 122_850,
			categoryId: 'cat-1',
			distributor: 'ingram',
			billing: 'monthly',
			noProcurement: true,
			active: false
		});
		expect(toDraft(product)).toMatchObject({
			cost: '1040.00',
			price: '1228.50',
			categoryId: 'cat-1',
			distributor: 'ingram'
		});
		expect(fromDraft(product.id, toDraft(product))).toEqual({ ok: true, product });
	});

	it('turns "no category" and "no distributor" into null, and trims the text fields', () => {
		const draft = { ...emptyDraft(), name: '  Dock  ', sku: ' D-1 ', cost: '1,234.5', price: '$1,500' };
		expect(fromDraft('p1', draft)).toEqual({
			ok: true,
			product: expect.objectContaining({
				name: 'Dock',
				sku: 'D-1',
				categoryId: null,
				distributor: null,
				cost: 123_450,
				price: 150_000
			})
		});
	});

	it('reads an empty price as zero, so the category markup applies', () => {
		const result = fromDraft('p1', { ...emptyDraft(), name: 'Cable', price: '', cost: '2.10' });
		expect(result).toMatchObject({ ok: true, product: { price: 0, cost: 210 } });
	});

	it('names each field that is wrong, in words', () => {
		const result = fromDraft('p1', { ...emptyDraft(), name: '   ', cost: '12.345', price: '-5', sku: 'x'.repeat(101) });
		expect(result).toEqual({
			ok: false,
			errors: {
				name: 'Name must not be empty.',
				cost: 'Cost must be an amount like 1234.50.',
				price: 'Price must not be negative.',
				sku: 'SKU must be at most 100 characters.'
			}
		});
	});

	it('formats cents for the money inputs', () => {
		expect(moneyText(0)).toBe('0.00');
		expect(moneyText(5)).toBe('0.05');
		expect(moneyText(123_456)).toBe('1234.56');
	});
});
