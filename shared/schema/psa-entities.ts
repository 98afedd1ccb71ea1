// Zod schemas of what PSA sync replicates: sync issues, each integration's non-secret state, ticket
// charges imported from Autotask, and opportunities as the PSA last reported them.
// Credentials are never here: they stay encrypted in the gateway's store.

import { z } from 'zod';
import { provider } from '../psa/providers.ts';
import { distributorName } from './distributor-entities.ts';
import { reindexCountsSchema, reindexEntity } from '../psa/reindex.ts';
import { id } from './entities.ts';
import { timestamp } from './timestamp.ts';

/** What the job runner does for a provider; an issue remembers which one failed so Retry can run it again. */
export const JOB_KINDS = [
	'syncQuote',
	'syncCompany',
	'synchronize',
	'importTicketCharges',
	'pollOpportunities',
	'reindex',
	'syncQuoteCharges',
	// Distributors (gateway/procurement): place one purchase order exactly once; follow open orders;
	// cancel a placed one when the buyer asks.
	'submitPurchaseOrder',
	'pollPurchaseOrders',
	'cancelPlacedPurchaseOrder',
	// PSAs: the purchase order of a placed distributor order.
	'createPsaPurchaseOrder',
	// Products on their own (issue 14): billing codes brought up to date, one product synced.
	'updateProductBillingCodes',
	'syncProduct'
] as const;
export const jobKind = z.enum(JOB_KINDS);
export type JobKind = z.infer<typeof jobKind>;
/** The distributor jobs of the procurement queue: run by gateway/procurement, not by a PSA adapter. */
export const ORDER_JOB_KINDS = ['submitPurchaseOrder', 'pollPurchaseOrders', 'cancelPlacedPurchaseOrder'] as const;
export type OrderJobKind = (typeof ORDER_JOB_KINDS)[number];
export type PsaJobKind = Exclude<JobKind, OrderJobKind>;
export const isOrderJobKind = (kind: string): kind is OrderJobKind =>
	(ORDER_JOB_KINDS as readonly string[]).includes(kind);

export const issueSchema = z.object({
	/** One per provider, operation and entity: a repeated failure updates it, a later success deletes it. */
	id,
	/** The PSA, or the distributor a purchase order failed at. */
	provider: z.union([provider, distributorName]),
	operation: jobKind,
	/** The failed entity's table and id ('integrations' and the provider for integration-wide work). */
	entityTable: z.string().min(1).max(40),
	entityId: id,
	/** How a person recognises the entity: "Quote Q-1042 · Acme". */
	entityLabel: z.string().max(300),
	/** The quote whose sync filed it (the entity that failed may be its contact, opportunity or a product). */
	quoteId: id.nullable().default(null),
	severity: z.enum(['error', 'warning']),
	message: z.string().max(2_000),
	/** Issues with the same root cause share one fix ("categoryBillingCode:cat-7"); null when unknown. */
	rootCause: z.string().max(200).nullable(),
	firstSeenAt: timestamp,
	lastSeenAt: timestamp,
	attempts: z.number().int().min(1),
	/** 'retrying' from the moment someone taps Retry until the job runs again. */
	state: z.enum(['open', 'retrying'])
});

export const lookupValueSchema = z.object({ value: z.string(), label: z.string(), active: z.boolean() });

export const integrationSettingsSchema = z.object({
	/** Autotask: the billing code for purchase orders and ticket charges. */
	purchaseOrderBillingCodeId: z.string().max(64).nullable(),
	/** Autotask: import ticket charges created in the last 2 hours into procurement. */
	importTicketCharges: z.boolean(),
	/** Poll the PSA for opportunities changed since the last poll. */
	pollOpportunities: z.boolean(),
	/** ConnectWise: the member who owns opportunities whose quote owner has no member link. */
	defaultSalesRepId: z.number().int().positive().optional(),
	/** ConnectWise: the catalog subcategory and type new catalog items get. */
	catalogSubcategoryId: z.number().int().positive().optional(),
	catalogTypeId: z.number().int().positive().optional(),
	/** HaloPSA: the opportunity ticket type; Halo's default without it. */
	opportunityTicketTypeId: z.number().int().positive().optional(),
	/**
	 * The vendor's status page in Atlassian Statuspage's JSON (`…/api/v2/summary.json`): polled for
	 * outages and maintenance windows (platform incidents); null or absent for none.
	 */
	statusPageUrl: z
		.url({ protocol: /^https?$/ })
		.max(2_048)
		.nullable()
		.optional()
});

export const integrationSchema = z.object({
	/** The provider's name: one row per PSA. */
	id: provider,
	/** Credentials are saved (they are never replicated; only this flag is). */
	configured: z.boolean(),
	settings: integrationSettingsSchema,
	/** Refreshed by Synchronize: billing codes, ticket charge statuses, payment terms... */
	lookups: z.record(z.string(), z.array(lookupValueSchema)),
	connection: z.object({
		state: z.enum(['untested', 'ok', 'failed']),
		message: z.string().max(2_000),
		checkedAt: timestamp.nullable()
	}),
	lastSync: z.object({ at: timestamp, ok: z.boolean(), summary: z.string().max(2_000) }).nullable(),
	/** Requests in the last rolling hour against the provider's hourly limit (null: the PSA sets none). */
	usage: z.object({
		lastHour: z.number().int().min(0),
		hourlyLimit: z.number().int().positive().nullable(),
		at: timestamp
	}),
	/** What the opportunity poll costs: requests per hour at its interval. */
	pollRequestsPerHour: z.number().min(0),
	/** What the ticket-charge import costs when nothing changed: requests per hour at its interval. */
	importRequestsPerHour: z.number().min(0).optional()
});

export const ticketChargeSchema = z.object({
	id,
	provider,
	externalId: z.string().max(64),
	ticketNumber: z.string().max(64),
	companyId: id.nullable(),
	productId: id.nullable(),
	name: z.string().max(300),
	quantity: z.number().finite(),
	unitCost: z.number().int(),
	unitPrice: z.number().int(),
	/** The PSA's own label for the status (never hard-coded: read from its picklist). */
	status: z.string().max(100),
	createdAt: timestamp,
	importedAt: timestamp
});

export const opportunitySchema = z.object({
	id,
	provider,
	externalId: z.string().max(64),
	/** The quote that created it in the PSA, if any. */
	quoteId: id.nullable(),
	companyId: id.nullable(),
	title: z.string().max(300),
	/** The PSA's labels. */
	status: z.string().max(100),
	stage: z.string().max(100),
	amount: z.number().int(),
	lastActivityAt: timestamp
});

/** A re-index (Admin › Tools › Maintenance): its progress while it runs, and what it found when done. */
export const reindexRunSchema = z.object({
	/** `<provider>:<entity>`, or `<provider>:record` for the last one-record re-index (shared/psa/reindex.ts). */
	id,
	provider,
	entity: z.union([reindexEntity, z.literal('record')]),
	/** What is being re-indexed, as people read it: "Companies", "Quote Q-1042". */
	label: z.string().max(300),
	state: z.enum(['queued', 'running', 'done', 'failed']),
	done: z.number().int().min(0),
	total: z.number().int().min(0),
	counts: reindexCountsSchema,
	/** When this run started working (null while queued): with `updatedAt`, the measured rate. */
	startedAt: timestamp.nullable(),
	updatedAt: timestamp,
	finishedAt: timestamp.nullable(),
	/** Why it failed, or what it could not decide. */
	message: z.string().max(2_000)
});

export type Issue = z.infer<typeof issueSchema>;
export type ReindexRun = z.infer<typeof reindexRunSchema>;
export type Integration = z.infer<typeof integrationSchema>;
export type IntegrationSettings = z.infer<typeof integrationSettingsSchema>;
export type LookupValue = z.infer<typeof lookupValueSchema>;
export type TicketCharge = z.infer<typeof ticketChargeSchema>;
export type Opportunity = z.infer<typeof opportunitySchema>;

/** An integration before anyone configured it. */
export function defaultIntegration(providerName: Integration['id']): Integration {
	return {
		id: providerName,
		configured: false,
		settings: { purchaseOrderBillingCodeId: null, importTicketCharges: false, pollOpportunities: false },
		lookups: {},
		connection: { state: 'untested', message: '', checkedAt: null },
		lastSync: null,
		usage: { lastHour: 0, hourlyLimit: null, at: 0 },
		pollRequestsPerHour: 0
	};
}

export function issueId(providerName: string, operation: JobKind, entityId: string): string {
	return `${providerName}:${operation}:${entityId}`.slice(0, 64);
}
