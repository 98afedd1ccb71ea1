import { describe, expect, it } from 'vitest';
import { fromCategoryDraft, toCategoryDraft } from './category-form.ts';

describe('category form', () => {
	it('round-trips a category', () => {
		const category = { id: 'c1', name: 'Laptops', defaultMarkupPercent: 18.5, billingCodeId: 'bc-101' };
		expect(toCategoryDraft(category)).toEqual({ name: 'Laptops', markup: '18.5', billingCode: 'bc-101' });
		expect(fromCategoryDraft('c1', toCategoryDraft(category))).toEqual({ ok: true, category });
	});

	it('reads "25 %" and an empty markup, and an empty billing code as none', () => {
		expect(fromCategoryDraft('c1', { name: ' Services ', markup: '25 %', billingCode: '  ' })).toEqual({
			ok: true,
			category: { id: 'c1', name: 'Services', defaultMarkupPercent: 25, billingCodeId: null }
		});
		expect(fromCategoryDraft('c1', { name: 'X', markup: '', billingCode: '' })).toMatchObject({
			ok: true,
			category: { defaultMarkupPercent: 0 }
		});
	});

	it('says what is wrong', () => {
		expect(fromCategoryDraft('c1', { name: ' ', markup: '-5', billingCode: 'b'.repeat(65) })).toEqual({
			ok: false,
			errors: {
				name: 'Name must not be empty.',
				markup: 'Markup must be a percentage from 0 to 1000.',
				billingCode: 'Billing code must be at most 64 characters.'
			}
		});
		expect(fromCategoryDraft('c1', { name: 'X', markup: '1001', billingCode: '' })).toMatchObject({ ok: false });
		expect(fromCategoryDraft('c1', { name: 'X', markup: 'ten', billingCode: '' })).toMatchObject({ ok: false });
	});
});
