import { describe, expect, it } from 'vitest';
import { attemptsLabel, entityCountLabel, plural, timeAgo } from './issue-labels.ts';

describe('entityCountLabel', () => {
	it('names the records a group holds, with thousands separated', () => {
		expect(entityCountLabel(Array.from({ length: 40 }, () => ({ entityTable: 'quotes' })))).toBe('40 quotes');
		expect(entityCountLabel([{ entityTable: 'companies' }])).toBe('1 company');
		expect(entityCountLabel(Array.from({ length: 1234 }, () => ({ entityTable: 'products' })))).toBe('1,234 products');
	});

	it('lists the largest table first when a group spans tables, and says "records" for unknown ones', () => {
		expect(
			entityCountLabel([
				{ entityTable: 'companies' },
				{ entityTable: 'quotes' },
				{ entityTable: 'quotes' },
				{ entityTable: 'widgets' }
			])
		).toBe('2 quotes, 1 company, 1 record');
	});

	it('counts the quotes whose syncs failed, whichever of their records each issue names', () => {
		expect(
			entityCountLabel([
				{ entityTable: 'products', quoteId: 'q-1' },
				{ entityTable: 'products', quoteId: 'q-2' },
				{ entityTable: 'contacts', quoteId: 'q-3' },
				{ entityTable: 'companies', quoteId: null }
			])
		).toBe('3 quotes, 1 company');
	});
});

describe('plural and attemptsLabel', () => {
	it('uses the singular for one only', () => {
		expect(plural(0, 'quote', 'quotes')).toBe('0 quotes');
		expect(attemptsLabel(1)).toBe('1 attempt');
		expect(attemptsLabel(3)).toBe('3 attempts');
	});
});

describe('timeAgo', () => {
	const now = 1_000_000_000;
	it('rounds down to the largest whole unit', () => {
		expect(timeAgo(now - 30_000, now)).toBe('just now');
		expect(timeAgo(now - 60_000, now)).toBe('1 minute ago');
		expect(timeAgo(now - 59 * 60_000, now)).toBe('59 minutes ago');
		expect(timeAgo(now - 2 * 3_600_000 - 1, now)).toBe('2 hours ago');
		expect(timeAgo(now - 3 * 86_400_000, now)).toBe('3 days ago');
	});

	it('treats a time slightly ahead of this device’s clock as now', () => {
		expect(timeAgo(now + 5_000, now)).toBe('just now');
	});
});
