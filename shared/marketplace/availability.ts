// Price and availability (the Marketplace) on the wire: what a rep asks (manufacturer part numbers)
// and what the gateway answers per part, per distributor, with the source it picks. Shared by the
// gateway route and the web cache.

import { z } from 'zod';
import { can, type Permission, type Principal } from '../auth/permissions.ts';
import { PRODUCT_PERMISSIONS } from '../auth/read-scope.ts';
import { distributorName, type DistributorName } from '../schema/distributor-entities.ts';

/** Staff who see costs may ask: who quotes, who buys, who works on the catalog (product rows carry cost). */
export const MARKETPLACE_PERMISSIONS: readonly Permission[] = [
	'quoteEditor',
	'procurementEditor',
	...PRODUCT_PERMISSIONS
];

export function mayAskMarketplace(p: Principal): boolean {
	return p.kind === 'msp' && MARKETPLACE_PERMISSIONS.some((permission) => can(p, permission));
}

/** One request asks for at most this many parts: two P&A calls a distributor at 50 a call. */
export const AVAILABILITY_MAX_PARTS = 100;

/** Distributors' part numbers are printable ASCII; anything else cannot match and is refused. */
export const partNumberSchema = z
	.string()
	.trim()
	.min(1)
	.max(64)
	.regex(/^[\x20-\x7E]+$/, 'a part number is printable ASCII');

export const availabilityRequestSchema = z
	.object({ parts: z.array(partNumberSchema).min(1).max(AVAILABILITY_MAX_PARTS) })
	.strict();
export type AvailabilityRequest = z.infer<typeof availabilityRequestSchema>;

export const OFFER_STATUSES = ['available', 'backorder', 'out_of_stock', 'discontinued', 'unknown_product'] as const;
export type OfferStatus = (typeof OFFER_STATUSES)[number];

export const offerSchema = z.object({
	distributor: distributorName,
	/** The distributor's own SKU for the part, when it knows it. */
	distributorSku: z.string().nullable(),
	description: z.string().nullable(),
	status: z.enum(OFFER_STATUSES),
	discontinued: z.boolean(),
	/** The reseller's cost per unit in cents; null when the distributor gave none. */
	costCents: z.number().int().nullable(),
	currencyCode: z.string().nullable(),
	stock: z.number().int().min(0),
	warehouses: z.array(z.object({ id: z.string().nullable(), location: z.string().nullable(), quantity: z.number() })),
	/** When the distributor answered (ms since the epoch). */
	asOf: z.number()
});
export type Offer = z.infer<typeof offerSchema>;

export const partAvailabilitySchema = z.object({
	part: z.string(),
	offers: z.array(offerSchema),
	/** The cheapest distributor with stock (ties: the admin's preference order); null when none has it. */
	picked: distributorName.nullable()
});
export type PartAvailability = z.infer<typeof partAvailabilitySchema>;

export const DISTRIBUTOR_REPORT_STATES = ['answered', 'not_configured', 'failed'] as const;
export const distributorReportSchema = z.object({
	distributor: distributorName,
	state: z.enum(DISTRIBUTOR_REPORT_STATES),
	/** Why it did not answer, in words the rep can act on. */
	message: z.string().nullable()
});
export type DistributorReport = z.infer<typeof distributorReportSchema>;

export const availabilityAnswerSchema = z.object({
	asOf: z.number(),
	distributors: z.array(distributorReportSchema),
	parts: z.array(partAvailabilitySchema)
});
export type AvailabilityAnswer = z.infer<typeof availabilityAnswerSchema>;

/**
 * The source picked by default: the lowest cost among offers with stock, a tie going to the
 * distributor the admin prefers (`preference`, most preferred first). Pure.
 */
export function pickSource(offers: readonly Offer[], preference: readonly DistributorName[]): DistributorName | null {
	const rank = (d: DistributorName) => {
		const at = preference.indexOf(d);
		return at === -1 ? preference.length : at;
	};
	const inStock = offers.filter((o) => o.status === 'available' && o.stock > 0 && o.costCents !== null);
	inStock.sort((a, b) => a.costCents! - b.costCents! || rank(a.distributor) - rank(b.distributor));
	return inStock[0]?.distributor ?? null;
}
