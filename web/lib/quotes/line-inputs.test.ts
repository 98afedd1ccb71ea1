import { describe, expect, it } from 'vitest';
import { formatPercent, lineMargin, moneyInput, parsePercent, parseQuantity } from './line-inputs.ts';

describe('parseQuantity', () => {
	it('reads whole and fractional quantities, with thousands separators', () => {
		expect(parseQuantity('12')).toBe(12);
		expect(parseQuantity('1.5')).toBe(1.5);
		expect(parseQuantity(' 1,000 ')).toBe(1000);
		expect(parseQuantity('0')).toBe(0);
	});

	it('refuses what is not a quantity the schema accepts', () => {
		for (const text of ['', '.', '-1', 'abc', '1e3', '1.2.3', '1000001']) expect(parseQuantity(text)).toBeNull();
	});
});

describe('parsePercent', () => {
	it('reads 0 to 100, with or without a percent sign', () => {
		expect(parsePercent('10')).toBe(10);
		expect(parsePercent('12.5 %')).toBe(12.5);
		expect(parsePercent('100%')).toBe(100);
	});

	it('refuses more than 100 or anything else', () => {
		for (const text of ['101', '-5', 'ten', '']) expect(parsePercent(text)).toBeNull();
	});
});

describe('moneyInput', () => {
	it('shows minor units as an editable amount', () => {
		expect(moneyInput(123_450)).toBe('1234.50');
		expect(moneyInput(5)).toBe('0.05');
		expect(moneyInput(-250)).toBe('-2.50');
	});
});

describe('lineMargin', () => {
	it('is the discounted total less the cost, and its share of the total', () => {
		expect(lineMargin({ quantity: 2, unitPrice: 10_000, unitCost: 6_000, discountPercent: 10 })).toEqual({
			amount: 6_000,
			percent: (6_000 / 18_000) * 100
		});
	});

	it('has no percentage for a line that earns nothing', () => {
		expect(lineMargin({ quantity: 0, unitPrice: 10_000, unitCost: 6_000 })).toEqual({ amount: 0, percent: null });
	});

	it('can be negative when sold under cost', () => {
		expect(lineMargin({ quantity: 1, unitPrice: 500, unitCost: 800 }).amount).toBe(-300);
	});
});

describe('formatPercent', () => {
	it('rounds to one decimal and shows a dash for none', () => {
		expect(formatPercent(33.333)).toMatch(/33\.3\s?%/);
		expect(formatPercent(null)).toBe('—');
	});
});
