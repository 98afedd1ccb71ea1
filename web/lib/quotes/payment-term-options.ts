// What the quote's payment term select offers (pure): the PSA's active terms, and the quote's own term
// when the PSA deleted it, marked so the rep picks another before sending.

import { paymentTermStanding, type PaymentTerm } from '../../../shared/schema/payment-term-entities.ts';

export type TermOption = { label: string; deleted: boolean };

export type TermChoice = {
	options: TermOption[];
	/** The seeds' text, when the quote names a term the PSA deleted. */
	flag: string | null;
};

export const PAYMENT_TERM_DELETED = 'Payment term/type is deleted';

export function paymentTermChoice(current: string | null, terms: readonly PaymentTerm[]): TermChoice {
	const seen = new Set<string>();
	const options: TermOption[] = [];
	for (const term of [...terms].sort(byValue)) {
		const key = term.label.trim().toLowerCase();
		if (!term.active || seen.has(key)) continue;
		seen.add(key);
		options.push({ label: term.label, deleted: false });
	}
	const deleted = paymentTermStanding(current, terms) === 'deleted';
	if (current && deleted) options.unshift({ label: current, deleted: true });
	return { options, flag: deleted ? PAYMENT_TERM_DELETED : null };
}

/** The PSA's order: its values are ids, numeric in Autotask. */
function byValue(a: PaymentTerm, b: PaymentTerm): number {
	return a.value.localeCompare(b.value, undefined, { numeric: true }) || a.id.localeCompare(b.id);
}
