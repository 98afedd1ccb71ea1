import { describe, expect, it } from 'vitest';
import {
	bookLines,
	bookStatus,
	newPricingBook,
	validityText,
	withCompany,
	withoutPrice,
	withPrice
} from './pricing-books.ts';
import { buildProduct } from './test-products.ts';

describe('pricing books', () => {
	it('is in force from its first day through its last', () => {
		const book = { validFrom: '2026-01-01', validTo: '2026-12-31' };
		expect(bookStatus(book, '2025-12-31')).toBe('upcoming');
		expect(bookStatus(book, '2026-01-01')).toBe('current');
		expect(bookStatus(book, '2026-12-31')).toBe('current');
		expect(bookStatus(book, '2027-01-01')).toBe('expired');
		expect(bookStatus({ validFrom: null, validTo: null }, '1999-01-01')).toBe('current');
	});

	it('says its validity in words', () => {
		expect(validityText({ validFrom: '2026-01-01', validTo: '2026-12-31' })).toBe('2026-01-01 to 2026-12-31');
		expect(validityText({ validFrom: '2026-01-01', validTo: null })).toBe('From 2026-01-01');
		expect(validityText({ validFrom: null, validTo: '2026-12-31' })).toBe('Until 2026-12-31');
		expect(validityText({ validFrom: null, validTo: null })).toBe('No end date');
	});

	it('lists prices by product name, with removed products last', () => {
		const dock = buildProduct({ id: 'p-dock', name: 'Dock' });
		const cable = buildProduct({ id: 'p-cable', name: 'Cable' });
		const book = { ...newPricingBook('b', ' Acme '), prices: { 'p-gone': 5, 'p-dock': 10, 'p-cable': 20 } };
		expect(book.name).toBe('Acme');
		const lines = bookLines(book, new Map([dock, cable].map((p) => [p.id, p])));
		expect(lines.map((l) => [l.productId, l.price, l.product?.name])).toEqual([
			['p-cable', 20, 'Cable'],
			['p-dock', 10, 'Dock'],
			['p-gone', 5, undefined]
		]);
	});

	it('changes prices and companies without touching the book it was given', () => {
		const book = newPricingBook('b', 'Acme');
		const priced = withPrice(book, 'p1', 1_000);
		expect(priced.prices).toEqual({ p1: 1_000 });
		expect(book.prices).toEqual({});
		expect(withoutPrice(withPrice(priced, 'p2', 5), 'p1').prices).toEqual({ p2: 5 });
		const assigned = withCompany(withCompany(book, 'c1', true), 'c2', true);
		expect(assigned.companyIds).toEqual(['c1', 'c2']);
		expect(withCompany(assigned, 'c1', true).companyIds).toEqual(['c2', 'c1']);
		expect(withCompany(assigned, 'c1', false).companyIds).toEqual(['c2']);
	});
});
