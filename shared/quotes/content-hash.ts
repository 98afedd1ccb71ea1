// A fingerprint of what a customer reads on a quote, so an acceptance records the exact content it
// applied to and is refused if the quote changed in between. FNV-1a (64 bit) over canonical JSON:
// pure, synchronous and the same on every runtime; not a security boundary, only a change detector.

import type { Quote, QuoteLine } from '../schema/entities.ts';

export function quoteContentHash(quote: Quote, lines: readonly QuoteLine[]): string {
	const ordered = [...lines].sort((a, b) =>
		a.position < b.position ? -1 : a.position > b.position ? 1 : a.id < b.id ? -1 : 1
	);
	const content = {
		title: quote.title,
		companyId: quote.companyId,
		validUntil: quote.validUntil,
		paymentTerm: quote.paymentTerm,
		notes: quote.notes,
		lines: ordered.map((l) => [
			l.id,
			l.productId,
			l.description,
			l.quantity,
			l.unitPrice,
			l.discountPercent,
			l.billing,
			l.optional,
			l.section
		])
	};
	return fnv1a64(JSON.stringify(content));
}

function fnv1a64(text: string): string {
	let hash = 0xcbf29ce484222325n;
	const prime = 0x100000001b3n;
	for (const byte of new TextEncoder().encode(text)) {
		hash ^= BigInt(byte);
		hash = (hash * prime) & 0xffffffffffffffffn;
	}
	return hash.toString(16).padStart(16, '0');
}
