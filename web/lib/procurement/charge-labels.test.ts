import { describe, expect, it } from 'vitest';
import { productLabel, quantityLabel, whenLabel } from './charge-labels.ts';

describe('quantityLabel', () => {
	it('writes whole and fractional quantities without trailing zeros', () => {
		expect(quantityLabel(2, 'en-US')).toBe('2');
		expect(quantityLabel(1.5, 'en-US')).toBe('1.5');
		expect(quantityLabel(1250, 'en-US')).toBe('1,250');
	});
});

describe('whenLabel', () => {
	it('gives the date and the time of day', () => {
		expect(whenLabel(Date.UTC(2025, 2, 4, 14, 5), 'en-US', 'UTC')).toBe('Mar 4, 2025, 2:05 PM');
	});
});

describe('productLabel', () => {
	it('names a linked product, says when it is not on this device, and says nothing without a link', () => {
		expect(productLabel('Dell WD19 dock')).toBe('Dell WD19 dock');
		expect(productLabel(undefined)).toBe('A product not on this device');
		expect(productLabel(null)).toBeNull();
	});
});
