// Quote arithmetic in integer minor units. Each line is rounded once (half away from zero) after
// its discount, and a quote's totals are sums of rounded lines, per billing cycle, so what a customer
// adds up on paper matches. Optional lines are offered, not counted.

import type { BillingCycle } from '../schema/catalog-entities.ts';

export type PricedLine = {
	quantity: number;
	unitPrice: number;
	unitCost?: number;
	discountPercent?: number;
	billing?: BillingCycle;
	optional?: boolean;
};

export type CycleTotals = Record<BillingCycle, number>;

export type QuoteTotals = {
	/** What the customer pays, per billing cycle, optional lines excluded. */
	price: CycleTotals;
	cost: CycleTotals;
	margin: CycleTotals;
	/** Margin as a percentage of price over all cycles, or null when nothing is priced. */
	marginPercent: number | null;
	/** What the optional lines would add, per billing cycle. */
	optional: CycleTotals;
};

function roundHalfAway(value: number): number {
	return Math.sign(value) * Math.round(Math.abs(value));
}

/** The line's price after its discount. */
export function lineTotal(line: PricedLine): number {
	const discount = line.discountPercent ?? 0;
	return roundHalfAway((line.quantity * line.unitPrice * (100 - discount)) / 100);
}

export function lineCost(line: PricedLine): number {
	return roundHalfAway(line.quantity * (line.unitCost ?? 0));
}

const zero = (): CycleTotals => ({ 'one-time': 0, monthly: 0, yearly: 0 });

export function quoteTotals(lines: readonly PricedLine[]): QuoteTotals {
	const price = zero();
	const cost = zero();
	const optional = zero();
	for (const line of lines) {
		const cycle = line.billing ?? 'one-time';
		if (line.optional) {
			optional[cycle] += lineTotal(line);
			continue;
		}
		price[cycle] += lineTotal(line);
		cost[cycle] += lineCost(line);
	}
	const margin = {
		'one-time': price['one-time'] - cost['one-time'],
		monthly: price.monthly - cost.monthly,
		yearly: price.yearly - cost.yearly
	};
	const priced = price['one-time'] + price.monthly + price.yearly;
	const earned = margin['one-time'] + margin.monthly + margin.yearly;
	return { price, cost, margin, optional, marginPercent: priced === 0 ? null : (earned / priced) * 100 };
}

/** The one-time total, the figure a list shows for a quote. */
export function quoteTotal(lines: readonly PricedLine[]): number {
	return quoteTotals(lines).price['one-time'];
}

/** Parses what a person types as a price ("1,234.5", "12") into minor units; null when it is not a number. */
export function parseMoney(text: string): number | null {
	const cleaned = text.replace(/[\s,]/g, '');
	if (!/^-?\d*(\.\d{0,2})?$/.test(cleaned) || cleaned === '' || cleaned === '-' || cleaned === '.') return null;
	const [whole = '0', fraction = ''] = cleaned.replace('-', '').split('.');
	const cents = Number(whole || '0') * 100 + Number(fraction.padEnd(2, '0'));
	return cleaned.startsWith('-') ? -cents : cents;
}

// Building an Intl.NumberFormat costs far more than formatting with one: a 200-line quote formats
// hundreds of amounts per render, so each (locale, currency) pair is built once.
const moneyFormats = new Map<string, Intl.NumberFormat>();

export function formatMoney(minorUnits: number, currency = 'USD', locale?: string): string {
	const key = `${locale ?? ''}|${currency}`;
	let format = moneyFormats.get(key);
	if (!format) moneyFormats.set(key, (format = new Intl.NumberFormat(locale, { style: 'currency', currency })));
	return format.format(minorUnits / 100);
}
