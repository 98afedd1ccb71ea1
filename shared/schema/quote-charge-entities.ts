// Zod schemas of quote charges (an accepted quote's billable lines as charges on a PSA ticket) and of
// the PSA's tickets they can be attached to, replicated so the ticket can be picked offline.

import { z } from 'zod';
import { provider } from '../psa/providers.ts';
import { id } from './entities.ts';
import { timestamp } from './timestamp.ts';

export const ticketSchema = z.object({
	/** `${provider}-ticket-${externalId}`. */
	id,
	provider,
	externalId: z.string().max(64),
	/** The PSA's own ticket number ("T20261101.0001"). */
	number: z.string().max(64),
	title: z.string().max(300),
	/** The Outpost company the ticket belongs to (tickets of unlinked companies are not kept). */
	companyId: id,
	/** The PSA's label for the ticket's status. */
	status: z.string().max(100)
});

/** Outpost's own lifecycle of a charge (seed: Ticket charge statuses), whatever the PSA calls it. */
export const QUOTE_CHARGE_STATUSES = ['pending', 'synced', 'error', 'cancelled'] as const;
export const quoteChargeStatus = z.enum(QUOTE_CHARGE_STATUSES);
export type QuoteChargeStatus = z.infer<typeof quoteChargeStatus>;

/** Why a charge was cancelled (seed: Charges cancelled). */
export const CANCEL_REASONS = ['quoteWithdrawn', 'billingCodeChanged', 'admin'] as const;
export type CancelReason = (typeof CANCEL_REASONS)[number];

export const quoteChargeSchema = z.object({
	id,
	quoteId: id,
	quoteLineId: id,
	ticketId: id,
	productId: id.nullable(),
	categoryId: id.nullable(),
	name: z.string().max(300),
	quantity: z.number().finite(),
	/** Minor units per unit, after the line's discount. */
	unitPrice: z.number().int(),
	unitCost: z.number().int(),
	/** The category's PSA billing code when the charge was made (products inherit their category's). */
	billingCodeId: z.string().max(64).nullable(),
	status: quoteChargeStatus,
	/** The PSA's id once created: kept when cancelled, so the PSA record can be cancelled too. */
	externalId: z.string().max(64).nullable(),
	/** Cancelled in Outpost but still live in the PSA: the next sync cancels it there. */
	psaCancelPending: z.boolean(),
	cancelReason: z.enum(CANCEL_REASONS).nullable(),
	/** Cancelled for a reason a re-order fixes (a changed billing code mapping). */
	reorder: z.boolean(),
	/** The charge that re-ordered this one. */
	reorderedAs: id.nullable(),
	/** Why the last sync of this charge failed, in the PSA's words; details in Admin › Tools › Issues. */
	error: z.string().max(2_000).nullable(),
	/** The issue that holds the failure. */
	issueId: z.string().max(64).nullable(),
	createdAt: timestamp,
	updatedAt: timestamp
});

export type Ticket = z.infer<typeof ticketSchema>;
export type QuoteCharge = z.infer<typeof quoteChargeSchema>;
