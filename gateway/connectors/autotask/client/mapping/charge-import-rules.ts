// Which imported ticket charges stay out of the procurement queue, and the reason a buyer reads
// (seeds, "Preventing unwanted charge imports": the product's "Does not require procurement" flag,
// and the billing code mapping of the product's category). Pure.

import type { Category, Product } from '../../../../../shared/schema/catalog-entities.ts';

export const SKIP_REASONS = {
	autotaskNoProcurement: 'The product is marked "Does not require procurement" in Autotask.',
	outpostNoProcurement: 'The product is marked "Does not require procurement" in Admin > Products.',
	billingCode: (label: string) =>
		`Billing code ${label} belongs to no category that needs procurement (Admin > Integrations > Autotask > Category Billing Codes).`
} as const;

/**
 * The billing codes whose charges go to procurement: the Purchase Order code, and those of categories
 * that need procurement (any product of theirs does, or they hold none yet).
 */
export function procurementBillingCodes(
	categories: readonly Pick<Category, 'id' | 'billingCodeId'>[],
	products: readonly Pick<Product, 'categoryId' | 'noProcurement'>[],
	purchaseOrderCode: string | null
): Set<string> {
	const held = new Map<string, { any: boolean; needing: boolean }>();
	for (const p of products) {
		if (!p.categoryId) continue;
		const entry = held.get(p.categoryId) ?? { any: false, needing: false };
		held.set(p.categoryId, { any: true, needing: entry.needing || !p.noProcurement });
	}
	const codes = new Set<string>(purchaseOrderCode ? [purchaseOrderCode] : []);
	for (const c of categories) {
		const entry = held.get(c.id);
		if (c.billingCodeId && (!entry?.any || entry.needing)) codes.add(c.billingCodeId);
	}
	return codes;
}

export type ChargeFacts = {
	billingCodeExternalId: number | null;
	/** Autotask's own flag on the charge's product. */
	autotaskNoProcurement: boolean;
	/** Outpost's flag on the product the charge's product is linked to. */
	outpostNoProcurement: boolean;
};

/** Why the charge stays out of procurement, or null when it goes in. */
export function skipReason(
	charge: ChargeFacts,
	procurementCodes: ReadonlySet<string>,
	codeLabel: (id: string) => string
): string | null {
	if (charge.autotaskNoProcurement) return SKIP_REASONS.autotaskNoProcurement;
	if (charge.outpostNoProcurement) return SKIP_REASONS.outpostNoProcurement;
	const code = charge.billingCodeExternalId;
	if (code !== null && !procurementCodes.has(String(code))) return SKIP_REASONS.billingCode(codeLabel(String(code)));
	return null;
}
