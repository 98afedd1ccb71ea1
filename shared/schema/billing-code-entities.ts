// What the billing-code mapping does after it is saved, replicated so people can follow it: a
// category's products brought to its new billing code in the PSA (its progress, for admins), and the
// ticket charges the import left out of procurement with the reason why (for buyers).

import { z } from 'zod';
import { provider } from '../psa/providers.ts';
import { id } from './entities.ts';
import { timestamp } from './timestamp.ts';

/** One per PSA and category: the last update of its products' billing code in the PSA. */
export const billingCodeUpdateSchema = z.object({
	/** `<provider>:<categoryId>` (billingCodeUpdateId). */
	id,
	provider,
	categoryId: id,
	/** The category's name when the run started. */
	label: z.string().max(300),
	/** The billing code the products are being brought to. */
	billingCodeId: z.string().max(64),
	state: z.enum(['running', 'done', 'failed']),
	/** Linked products already on the billing code, of `total` linked products. */
	done: z.number().int().min(0),
	total: z.number().int().min(0),
	/** PSA records this run changed. */
	updated: z.number().int().min(0),
	startedAt: timestamp,
	updatedAt: timestamp,
	finishedAt: timestamp.nullable(),
	/** Why it failed, or what it could not do. */
	message: z.string().max(2_000)
});

/** A PSA ticket charge the import kept out of the procurement queue, and why. */
export const skippedChargeSchema = z.object({
	/** The id the charge would have had in ticketCharges. */
	id,
	provider,
	externalId: z.string().max(64),
	ticketNumber: z.string().max(64),
	name: z.string().max(300),
	/** In words a buyer reads, naming the setting that decided it. */
	reason: z.string().max(500),
	createdAt: timestamp,
	skippedAt: timestamp
});

export type BillingCodeUpdate = z.infer<typeof billingCodeUpdateSchema>;
export type SkippedCharge = z.infer<typeof skippedChargeSchema>;

export const billingCodeUpdateId = (providerName: string, categoryId: string): string =>
	`${providerName}:${categoryId}`.slice(0, 64);
