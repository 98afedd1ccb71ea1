import { describe, expect, it } from 'vitest';
import { formatMoney, lineTotal, parseMoney, quoteTotal } from './quote-totals.ts';

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
