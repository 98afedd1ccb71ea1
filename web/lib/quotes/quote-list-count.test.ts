import { describe, expect, it } from 'vitest';
import { quoteListCount } from './quote-list-count.ts';

describe('quoteListCount', () => {
	it('says quote for one and quotes for any other number', () => {
		expect(quoteListCount(0, 0)).toBe('0 quotes');
		expect(quoteListCount(1, 1)).toBe('1 quote');
		expect(quoteListCount(50, 50)).toBe('50 quotes');
	});

	it('says how many of them the filters show', () => {
		expect(quoteListCount(0, 1)).toBe('0 of 1 quote');
		expect(quoteListCount(3, 50)).toBe('3 of 50 quotes');
	});
});
