import { describe, expect, it } from 'vitest';
import { defaultValue, isActiveValue, labelOf, valueOf } from './picklist.ts';

const terms = [
	{ value: '1', label: 'Due on Receipt', isActive: true, isDefaultValue: false },
	{ value: '3', label: 'Net 30', isActive: false, isDefaultValue: true },
	{ value: '4', label: 'Net 60', isActive: true, isDefaultValue: false }
];

describe('picklists', () => {
	it('maps values to labels, whether the value is a number or a string', () => {
		expect(labelOf(terms, 4)).toBe('Net 60');
		expect(labelOf(terms, '1')).toBe('Due on Receipt');
		expect(labelOf(terms, 2)).toBeNull();
		expect(labelOf(terms, null)).toBeNull();
	});

	it('maps labels to values, trimmed and case-insensitive', () => {
		expect(valueOf(terms, ' net 60 ')).toBe(4);
		expect(valueOf(terms, 'Net 90')).toBeNull();
	});

	it('knows a deleted or deactivated value is not active', () => {
		expect(isActiveValue(terms, 4)).toBe(true);
		expect(isActiveValue(terms, 3)).toBe(false);
		expect(isActiveValue(terms, 2)).toBe(false);
	});

	it('offers the default only while it is active', () => {
		expect(defaultValue(terms)).toBeNull();
		expect(defaultValue([{ value: '2', label: 'New', isDefaultValue: true }])).toBe(2);
	});
});
