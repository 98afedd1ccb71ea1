// The figures the quote list shows for each quote: what the customer pays per billing cycle
// (optional lines excluded, as in quoteTotals) and how many lines it has. Summed line by line in
// one pass, without grouping lines per quote first.

import { lineTotal } from '../../../shared/pricing/quote-totals.ts';
import type { QuoteLine } from '../../../shared/schema/entities.ts';

export type QuoteSummary = { oneTime: number; monthly: number; yearly: number; lines: number };

const CYCLE_FIELD = { 'one-time': 'oneTime', monthly: 'monthly', yearly: 'yearly' } as const;

export function summarizeQuotes(lines: Iterable<QuoteLine>): Map<string, QuoteSummary> {
	const summaries = new Map<string, QuoteSummary>();
	for (const line of lines) {
		let summary = summaries.get(line.quoteId);
		if (!summary) summaries.set(line.quoteId, (summary = { oneTime: 0, monthly: 0, yearly: 0, lines: 0 }));
		summary.lines += 1;
		if (!line.optional) summary[CYCLE_FIELD[line.billing]] += lineTotal(line);
	}
	return summaries;
}
