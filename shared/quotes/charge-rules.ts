// The lifecycle rules of quote charges (seed: Ticket charge statuses, Charges cancelled), pure:
// which lines become charges, and what a withdrawn quote, a changed billing code mapping, an admin's
// cancel and a re-order do to them. The gateway and the client apply the same rules.

import type { Category, Product } from '../schema/catalog-entities.ts';
import type { Quote, QuoteLine } from '../schema/entities.ts';
import type { CancelReason, QuoteCharge } from '../schema/quote-charge-entities.ts';

/** Statuses a quote may leave its charges standing in; any other withdraws them. */
const WITHDRAWN = new Set<Quote['status']>(['declined', 'retracted']);

export function isWithdrawn(quote: Pick<Quote, 'status'>): boolean {
	return WITHDRAWN.has(quote.status);
}

/** Lines the customer is billed for: not an optional line, and some quantity of something. */
export function billableLines(lines: QuoteLine[]): QuoteLine[] {
	return lines.filter((line) => !line.optional && line.quantity > 0);
}

/** The unit price after the line's discount, in minor units. */
export function discountedUnitPrice(line: Pick<QuoteLine, 'unitPrice' | 'discountPercent'>): number {
	return Math.round(line.unitPrice * (1 - line.discountPercent / 100));
}

/**
 * A charge's id, the same on every device that applies the mutation: the line's id and which charge
 * of that line it is (a re-order makes the second). Long line ids fall back to a hash of them.
 */
export function chargeId(quoteLineId: string, ordinal: number): string {
	const plain = `qc${ordinal}-${quoteLineId}`;
	if (plain.length <= 64) return plain;
	let [a, b] = [0x811c9dc5, 0x01000193];
	for (let k = 0; k < quoteLineId.length; k++) {
		a = Math.imul(a ^ quoteLineId.charCodeAt(k), 0x01000193) >>> 0;
		b = Math.imul(b ^ quoteLineId.charCodeAt(k), 0x811c9dc5) >>> 0;
	}
	return `qc${ordinal}-h${a.toString(16)}${b.toString(16)}`;
}

export type ChargeCatalog = {
	product(id: string): Pick<Product, 'id' | 'categoryId'> | undefined;
	category(id: string): Pick<Category, 'id' | 'billingCodeId'> | undefined;
};

/** The billing code a line's charge carries today: its product's category's (products inherit it). */
export function billingCodeOf(
	productId: string | null,
	catalog: ChargeCatalog
): {
	categoryId: string | null;
	billingCodeId: string | null;
} {
	const categoryId = productId ? (catalog.product(productId)?.categoryId ?? null) : null;
	return { categoryId, billingCodeId: categoryId ? (catalog.category(categoryId)?.billingCodeId ?? null) : null };
}

/** A new Pending charge of `line` on `ticketId`. */
export function newCharge(
	line: QuoteLine,
	ticketId: string,
	ordinal: number,
	catalog: ChargeCatalog,
	now: number
): QuoteCharge {
	return {
		id: chargeId(line.id, ordinal),
		quoteId: line.quoteId,
		quoteLineId: line.id,
		ticketId,
		productId: line.productId,
		...billingCodeOf(line.productId, catalog),
		name: (line.description.split('\n')[0] ?? '').slice(0, 300) || 'Quote line',
		quantity: line.quantity,
		unitPrice: discountedUnitPrice(line),
		unitCost: line.unitCost,
		status: 'pending',
		externalId: null,
		psaCancelPending: false,
		cancelReason: null,
		reorder: false,
		reorderedAs: null,
		error: null,
		issueId: null,
		createdAt: now,
		updatedAt: now
	};
}

/** Whether a charge still stands: it is, or will be, a live charge in the PSA. */
export function isLive(charge: Pick<QuoteCharge, 'status'>): boolean {
	return charge.status !== 'cancelled';
}

/**
 * Cancels a charge. One the PSA has (or may have: an Error after a create whose answer was lost) is
 * cancelled there at the next sync; a Pending one never reaches it.
 */
export function cancelCharge(charge: QuoteCharge, reason: CancelReason, now: number): QuoteCharge {
	if (!isLive(charge)) return charge;
	return {
		...charge,
		status: 'cancelled',
		psaCancelPending: charge.status !== 'pending',
		cancelReason: reason,
		reorder: reason === 'billingCodeChanged',
		updatedAt: now
	};
}

/** Seed: a quote retracted or declined after its charges were created cancels them. */
export function chargesOfWithdrawnQuote(charges: QuoteCharge[], now: number): QuoteCharge[] {
	return charges.filter(isLive).map((charge) => cancelCharge(charge, 'quoteWithdrawn', now));
}

/**
 * Seed: a billing code mapping that changed makes the existing charges of that category invalid.
 * Those in the PSA are cancelled and marked to re-order; those not sent yet (Pending, or Error before
 * the PSA took them) simply take the new code and wait for the next sync. Answers the changed rows.
 */
export function chargesAfterMappingChange(
	charges: QuoteCharge[],
	category: Pick<Category, 'id' | 'billingCodeId'>,
	now: number
): QuoteCharge[] {
	const changed: QuoteCharge[] = [];
	for (const charge of charges) {
		if (!isLive(charge) || charge.categoryId !== category.id || charge.billingCodeId === category.billingCodeId)
			continue;
		if (charge.status === 'synced' || charge.externalId !== null) {
			changed.push(cancelCharge(charge, 'billingCodeChanged', now));
		} else {
			changed.push({
				...charge,
				billingCodeId: category.billingCodeId,
				status: 'pending',
				error: null,
				updatedAt: now
			});
		}
	}
	return changed;
}

/**
 * Re-order: a new Pending charge, with today's billing code, for every cancelled charge of the quote
 * not re-ordered yet; the cancelled one points at it. Answers every row to write.
 */
export function reorderCharges(
	charges: QuoteCharge[],
	lines: QuoteLine[],
	catalog: ChargeCatalog,
	now: number
): QuoteCharge[] {
	const byLine = new Map(lines.map((line) => [line.id, line]));
	const ordinals = new Map<string, number>();
	for (const charge of charges) {
		ordinals.set(charge.quoteLineId, (ordinals.get(charge.quoteLineId) ?? 0) + 1);
	}
	const writes: QuoteCharge[] = [];
	for (const charge of charges) {
		if (isLive(charge) || charge.reorderedAs !== null) continue;
		const line = byLine.get(charge.quoteLineId);
		// A line removed since (a later edit of the quote) has nothing left to re-order.
		if (!line) continue;
		const ordinal = (ordinals.get(line.id) ?? 0) + 1;
		ordinals.set(line.id, ordinal);
		const fresh = newCharge(line, charge.ticketId, ordinal, catalog, now);
		writes.push(fresh, { ...charge, reorder: false, reorderedAs: fresh.id, updatedAt: now });
	}
	return writes;
}

/** What the next sync does with a charge in the PSA: a failed create (Error) is tried again. */
export type ChargeWork = 'create' | 'cancel' | null;

export function workFor(charge: Pick<QuoteCharge, 'status' | 'psaCancelPending'>): ChargeWork {
	if (charge.status === 'pending' || charge.status === 'error') return 'create';
	if (charge.status === 'cancelled' && charge.psaCancelPending) return 'cancel';
	return null;
}
