// What people type into a quote line's fields, read as the schema's numbers, and the figures a line
// shows beside them (margin, billing cycle). Money is in minor units; parseMoney reads amounts.

import { lineCost, lineTotal, type PricedLine } from '../../../shared/pricing/quote-totals.ts';
import type { BillingCycle } from '../../../shared/schema/catalog-entities.ts';

export const BILLING_LABELS = {
	'one-time': 'One-time',
	monthly: 'Monthly',
	yearly: 'Yearly'
} as const satisfies Record<BillingCycle, string>;

/** Appended to an amount billed per cycle: "$22.00 / month". */
export const CYCLE_SUFFIX = { 'one-time': '', monthly: ' / month', yearly: ' / year' } as const satisfies Record<
	BillingCycle,
	string
>;

function readNumber(text: string): number | null {
	const cleaned = text.replace(/[\s,]/g, '');
	if (!/^\d*\.?\d*$/.test(cleaned) || cleaned === '' || cleaned === '.') return null;
	return Number(cleaned);
}

/** A quantity of 0 to 1,000,000, fractions allowed (hours, say); null otherwise. */
export function parseQuantity(text: string): number | null {
	const n = readNumber(text);
	return n !== null && n <= 1_000_000 ? n : null;
}

/** A discount of 0 to 100 percent, "%" allowed; null otherwise. */
export function parsePercent(text: string): number | null {
	const n = readNumber(text.replace(/%\s*$/, ''));
	return n !== null && n <= 100 ? n : null;
}

/** Minor units as an editable amount: 123450 → "1234.50". */
export function moneyInput(minorUnits: number): string {
	return (minorUnits / 100).toFixed(2);
}

/** What a line earns: its discounted total less its cost, and that as a share of the total. */
export function lineMargin(line: PricedLine): { amount: number; percent: number | null } {
	const total = lineTotal(line);
	const amount = total - lineCost(line);
	return { amount, percent: total === 0 ? null : (amount / total) * 100 };
}

const percentFormat = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 1 });

export function formatPercent(percent: number | null): string {
	return percent === null ? '—' : percentFormat.format(percent / 100);
}
