// The PSA's payment terms (and types), as its last Synchronize listed them: quotes offer the active
// ones, also offline. A term the PSA no longer lists stays, inactive, so a quote that names it is
// flagged before it is sent rather than refused by the PSA.

import { z } from 'zod';
import { provider, type Provider } from '../psa/providers.ts';
import { id } from './entities.ts';

export const paymentTermSchema = z.object({
	/** `<provider>:<the PSA's value>`. */
	id,
	provider,
	value: z.string().max(64),
	/** The PSA's label, which the quote stores (shared/schema/entities.ts paymentTerm). */
	label: z.string().max(100),
	active: z.boolean()
});

export type PaymentTerm = z.infer<typeof paymentTermSchema>;

/** What a Synchronize's list does to the stored terms: listed ones as the PSA says, the rest inactive. */
export function refreshedPaymentTerms(
	existing: readonly PaymentTerm[],
	providerName: Provider,
	listed: readonly { value: string; label: string; active: boolean }[]
): PaymentTerm[] {
	const fresh = new Map<string, PaymentTerm>();
	for (const term of listed) {
		const row: PaymentTerm = {
			id: `${providerName}:${term.value}`.slice(0, 64),
			provider: providerName,
			value: term.value.slice(0, 64),
			label: term.label.trim().slice(0, 100),
			active: term.active
		};
		if (row.label) fresh.set(row.id, row);
	}
	const gone = existing
		.filter((t) => t.provider === providerName && !fresh.has(t.id) && t.active)
		.map((t) => ({ ...t, active: false }));
	const changed = [...fresh.values()].filter((row) => {
		const before = existing.find((t) => t.id === row.id);
		return !before || before.label !== row.label || before.active !== row.active;
	});
	return [...changed, ...gone];
}

/** Whether a quote's term can be sent: unset, active in the PSA, or deleted there (null: no PSA terms known). */
export function paymentTermStanding(
	term: string | null,
	terms: readonly Pick<PaymentTerm, 'label' | 'active'>[]
): 'none' | 'active' | 'deleted' | 'unknown' {
	if (!term) return 'none';
	if (terms.length === 0) return 'unknown';
	const wanted = term.trim().toLowerCase();
	const matches = terms.filter((t) => t.label.trim().toLowerCase() === wanted);
	return matches.some((t) => t.active) ? 'active' : 'deleted';
}
