// Quote arithmetic in integer minor units: a line's total is rounded once, half away from zero,
// and the quote's total is the sum of its rounded lines, so what a customer adds up matches.

export type PricedLine = { quantity: number; unitPrice: number };

export function lineTotal(line: PricedLine): number {
	const exact = line.quantity * line.unitPrice;
	return Math.sign(exact) * Math.round(Math.abs(exact));
}

export function quoteTotal(lines: readonly PricedLine[]): number {
	return lines.reduce((sum, line) => sum + lineTotal(line), 0);
}

/** Parses what a person types as a price ("1,234.5", "12") into minor units; null when it is not a number. */
export function parseMoney(text: string): number | null {
	const cleaned = text.replace(/[\s,]/g, '');
	if (!/^-?\d*(\.\d{0,2})?$/.test(cleaned) || cleaned === '' || cleaned === '-' || cleaned === '.') return null;
	const [whole = '0', fraction = ''] = cleaned.replace('-', '').split('.');
	const cents = Number(whole || '0') * 100 + Number(fraction.padEnd(2, '0'));
	return cleaned.startsWith('-') ? -cents : cents;
}

export function formatMoney(minorUnits: number, currency = 'USD', locale?: string): string {
	return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(minorUnits / 100);
}
