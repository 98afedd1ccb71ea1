import { describe, expect, it } from 'vitest';
import { confirmedValues, sameBefores, type RowBefore } from './confirmed-values.ts';

const line = (quantity: number): RowBefore => ({ table: 'quoteLines', id: 'l1', value: { id: 'l1', quantity } });
const quote: RowBefore = { table: 'quotes', id: 'q1', value: null };

describe('confirmedValues', () => {
	it('takes each row from the earliest entry that holds it', () => {
		expect(confirmedValues([{ before: [line(1)] }, { before: [line(2), quote] }])).toEqual([line(1), quote]);
	});

	it('passes over entries that hold nothing (written before version 16)', () => {
		expect(confirmedValues([{}, { before: [] }, { before: [line(3)] }])).toEqual([line(3)]);
	});
});

describe('sameBefores', () => {
	it('is the same for equal rows and for nothing held against an empty list', () => {
		expect(sameBefores([line(1)], [line(1)])).toBe(true);
		expect(sameBefores(undefined, [])).toBe(true);
	});

	it('differs when a value or the rows held differ', () => {
		expect(sameBefores([line(1)], [line(2)])).toBe(false);
		expect(sameBefores([line(1), quote], [line(1)])).toBe(false);
	});
});
