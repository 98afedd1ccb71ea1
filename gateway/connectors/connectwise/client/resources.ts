// What Outpost addresses in ConnectWise and how (psa-apis.md §2.3): each resource's path, the schema
// of its records, and the schema of a create body. Forecast items live under their opportunity.

import { z } from 'zod';
import {
	catalogItemSchema,
	companySchema,
	contactSchema,
	memberSchema,
	opportunitySchema,
	opportunityStatusSchema,
	purchaseOrderSchema,
	setupRecordSchema
} from './wire-schemas.ts';

/** A reference written by id or identifier (`{ "identifier": "jsmith" }` in §2.6). */
const refInput = z.union([z.object({ id: z.number().int() }), z.object({ identifier: z.string().min(1) })]);

const communicationItemInput = z.object({
	type: z.object({ id: z.number().int().optional(), name: z.string().optional() }).optional(),
	value: z.string(),
	defaultFlag: z.boolean().optional(),
	communicationType: z.enum(['Email', 'Fax', 'Phone'])
});

/** §2.3 "req" and lengths; anything else passes through to ConnectWise. */
export const CREATE_SCHEMAS = {
	companies: z.looseObject({ identifier: z.string().min(1).max(30), name: z.string().min(1).max(50) }),
	contacts: z.looseObject({
		firstName: z.string().min(1),
		lastName: z.string().optional(),
		company: refInput,
		communicationItems: z.array(communicationItemInput).optional()
	}),
	opportunities: z.looseObject({
		name: z.string().min(1).max(100),
		company: refInput,
		contact: refInput,
		primarySalesRep: refInput,
		expectedCloseDate: z.string().optional(),
		notes: z.string().optional()
	}),
	catalog: z.looseObject({
		identifier: z.string().min(1).max(75),
		description: z.string().min(1).max(60),
		subcategory: refInput,
		type: refInput,
		customerDescription: z.string().min(1).max(6000)
	}),
	/** §2.3 "req": vendorCompany, status, terms. */
	purchaseOrders: z.looseObject({ vendorCompany: refInput, status: refInput, terms: refInput }),
	members: z.never(),
	opportunityStatuses: z.never(),
	purchaseOrderStatuses: z.never(),
	billingTerms: z.never(),
	unitsOfMeasure: z.never()
} as const;

/** §2.3 "req" of a purchase order line item. */
export const purchaseOrderLineItemInput = z.looseObject({
	description: z.string().min(1).max(6000),
	lineNumber: z.number().int().positive(),
	product: refInput,
	quantity: z.number().positive(),
	unitOfMeasure: refInput,
	unitCost: z.number().optional(),
	internalNotes: z.string().optional()
});
export type PurchaseOrderLineItemInput = z.input<typeof purchaseOrderLineItemInput>;

export const FORECAST_TYPES = ['Other1', 'Other2', 'Agreement', 'Product', 'Service'] as const;

export const forecastItemInput = z.looseObject({
	opportunity: refInput.optional(),
	status: refInput,
	forecastType: z.enum(FORECAST_TYPES),
	forecastDescription: z.string().max(50).optional(),
	quoteWerksDocName: z.string().max(255).optional(),
	catalogItem: refInput.optional()
});
export type ForecastItemInput = z.input<typeof forecastItemInput>;

export const CONNECTWISE_RESOURCES = {
	companies: { path: 'company/companies', schema: companySchema },
	contacts: { path: 'company/contacts', schema: contactSchema },
	opportunities: { path: 'sales/opportunities', schema: opportunitySchema },
	catalog: { path: 'procurement/catalog', schema: catalogItemSchema },
	members: { path: 'system/members', schema: memberSchema },
	opportunityStatuses: { path: 'sales/opportunities/statuses', schema: opportunityStatusSchema },
	purchaseOrders: { path: 'procurement/purchaseorders', schema: purchaseOrderSchema },
	purchaseOrderStatuses: { path: 'procurement/purchaseorderstatuses', schema: setupRecordSchema },
	billingTerms: { path: 'finance/billingTerms', schema: setupRecordSchema },
	unitsOfMeasure: { path: 'procurement/unitOfMeasures', schema: setupRecordSchema }
} as const;

export type ResourceName = keyof typeof CONNECTWISE_RESOURCES;
export type CreatableResource = Exclude<
	ResourceName,
	'members' | 'opportunityStatuses' | 'purchaseOrderStatuses' | 'billingTerms' | 'unitsOfMeasure'
>;
export type CwRecord<R extends ResourceName> = z.infer<(typeof CONNECTWISE_RESOURCES)[R]['schema']>;
export type CreateBody<R extends CreatableResource> = z.input<(typeof CREATE_SCHEMAS)[R]>;

/** §2.6 [V]: PATCH bodies are JSON-patch arrays; paths are case-sensitive and replace whole objects. */
export const patchOperationSchema = z.object({
	op: z.enum(['add', 'replace', 'remove']),
	path: z.string().min(1),
	value: z.unknown().optional()
});
export type PatchOperation = z.infer<typeof patchOperationSchema>;
