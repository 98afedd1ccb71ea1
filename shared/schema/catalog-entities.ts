// Zod schemas of the catalog (categories, products, pricing books) and of customers' contacts.
// Money is held in integer minor units (cents).

import { z } from 'zod';
import { id } from './entities.ts';

const money = z.number().int().min(-1_000_000_000_00).max(1_000_000_000_00);
const isoDate = z.string().date();

export const BILLING_CYCLES = ['one-time', 'monthly', 'yearly'] as const;
export const billingCycle = z.enum(BILLING_CYCLES);
export type BillingCycle = z.infer<typeof billingCycle>;

export const DISTRIBUTORS = ['ingram', 'tdsynnex'] as const;
export const distributor = z.enum(DISTRIBUTORS);

export const categorySchema = z.object({
	id,
	name: z.string().trim().min(1).max(200),
	/** Applied to a product's cost when it has no price of its own, in percent. */
	defaultMarkupPercent: z.number().min(0).max(1_000),
	/** The Autotask billing code products of this category are synced with. */
	billingCodeId: z.string().max(64).nullable(),
	/** Other words people use for what this category holds ("notebook" for Laptops); search finds them. */
	keywords: z.array(z.string().trim().min(1).max(60)).max(50).optional()
});

export const productSchema = z.object({
	id,
	name: z.string().trim().min(1).max(300),
	sku: z.string().trim().max(100),
	mpn: z.string().trim().max(100),
	description: z.string().max(5_000),
	categoryId: id.nullable(),
	cost: money.min(0),
	price: money.min(0),
	billing: billingCycle,
	distributor: distributor.nullable(),
	/** "Does not require procurement": skipped by the ticket-charge import and the procurement queue. */
	noProcurement: z.boolean(),
	active: z.boolean()
});

export const pricingBookSchema = z
	.object({
		id,
		name: z.string().trim().min(1).max(200),
		companyIds: z.array(id).max(10_000),
		validFrom: isoDate.nullable(),
		validTo: isoDate.nullable(),
		/** Customer-specific unit prices by product id. */
		prices: z.record(id, money.min(0))
	})
	.refine((b) => !b.validFrom || !b.validTo || b.validFrom <= b.validTo, {
		message: 'validTo must not be before validFrom',
		path: ['validTo']
	});

export const contactSchema = z.object({
	id,
	companyId: id,
	name: z.string().trim().min(1).max(200),
	email: z.string().trim().toLowerCase().pipe(z.email()).or(z.literal('')),
	phone: z.string().trim().max(50),
	jobTitle: z.string().trim().max(100)
});

export type Category = z.infer<typeof categorySchema>;
export type Product = z.infer<typeof productSchema>;
export type PricingBook = z.infer<typeof pricingBookSchema>;
export type Contact = z.infer<typeof contactSchema>;
