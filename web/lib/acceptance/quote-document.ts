// What a quote document shows, worked out from rows: lines in order and grouped by section, totals
// per billing cycle, and the acceptance sentence. Shared by the customer's answer view and the print
// view; it knows nothing about where the rows come from.

import { quoteTotals } from '../../../shared/pricing/quote-totals.ts';
import type { BillingCycle } from '../../../shared/schema/catalog-entities.ts';
import type { Quote, QuoteLine } from '../../../shared/schema/entities.ts';

/** Lines in the order the quote lists them: by fractional position, then by id (as content-hash does). */
export function sortLines(lines: readonly QuoteLine[]): QuoteLine[] {
	return [...lines].sort((a, b) =>
		a.position < b.position ? -1 : a.position > b.position ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0
	);
}

export type LineSection = { title: string; lines: QuoteLine[] };

/**
 * Consecutive lines under one heading form a section, in line order: the document reads in the
 * order the rep arranged, so a heading used twice apart appears twice rather than lines moving.
 */
export function lineSections(lines: readonly QuoteLine[]): LineSection[] {
	const sections: LineSection[] = [];
	for (const line of sortLines(lines)) {
		const title = line.section.trim();
		const last = sections.at(-1);
		if (last && last.title === title) last.lines.push(line);
		else sections.push({ title, lines: [line] });
	}
	return sections;
}

export const CYCLE_LABELS: Record<BillingCycle, string> = {
	'one-time': 'One-time',
	monthly: 'Monthly',
	yearly: 'Yearly'
};
export const CYCLE_SUFFIX: Record<BillingCycle, string> = { 'one-time': '', monthly: ' / month', yearly: ' / year' };

export type TotalRow = { cycle: BillingCycle; label: string; amount: number; optional: number };

/**
 * One row per billing cycle the quote uses (priced or optional lines), in one-time, monthly, yearly
 * order; a quote with no line at all still shows its one-time total of zero.
 */
export function totalRows(lines: readonly QuoteLine[]): TotalRow[] {
	const totals = quoteTotals(lines);
	const used = new Set(lines.map((l) => l.billing));
	const rows = (['one-time', 'monthly', 'yearly'] as const)
		.filter((cycle) => used.has(cycle))
		.map((cycle) => ({
			cycle,
			label: CYCLE_LABELS[cycle],
			amount: totals.price[cycle],
			optional: totals.optional[cycle]
		}));
	return rows.length > 0 ? rows : [{ cycle: 'one-time', label: CYCLE_LABELS['one-time'], amount: 0, optional: 0 }];
}

export type DateOptions = { locale?: string; timeZone?: string };

export function formatDateTime(at: number, options: DateOptions = {}): string {
	return new Intl.DateTimeFormat(options.locale, {
		dateStyle: 'long',
		timeStyle: 'short',
		timeZone: options.timeZone
	}).format(at);
}

/** A calendar date (validUntil) as people read it; it has no time zone, so it is formatted as UTC. */
export function formatDay(isoDay: string, options: DateOptions = {}): string {
	return new Intl.DateTimeFormat(options.locale, { dateStyle: 'long', timeZone: 'UTC' }).format(
		Date.parse(`${isoDay}T00:00:00Z`)
	);
}

/** "Accepted by Carla Customer on 3 November 2026 at 09:14", or only "Accepted" for an old row without it. */
export function describeAcceptance(acceptance: Quote['acceptance'], options: DateOptions = {}): string {
	if (!acceptance) return 'Accepted';
	return `Accepted by ${acceptance.name} on ${formatDateTime(acceptance.at, options)}`;
}

/** The content fingerprint in groups of four, easier to read aloud or compare on paper. */
export function formatFingerprint(hash: string): string {
	return hash.match(/.{1,4}/g)?.join(' ') ?? hash;
}

export function formatQuantity(quantity: number, locale?: string): string {
	return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(quantity);
}
