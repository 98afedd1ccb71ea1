import { describe, expect, it } from 'vitest';
import { formatMoney, lineTotal, parseMoney, quoteTotal, quoteTotals } from './quote-totals.ts';

describe('lineTotal', () => {
	it('multiplies quantity by unit price in minor units', () => {
		expect(lineTotal({ quantity: 3, unitPrice: 1_999 })).toBe(5_997);
	});
	it('rounds fractional quantities half away from zero', () => {
		expect(lineTotal({ quantity: 0.5, unitPrice: 1_001 })).toBe(501);
		expect(lineTotal({ quantity: 0.5, unitPrice: -1_001 })).toBe(-501);
		expect(lineTotal({ quantity: 1.25, unitPrice: 333 })).toBe(416);
	});
	it('is zero for a zero quantity', () => {
		expect(lineTotal({ quantity: 0, unitPrice: 12_345 })).toBe(0);
	});
});

describe('quoteTotal', () => {
	it('sums the rounded line totals', () => {
		const lines = [
			{ quantity: 0.5, unitPrice: 1_001 },
			{ quantity: 0.5, unitPrice: 1_001 }
		];
		expect(quoteTotal(lines)).toBe(1_002);
	});
	it('is zero for no lines', () => {
		expect(quoteTotal([])).toBe(0);
	});
});

describe('parseMoney', () => {
	it.each([
		['12', 1_200],
		['12.5', 1_250],
		['12.05', 1_205],
		['1,234.56', 123_456],
		['.5', 50],
		['-3.10', -310],
		[' 7 ', 700]
	])('reads %j as %i minor units', (text, cents) => {
		expect(parseMoney(text)).toBe(cents);
	});
	it.each(['', 'abc', '1.234', '1.2.3', '-', '.', '12$'])('refuses %j', (text) => {
		expect(parseMoney(text)).toBeNull();
	});
});

describe('formatMoney', () => {
	it('formats minor units with the currency', () => {
		expect(formatMoney(123_456, 'USD', 'en-US')).toBe('$1,234.56');
		expect(formatMoney(-50, 'EUR', 'en-US')).toBe('-€0.50');
	});
});

describe('discounts', () => {
	it('applies the discount before rounding the line once', () => {
		expect(lineTotal({ quantity: 3, unitPrice: 999, discountPercent: 10 })).toBe(2_697); // 2697.3
		expect(lineTotal({ quantity: 1, unitPrice: 1_005, discountPercent: 50 })).toBe(503); // 502.5 rounds away from zero
		expect(lineTotal({ quantity: 2, unitPrice: 5_000, discountPercent: 100 })).toBe(0);
	});
});

describe('quoteTotals', () => {
	const lines = [
		{ quantity: 2, unitPrice: 10_000, unitCost: 7_000, billing: 'one-time' as const },
		{ quantity: 10, unitPrice: 2_200, unitCost: 1_500, billing: 'monthly' as const, discountPercent: 10 },
		{ quantity: 1, unitPrice: 12_000, unitCost: 0, billing: 'yearly' as const },
		{ quantity: 1, unitPrice: 50_000, unitCost: 40_000, billing: 'one-time' as const, optional: true },
		{ quantity: 5, unitPrice: 900, billing: 'monthly' as const, optional: true }
	];

	it('adds price, cost and margin per billing cycle, leaving optional lines out', () => {
		const totals = quoteTotals(lines);
		expect(totals.price).toEqual({ 'one-time': 20_000, monthly: 19_800, yearly: 12_000 });
		expect(totals.cost).toEqual({ 'one-time': 14_000, monthly: 15_000, yearly: 0 });
		expect(totals.margin).toEqual({ 'one-time': 6_000, monthly: 4_800, yearly: 12_000 });
		expect(totals.optional).toEqual({ 'one-time': 50_000, monthly: 4_500, yearly: 0 });
	});

	it('gives the margin as a share of the price over every cycle', () => {
		expect(quoteTotals(lines).marginPercent).toBeCloseTo((22_800 / 51_800) * 100, 10);
		expect(quoteTotals([]).marginPercent).toBeNull();
		expect(quoteTotals([{ quantity: 1, unitPrice: 1_000, optional: true }]).marginPercent).toBeNull();
	});

	it('counts a line with no billing cycle as one-time, and quoteTotal is that figure', () => {
		expect(quoteTotals([{ quantity: 1, unitPrice: 100 }]).price['one-time']).toBe(100);
		expect(quoteTotal(lines)).toBe(20_000);
	});

	it('a negative line (a credit) lowers the total and the margin', () => {
		const totals = quoteTotals([
			{ quantity: 1, unitPrice: 10_000, unitCost: 6_000 },
			{ quantity: 1, unitPrice: -1_500 }
		]);
		expect(totals.price['one-time']).toBe(8_500);
		expect(totals.margin['one-time']).toBe(2_500);
	});
});
