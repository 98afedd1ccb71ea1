// The replicated tables: their names on the wire, their row schemas, and the one secondary
// index each may be queried by. Both the Dexie store and the SQL store are built from this list.

import type { z } from 'zod';
import { activitySchema } from './activity-entities.ts';
import { companySchema, quoteLineSchema, quoteSchema } from './entities.ts';
import { categorySchema, contactSchema, pricingBookSchema, productSchema } from './catalog-entities.ts';
import { authSettingsSchema, roleSchema, staffMemberSchema, userSchema } from './identity-entities.ts';
import { incidentSchema } from './incident-entities.ts';
import { distributorSchema } from './distributor-entities.ts';
import { orgProfileSchema } from './org-profile-entities.ts';
import { purchaseOrderLineSchema, purchaseOrderSchema } from './purchase-order-entities.ts';
import {
	integrationSchema,
	issueSchema,
	opportunitySchema,
	reindexRunSchema,
	ticketChargeSchema
} from './psa-entities.ts';
import { quoteChargeSchema, ticketSchema } from './quote-charge-entities.ts';
import { quoteSyncSchema } from './quote-sync-entities.ts';
import { paymentTermSchema } from './payment-term-entities.ts';
import { billingCodeUpdateSchema, skippedChargeSchema } from './billing-code-entities.ts';

export const TABLES = {
	companies: { schema: companySchema, index: null },
	quotes: { schema: quoteSchema, index: 'companyId' },
	quoteLines: { schema: quoteLineSchema, index: 'quoteId' },
	contacts: { schema: contactSchema, index: 'companyId' },
	categories: { schema: categorySchema, index: null },
	products: { schema: productSchema, index: 'categoryId' },
	pricingBooks: { schema: pricingBookSchema, index: null },
	users: { schema: userSchema, index: 'email' },
	roles: { schema: roleSchema, index: null },
	authSettings: { schema: authSettingsSchema, index: null },
	issues: { schema: issueSchema, index: 'rootCause' },
	integrations: { schema: integrationSchema, index: null },
	ticketCharges: { schema: ticketChargeSchema, index: null },
	opportunities: { schema: opportunitySchema, index: 'quoteId' },
	orgProfile: { schema: orgProfileSchema, index: null },
	incidents: { schema: incidentSchema, index: 'system' },
	reindexRuns: { schema: reindexRunSchema, index: null },
	activity: { schema: activitySchema, index: null },
	tickets: { schema: ticketSchema, index: 'companyId' },
	quoteCharges: { schema: quoteChargeSchema, index: 'quoteId' },
	quoteSyncs: { schema: quoteSyncSchema, index: null },
	paymentTerms: { schema: paymentTermSchema, index: null },
	distributors: { schema: distributorSchema, index: null },
	purchaseOrders: { schema: purchaseOrderSchema, index: null },
	purchaseOrderLines: { schema: purchaseOrderLineSchema, index: 'orderId' },
	billingCodeUpdates: { schema: billingCodeUpdateSchema, index: null },
	skippedCharges: { schema: skippedChargeSchema, index: null },
	/** Derived by the pull from users rows, never written (shared/auth/staff-directory.ts). */
	staff: { schema: staffMemberSchema, index: null }
} as const;

export type TableName = keyof typeof TABLES;
export const TABLE_NAMES = Object.keys(TABLES) as TableName[];
export type RowOf<T extends TableName> = z.infer<(typeof TABLES)[T]['schema']>;
export type IndexOf<T extends TableName> = NonNullable<(typeof TABLES)[T]['index']>;

/** Tables the pull derives from stored ones; nothing writes them (shared/auth/staff-directory.ts). */
const DERIVED_TABLES: ReadonlySet<TableName> = new Set(['staff']);
export type StoredTableName = Exclude<TableName, 'staff'>;
export const STORED_TABLE_NAMES = TABLE_NAMES.filter((t) => !DERIVED_TABLES.has(t)) as StoredTableName[];

export function isTableName(name: string): name is TableName {
	return Object.hasOwn(TABLES, name);
}
