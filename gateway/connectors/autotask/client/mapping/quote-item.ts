// Outpost quote line → Autotask QuoteItems payload (psa-apis.md §1.3: exactly one item field, all
// three discounts 0 when there is none). A line with no Autotask product cannot be sent: it is one of
// the "Some line items not synchronized". Pure.

import type { QuoteLine } from '../../../../../shared/schema/entities.ts';
import type { CreateBody } from '../entity-schemas.ts';
import { centsToAmount } from './money.ts';

export type QuoteItemRefs = {
	quoteID: number;
	/** The Autotask product the line's product is linked to; null when it has none. */
	productID: number | null;
	/** The tenant's quoteItemType value labelled "Product". */
	productItemType: number;
	/** The line's place in the quote, from 1 (Outpost orders lines by fractional keys; Autotask by number). */
	sortOrder: number;
};

export type QuoteItemPayload = CreateBody<'QuoteItems'> & { quoteID: number };

export function quoteItemPayload(
	line: Pick<QuoteLine, 'description' | 'quantity' | 'unitPrice' | 'discountPercent' | 'optional'>,
	refs: QuoteItemRefs
): { ok: true; value: QuoteItemPayload } | { ok: false; reason: 'no_product' } {
	if (refs.productID === null) return { ok: false, reason: 'no_product' };
	return {
		ok: true,
		value: {
			quoteID: refs.quoteID,
			quoteItemType: refs.productItemType,
			productID: refs.productID,
			name: line.description.split('\n')[0]!.trim().slice(0, 100) || null,
			description: line.description.slice(0, 2000) || null,
			quantity: line.quantity,
			unitPrice: centsToAmount(line.unitPrice),
			isOptional: line.optional,
			unitDiscount: 0,
			lineDiscount: 0,
			percentageDiscount: line.discountPercent,
			sortOrderID: refs.sortOrder
		}
	};
}
