import { describe, expect, it } from 'vitest';
import type { PricingBook } from '../schema/catalog-entities.ts';
import { customerPrice, isoDay, listPrice } from './customer-price.ts';

const product = { id: 'p1', price: 10_000, cost: 6_000 };
const book = (overrides: Partial<PricingBook>): PricingBook => ({
	id: 'book-a',
	name: 'Acme prices',
	companyIds: ['acme'],
	validFrom: null,
	validTo: null,
	prices: { p1: 9_000 },
	...overrides
});

describe('listPrice', () => {
	it('is the product price when it has one', () => {
		expect(listPrice(product, { defaultMarkupPercent: 50 })).toEqual({ price: 10_000, source: 'list' });
	});
	it('is cost plus the category markup when the product has no price', () => {
		expect(listPrice({ price: 0, cost: 6_000 }, { defaultMarkupPercent: 25 })).toEqual({
			price: 7_500,
			source: 'markup'
		});
		expect(listPrice({ price: 0, cost: 333 }, { defaultMarkupPercent: 10 })).toEqual({ price: 366, source: 'markup' });
		expect(listPrice({ price: 0, cost: 6_000 }, undefined)).toEqual({ price: 0, source: 'list' });
	});
});

describe('customerPrice', () => {
	const today = '2026-11-21';
	it('uses a pricing book assigned to the company', () => {
		expect(customerPrice(product, undefined, 'acme', [book({})], today)).toEqual({
			price: 9_000,
			source: 'pricing-book',
			bookId: 'book-a'
		});
	});
	it('ignores books of other companies, books without the product and books out of their dates', () => {
		const books = [
			book({ companyIds: ['globex'] }),
			book({ prices: { other: 1 } }),
			book({ validFrom: '2026-11-22' }),
			book({ validTo: '2026-11-20' })
		];
		expect(customerPrice(product, undefined, 'acme', books, today)).toEqual({ price: 10_000, source: 'list' });
	});
	it('counts the first and last valid day as valid', () => {
		expect(customerPrice(product, undefined, 'acme', [book({ validFrom: today, validTo: today })], today).source).toBe(
			'pricing-book'
		);
	});
	it('gives the lowest of several valid prices, ties broken by book id', () => {
		const books = [
			book({ id: 'book-z', prices: { p1: 8_000 } }),
			book({ id: 'book-b', prices: { p1: 8_500 } }),
			book({ id: 'book-c', prices: { p1: 8_000 } })
		];
		expect(customerPrice(product, undefined, 'acme', books, today)).toEqual({
			price: 8_000,
			source: 'pricing-book',
			bookId: 'book-c'
		});
	});
	it('can make a product free for a customer', () => {
		expect(customerPrice(product, undefined, 'acme', [book({ prices: { p1: 0 } })], today).price).toBe(0);
	});
});

describe('isoDay', () => {
	it('is the UTC calendar day', () => {
		expect(isoDay(Date.UTC(2026, 10, 21, 23, 59))).toBe('2026-11-21');
	});
});
