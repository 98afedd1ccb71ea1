import { describe, expect, it } from 'vitest';
import { buildQuoteLine } from '../../../shared/test/builders.ts';
import {
	describeAcceptance,
	formatDateTime,
	formatDay,
	formatFingerprint,
	formatQuantity,
	lineSections,
	sortLines,
	totalRows
} from './quote-document.ts';

const GB_UTC = { locale: 'en-GB', timeZone: 'UTC' };

describe('sortLines', () => {
	it('orders by position, then by id, without touching the input', () => {
		const lines = [
			buildQuoteLine({ id: 'c', position: 'a2' }),
			buildQuoteLine({ id: 'b', position: 'a1' }),
			buildQuoteLine({ id: 'a', position: 'a1' })
		];
		expect(sortLines(lines).map((l) => l.id)).toEqual(['a', 'b', 'c']);
		expect(lines.map((l) => l.id)).toEqual(['c', 'b', 'a']);
	});
});

describe('lineSections', () => {
	it('is empty without lines', () => {
		expect(lineSections([])).toEqual([]);
	});

	it('keeps lines without a heading in one untitled section', () => {
		const lines = [buildQuoteLine({ id: 'a', position: 'a0' }), buildQuoteLine({ id: 'b', position: 'a1' })];
		expect(lineSections(lines)).toEqual([{ title: '', lines }]);
	});

	it('groups consecutive lines under their heading, in line order', () => {
		const hw1 = buildQuoteLine({ id: 'hw1', position: 'a0', section: 'Hardware' });
		const hw2 = buildQuoteLine({ id: 'hw2', position: 'a1', section: ' Hardware ' });
		const svc = buildQuoteLine({ id: 'svc', position: 'a2', section: 'Services' });
		expect(lineSections([svc, hw2, hw1])).toEqual([
			{ title: 'Hardware', lines: [hw1, hw2] },
			{ title: 'Services', lines: [svc] }
		]);
	});

	it('repeats a heading used again further down rather than moving lines', () => {
		const lines = [
			buildQuoteLine({ id: '1', position: 'a0', section: 'A' }),
			buildQuoteLine({ id: '2', position: 'a1', section: 'B' }),
			buildQuoteLine({ id: '3', position: 'a2', section: 'A' })
		];
		expect(lineSections(lines).map((s) => [s.title, s.lines.map((l) => l.id)])).toEqual([
			['A', ['1']],
			['B', ['2']],
			['A', ['3']]
		]);
	});
});

describe('totalRows', () => {
	it('shows a zero one-time total for a quote without lines', () => {
		expect(totalRows([])).toEqual([{ cycle: 'one-time', label: 'One-time', amount: 0, optional: 0 }]);
	});

	it('has one row per billing cycle in use, in cycle order', () => {
		const rows = totalRows([
			buildQuoteLine({ billing: 'yearly', quantity: 1, unitPrice: 12_000 }),
			buildQuoteLine({ billing: 'one-time', quantity: 2, unitPrice: 10_000, discountPercent: 10 }),
			buildQuoteLine({ billing: 'monthly', quantity: 3, unitPrice: 2_200 })
		]);
		expect(rows).toEqual([
			{ cycle: 'one-time', label: 'One-time', amount: 18_000, optional: 0 },
			{ cycle: 'monthly', label: 'Monthly', amount: 6_600, optional: 0 },
			{ cycle: 'yearly', label: 'Yearly', amount: 12_000, optional: 0 }
		]);
	});

	it('leaves optional lines out of the total and shows what they would add', () => {
		const rows = totalRows([
			buildQuoteLine({ billing: 'monthly', quantity: 1, unitPrice: 5_000 }),
			buildQuoteLine({ billing: 'monthly', quantity: 1, unitPrice: 1_500, optional: true })
		]);
		expect(rows).toEqual([{ cycle: 'monthly', label: 'Monthly', amount: 5_000, optional: 1_500 }]);
	});

	it('shows a cycle that only optional lines use, at zero', () => {
		const rows = totalRows([
			buildQuoteLine({ billing: 'one-time', quantity: 1, unitPrice: 100 }),
			buildQuoteLine({ billing: 'yearly', quantity: 1, unitPrice: 900, optional: true })
		]);
		expect(rows.map((r) => [r.cycle, r.amount, r.optional])).toEqual([
			['one-time', 100, 0],
			['yearly', 0, 900]
		]);
	});
});

describe('dates', () => {
	const at = Date.UTC(2026, 10, 3, 9, 14);

	it('formats a moment with the date and the time', () => {
		expect(formatDateTime(at, GB_UTC)).toBe('3 November 2026 at 09:14');
	});

	it('formats a calendar day the same in every time zone', () => {
		expect(formatDay('2026-12-31', { locale: 'en-GB' })).toBe('31 December 2026');
	});
});

describe('describeAcceptance', () => {
	it('names who accepted and when', () => {
		const acceptance = { name: 'Carla Customer', at: Date.UTC(2026, 10, 3, 9, 14), contentHash: 'abc' };
		expect(describeAcceptance(acceptance, GB_UTC)).toBe('Accepted by Carla Customer on 3 November 2026 at 09:14');
	});

	it('says only "Accepted" for a row accepted before acceptances were recorded', () => {
		expect(describeAcceptance(null)).toBe('Accepted');
	});
});

describe('formatFingerprint', () => {
	it('groups the hash by four characters', () => {
		expect(formatFingerprint('0123456789abcdef')).toBe('0123 4567 89ab cdef');
		expect(formatFingerprint('abcdef')).toBe('abcd ef');
		expect(formatFingerprint('')).toBe('');
	});
});

describe('formatQuantity', () => {
	it('shows whole numbers plainly and fractions to two places', () => {
		expect(formatQuantity(12, 'en-US')).toBe('12');
		expect(formatQuantity(1.5, 'en-US')).toBe('1.5');
		expect(formatQuantity(2.3333, 'en-US')).toBe('2.33');
		expect(formatQuantity(1200, 'en-US')).toBe('1,200');
	});
});
