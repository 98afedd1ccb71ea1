import { describe, expect, it } from 'vitest';
import { amountToCents, centsToAmount, dateTimeToMillis, dateToDateTime } from './money.ts';

describe('money', () => {
	it('turns cents into decimal amounts and back without float drift', () => {
		expect(centsToAmount(134_900)).toBe(1349);
		expect(centsToAmount(1_999)).toBe(19.99);
		expect(centsToAmount(-250)).toBe(-2.5);
		expect(amountToCents(19.99)).toBe(1_999);
		expect(amountToCents(0.1 + 0.2)).toBe(30);
		expect(amountToCents(null)).toBe(0);
		expect(amountToCents(undefined)).toBe(0);
	});

	it('round-trips every cent value in a range', () => {
		const drifted: number[] = [];
		for (let cents = -1_000; cents <= 1_000_000; cents += 7)
			if (amountToCents(centsToAmount(cents)) !== cents) drifted.push(cents);
		expect(drifted).toEqual([]);
	});
});

describe('dates', () => {
	it('sends calendar dates as midnight UTC', () => {
		expect(dateToDateTime('2026-12-01')).toBe('2026-12-01T00:00:00.000Z');
	});

	it('reads date-times with or without a zone as UTC, and nothing for garbage', () => {
		expect(dateTimeToMillis('2026-11-01T09:00:00Z')).toBe(Date.UTC(2026, 10, 1, 9));
		expect(dateTimeToMillis('2026-11-01T09:00:00')).toBe(Date.UTC(2026, 10, 1, 9));
		expect(dateTimeToMillis('2026-11-01T10:00:00+01:00')).toBe(Date.UTC(2026, 10, 1, 9));
		expect(dateTimeToMillis('yesterday')).toBeNull();
		expect(dateTimeToMillis(null)).toBeNull();
		expect(dateTimeToMillis('')).toBeNull();
	});
});
