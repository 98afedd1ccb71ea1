// Zod schemas of every replicated entity: the single source of truth for their types.
// Money is held in integer minor units (cents); the currency is the organisation's.

import { z } from 'zod';
import { orderKey } from './order-key.ts';
import { timestamp } from './timestamp.ts';

/**
 * Control characters and unpaired UTF-16 surrogates: the store keeps UTF-8, where a lone surrogate
 * becomes U+FFFD, so the row's id would no longer be the one its client sent.
 */
function hasUnstorableCharacter(text: string): boolean {
	for (let k = 0; k < text.length; k++) {
		const unit = text.charCodeAt(k);
		if (unit < 0x20 || unit === 0x7f) return true;
		if (unit >= 0xd800 && unit <= 0xdbff) {
			const next = text.charCodeAt(k + 1);
			if (next >= 0xdc00 && next <= 0xdfff) k++;
			else return true;
		} else if (unit >= 0xdc00 && unit <= 0xdfff) return true;
	}
	return false;
}

/** A name the store keeps exactly as given (PostgreSQL refuses NUL in text outright). */
export function storableName(maxLength: number) {
	return z
		.string()
		.min(1)
		.max(maxLength)
		.refine((text) => !hasUnstorableCharacter(text), {
			message: 'must not contain control characters or unpaired UTF-16 surrogates'
		});
}

/** Every row's id, every id a mutation names and the sync client ids on the wire. */
export const id = storableName(64);

export const companySchema = z.object({
	id,
	name: z.string().min(1).max(200),
	/** The MSP's own company, to which its staff are linked. */
	isMsp: z.boolean(),
	createdAt: timestamp
});

export const QUOTE_STATUSES = ['draft', 'sent', 'accepted', 'declined', 'retracted'] as const;
export const quoteStatus = z.enum(QUOTE_STATUSES);
export type QuoteStatus = z.infer<typeof quoteStatus>;

/** What the customer accepted: who typed their name, when, and a fingerprint of the exact content. */
export const acceptanceSchema = z.object({
	name: z.string().trim().min(1).max(200),
	at: timestamp,
	contentHash: z.string().min(1).max(128)
});

export const quoteSchema = z.object({
	id,
	companyId: id,
	contactId: id.nullable(),
	title: z.string().max(200),
	status: quoteStatus,
	/** Assigned by the gateway when the quote first syncs; null while provisional. */
	number: z.string().nullable(),
	ownerId: id,
	notes: z.string().max(10_000),
	validUntil: z.string().date().nullable(),
	paymentTerm: z.string().max(100).nullable(),
	acceptance: acceptanceSchema.nullable(),
	declineReason: z.string().max(2_000).nullable(),
	/** The quote this one revises, and which revision it is (1 for an original). */
	revisionOf: id.nullable(),
	revision: z.number().int().min(1),
	createdAt: timestamp,
	updatedAt: timestamp
});

export const quoteLineSchema = z.object({
	id,
	quoteId: id,
	productId: id.nullable(),
	/**
	 * The product's category when the line was added: whitespace places lines by it, so a Whitespace
	 * viewer, who does not replicate products, needs nothing else. null for free text or none.
	 */
	categoryId: id.nullable().default(null),
	description: z.string().max(2_000),
	quantity: z.number().finite().min(0).max(1_000_000),
	/** Minor units (cents) per unit, before the line's discount. */
	unitPrice: z.number().int().min(-1_000_000_000).max(1_000_000_000),
	/** Minor units per unit, for the margin. */
	unitCost: z.number().int().min(0).max(1_000_000_000),
	discountPercent: z.number().min(0).max(100),
	billing: z.enum(['one-time', 'monthly', 'yearly']),
	/** Offered but not counted in the totals until the customer opts in. */
	optional: z.boolean(),
	/** The heading the line is grouped under; '' for none. */
	section: z.string().max(200),
	/** Fractional-index sort key within the quote; lines are listed by it, then by id. */
	position: orderKey,
	createdAt: timestamp
});

export type Company = z.infer<typeof companySchema>;
export type Quote = z.infer<typeof quoteSchema>;
export type QuoteLine = z.infer<typeof quoteLineSchema>;
