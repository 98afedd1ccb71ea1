// zod schemas of what ConnectWise answers (psa-apis.md §2.1, §2.3, §2.7): the company-info document,
// the error body, and the records Outpost reads. Records are passthrough: fields we do not name survive.

import { z } from 'zod';

export const companyInfoSchema = z.object({
	CompanyName: z.string().optional(),
	/** `v2025_1/` on cloud, `v4_6_release/` on premise (§2.1 [V]). */
	Codebase: z.string().min(1),
	VersionCode: z.string().optional(),
	CompanyID: z.string().optional(),
	IsCloud: z.union([z.string(), z.boolean()]).optional(),
	SiteUrl: z.string().optional()
});
export type CompanyInfo = z.infer<typeof companyInfoSchema>;

export const errorBodySchema = z.object({
	code: z.string().nullish(),
	message: z.string().nullish(),
	errors: z
		.array(
			z.object({
				code: z.string().nullish(),
				message: z.string().nullish(),
				resource: z.string().nullish(),
				field: z.string().nullish()
			})
		)
		.nullish()
});

/** `{ id, identifier?, name? }`: how records point at each other (§2.3 "References"). */
export const referenceSchema = z.looseObject({
	id: z.number().int(),
	identifier: z.string().nullish(),
	name: z.string().nullish()
});
export type Reference = z.infer<typeof referenceSchema>;

const record = { id: z.number().int() };

export const companySchema = z.looseObject({ ...record, identifier: z.string(), name: z.string() });

export const communicationItemSchema = z.looseObject({
	value: z.string(),
	defaultFlag: z.boolean().nullish(),
	communicationType: z.string().nullish()
});

export const contactSchema = z.looseObject({
	...record,
	firstName: z.string().nullish(),
	lastName: z.string().nullish(),
	company: referenceSchema.nullish(),
	inactiveFlag: z.boolean().nullish(),
	communicationItems: z.array(communicationItemSchema).nullish()
});

export const opportunitySchema = z.looseObject({
	...record,
	name: z.string(),
	company: referenceSchema.nullish(),
	contact: referenceSchema.nullish(),
	primarySalesRep: referenceSchema.nullish(),
	status: referenceSchema.nullish(),
	stage: referenceSchema.nullish(),
	expectedCloseDate: z.string().nullish(),
	notes: z.string().nullish()
});

export const forecastItemSchema = z.looseObject({
	...record,
	forecastType: z.string(),
	status: referenceSchema.nullish(),
	catalogItem: referenceSchema.nullish(),
	forecastDescription: z.string().nullish(),
	productDescription: z.string().nullish(),
	quantity: z.number().nullish(),
	revenue: z.number().nullish(),
	cost: z.number().nullish(),
	includeFlag: z.boolean().nullish(),
	recurringFlag: z.boolean().nullish(),
	quoteWerksDocName: z.string().nullish()
});

/** GET …/forecast answers the opportunity's whole forecast in one object (§2.3). */
export const forecastSchema = z.looseObject({
	id: z.number().int().nullish(),
	forecastItems: z.array(forecastItemSchema)
});

export const catalogItemSchema = z.looseObject({
	...record,
	identifier: z.string(),
	description: z.string().nullish(),
	price: z.number().nullish(),
	cost: z.number().nullish(),
	inactiveFlag: z.boolean().nullish()
});

export const memberSchema = z.looseObject({
	...record,
	identifier: z.string(),
	firstName: z.string().nullish(),
	lastName: z.string().nullish(),
	officeEmail: z.string().nullish(),
	/** §2.4 [S]: F Full, A API, C StreamlineIT, X Subcontractor. */
	licenseClass: z.string().nullish(),
	inactiveFlag: z.boolean().nullish()
});

/** §2.3: a tenant setup table; won, lost and closed are the record's flags, not an enum (§2.4). */
export const opportunityStatusSchema = z.looseObject({
	...record,
	name: z.string(),
	defaultFlag: z.boolean().nullish(),
	inactiveFlag: z.boolean().nullish(),
	wonFlag: z.boolean().nullish(),
	lostFlag: z.boolean().nullish(),
	closedFlag: z.boolean().nullish()
});

/** §2.3 procurement setup tables (PO statuses, billing terms, units of measure): named, one the default. */
export const setupRecordSchema = z.looseObject({
	...record,
	name: z.string(),
	defaultFlag: z.boolean().nullish(),
	inactiveFlag: z.boolean().nullish()
});

/** §2.3 `PurchaseOrder` [S]. */
export const purchaseOrderSchema = z.looseObject({
	...record,
	poNumber: z.string().nullish(),
	vendorCompany: referenceSchema.nullish(),
	customerCompany: referenceSchema.nullish(),
	status: referenceSchema.nullish(),
	terms: referenceSchema.nullish(),
	internalNotes: z.string().nullish(),
	closedFlag: z.boolean().nullish()
});

/** §2.3 `PurchaseOrderLineItem` [S]. */
export const purchaseOrderLineItemSchema = z.looseObject({
	...record,
	lineNumber: z.number().int().nullish(),
	description: z.string().nullish(),
	product: referenceSchema.nullish(),
	quantity: z.number().nullish(),
	unitCost: z.number().nullish(),
	unitOfMeasure: referenceSchema.nullish(),
	internalNotes: z.string().nullish()
});

export const systemInfoSchema = z.looseObject({ version: z.string(), isCloud: z.boolean().nullish() });

export const countSchema = z.object({ count: z.number().int().nonnegative() });
