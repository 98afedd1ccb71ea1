// How a ticket charge's numbers and times read on the procurement screen.

export function quantityLabel(quantity: number, locale?: string): string {
	return new Intl.NumberFormat(locale, { maximumFractionDigits: 4 }).format(quantity);
}

export function whenLabel(at: number, locale?: string, timeZone?: string): string {
	return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(at);
}

/** A linked product that did not replicate here (no product permission) is still named as linked. */
export function productLabel(productName: string | null | undefined): string | null {
	if (productName === null) return null;
	return productName ?? 'A product not on this device';
}
