import { describe, expect, it } from 'vitest';
import { fromCategoryDraft, toCategoryDraft } from './category-form.ts';

describe('category form', () => {
	it('round-trips a category', () => {
		const category = { id: 'c1', name: 'Laptops', defaultMarkupPercent: 18.5, billingCodeId: 'bc-101' };
		expect(toCategoryDraft(category)).toEqual({ name: 'Laptops', markup: '18.5', billingCode: 'bc-101', keywords: '' });
		expect(fromCategoryDraft('c1', toCategoryDraft(category))).toEqual({ ok: true, category });
	});

	it('round-trips the search words as a comma-separated list', () => {
		const category = {
			id: 'c1',
			name: 'Laptops',
			defaultMarkupPercent: 18,
			billingCodeId: null,
			keywords: ['notebook', 'ultrabook']
		};
		expect(toCategoryDraft(category).keywords).toBe('notebook, ultrabook');
		expect(fromCategoryDraft('c1', toCategoryDraft(category))).toEqual({ ok: true, category });
	});

	it('reads search words loosely: spaces, empty items and repeats are dropped', () => {
		const draft = { name: 'Laptops', markup: '18', billingCode: '', keywords: ' notebook,, Ultrabook , notebook,' };
		expect(fromCategoryDraft('c1', draft)).toMatchObject({
			ok: true,
			category: { keywords: ['notebook', 'Ultrabook'] }
		});
		expect(fromCategoryDraft('c1', { ...draft, keywords: ' , ' })).toEqual({
			ok: true,
			category: { id: 'c1', name: 'Laptops', defaultMarkupPercent: 18, billingCodeId: null }
		});
	});

	it('reads "25 %" and an empty markup, and an empty billing code as none', () => {
		expect(fromCategoryDraft('c1', { name: ' Services ', markup: '25 %', billingCode: '  ', keywords: '' })).toEqual({
			ok: true,
			category: { id: 'c1', name: 'Services', defaultMarkupPercent: 25, billingCodeId: null }
		});
		expect(fromCategoryDraft('c1', { name: 'X', markup: '', billingCode: '' })).toMatchObject({
			ok: true,
			category: { defaultMarkupPercent: 0 }
		});
	});

	it('says what is wrong', () => {
		const draft = { name: ' ', markup: '-5', billingCode: 'b'.repeat(65), keywords: `ok, ${'k'.repeat(61)}` };
		expect(fromCategoryDraft('c1', draft)).toEqual({
			ok: false,
			errors: {
				name: 'Name must not be empty.',
				markup: 'Markup must be a percentage from 0 to 1000.',
				billingCode: 'Billing code must be at most 64 characters.',
				keywords: 'Search words must be at most 60 characters each.'
			}
		});
		const many = Array.from({ length: 51 }, (_, k) => `word${k}`).join(',');
		expect(fromCategoryDraft('c1', { name: 'X', markup: '', billingCode: '', keywords: many })).toEqual({
			ok: false,
			errors: { keywords: 'At most 50 search words.' }
		});
		const blank = { name: 'X', billingCode: '', keywords: '' };
		expect(fromCategoryDraft('c1', { ...blank, markup: '1001' })).toMatchObject({ ok: false });
		expect(fromCategoryDraft('c1', { ...blank, markup: 'ten' })).toMatchObject({ ok: false });
	});
});
