// Zod schemas of every replicated entity: the single source of truth for their types.
// Money is held in integer minor units (cents); the currency is the organisation's.

import { z } from 'zod';

export const id = z.string().min(1).max(64);
const timestamp = z.number().int().nonnegative();

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

export const quoteSchema = z.object({
	id,
	companyId: id,
	title: z.string().max(200),
	status: quoteStatus,
	/** Assigned by the gateway when the quote first syncs; null while provisional. */
	number: z.string().nullable(),
	ownerId: id,
	notes: z.string().max(10_000),
	validUntil: z.string().date().nullable(),
	createdAt: timestamp,
	updatedAt: timestamp
});

export const quoteLineSchema = z.object({
	id,
	quoteId: id,
	productId: id.nullable(),
	description: z.string().max(2_000),
	quantity: z.number().finite().min(0).max(1_000_000),
	/** Minor units (cents) per unit. */
	unitPrice: z.number().int().min(-1_000_000_000).max(1_000_000_000),
	/** Sort key within the quote; lines are listed by it, then by id. */
	position: z.number().finite(),
	createdAt: timestamp
});

export type Company = z.infer<typeof companySchema>;
export type Quote = z.infer<typeof quoteSchema>;
export type QuoteLine = z.infer<typeof quoteLineSchema>;
