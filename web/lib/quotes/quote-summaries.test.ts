import { describe, expect, it } from 'vitest';
import { quoteTotals } from '../../../shared/pricing/quote-totals.ts';
import { buildQuoteLine } from '../../../shared/test/builders.ts';
import { summarizeQuotes } from './quote-summaries.ts';

describe('summarizeQuotes', () => {
	const lines = [
		buildQuoteLine({ quoteId: 'q1', quantity: 3, unitPrice: 333, discountPercent: 10 }),
		buildQuoteLine({ quoteId: 'q1', quantity: 2, unitPrice: 2_200, billing: 'monthly' }),
		buildQuoteLine({ quoteId: 'q1', quantity: 1, unitPrice: 9_900, billing: 'yearly' }),
		buildQuoteLine({ quoteId: 'q1', quantity: 1, unitPrice: 50_000, optional: true }),
		buildQuoteLine({ quoteId: 'q2', quantity: 1, unitPrice: 100 })
	];

	it('sums each quote per billing cycle exactly as quoteTotals does, optional lines excluded', () => {
		const summaries = summarizeQuotes(lines);
		const q1 = quoteTotals(lines.filter((l) => l.quoteId === 'q1')).price;
		expect(summaries.get('q1')).toEqual({ oneTime: q1['one-time'], monthly: q1.monthly, yearly: q1.yearly, lines: 4 });
		expect(summaries.get('q1')!.oneTime).toBe(899);
		expect(summaries.get('q2')).toEqual({ oneTime: 100, monthly: 0, yearly: 0, lines: 1 });
	});

	it('has no entry for a quote without lines', () => {
		expect(summarizeQuotes([]).size).toBe(0);
	});
});
