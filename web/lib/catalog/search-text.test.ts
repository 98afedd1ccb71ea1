import { describe, expect, it } from 'vitest';
import { compact, fieldTokens, fold, queryTerms, words } from './search-text.ts';

describe('fold', () => {
	it('lower-cases and drops accents', () => {
		expect(fold('Café Crème ÉLAN')).toBe('cafe creme elan');
	});
});

describe('words and compact', () => {
	it('splits on anything but letters and digits', () => {
		expect(words('usb-c dock, 27" (qhd)')).toEqual(['usb', 'c', 'dock', '27', 'qhd']);
	});

	it('compacts a code to its letters and digits', () => {
		expect(compact('lap-len-001')).toBe('laplen001');
		expect(compact('13.8"')).toBe('138');
	});
});

describe('fieldTokens', () => {
	it('offers each word and each punctuated chunk compacted', () => {
		expect(fieldTokens('ThinkPad USB-C Dock')).toEqual(['thinkpad', 'usb', 'c', 'usbc', 'dock']);
	});

	it('keeps a code whole as well as in parts', () => {
		expect(fieldTokens('LAP-LEN-001')).toEqual(['lap', 'len', '001', 'laplen001']);
	});

	it('lists a word once', () => {
		expect(fieldTokens('Dock dock DOCK')).toEqual(['dock']);
	});

	it('offers nothing for blank text', () => {
		expect(fieldTokens('  ')).toEqual([]);
	});
});

describe('queryTerms', () => {
	it('is one compact term per typed chunk', () => {
		expect(queryTerms('  Dell  USB-C  Moniteur ')).toEqual(['dell', 'usbc', 'moniteur']);
	});

	it('drops chunks with no letter or digit', () => {
		expect(queryTerms('dock - &')).toEqual(['dock']);
		expect(queryTerms('   ')).toEqual([]);
	});
});
