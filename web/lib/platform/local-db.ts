// The per-user IndexedDB database (Dexie): the replicated tables, the outbox of pending mutations
// (holding the confirmed values kept for rebasing), rejections to show, and sync bookkeeping.
// Version blocks are append-only. Up to 15 they only add stores; an upgrade that rewrites rows has a
// test from the previous version's data (local-db-upgrade.test.ts, on fake-indexeddb under Node).

import { Dexie, type EntityTable, type Table } from 'dexie';
import type { Company, Quote, QuoteLine } from '../../../shared/schema/entities.ts';
import type { AuthSettings, Role, StaffMember, User } from '../../../shared/schema/identity-entities.ts';
import type { Category, Contact, PricingBook, Product } from '../../../shared/schema/catalog-entities.ts';
import type { Integration, Issue, Opportunity, ReindexRun, TicketCharge } from '../../../shared/schema/psa-entities.ts';
import type { Incident } from '../../../shared/schema/incident-entities.ts';
import type { Distributor } from '../../../shared/schema/distributor-entities.ts';
import type { OrgProfile } from '../../../shared/schema/org-profile-entities.ts';
import type { Activity } from '../../../shared/schema/activity-entities.ts';
import type { QuoteCharge, Ticket } from '../../../shared/schema/quote-charge-entities.ts';
import type { PurchaseOrder, PurchaseOrderLine } from '../../../shared/schema/purchase-order-entities.ts';
import type { QuoteSync } from '../../../shared/schema/quote-sync-entities.ts';
import type { PaymentTerm } from '../../../shared/schema/payment-term-entities.ts';
import type { BillingCodeUpdate, SkippedCharge } from '../../../shared/schema/billing-code-entities.ts';
import { TABLE_NAMES, type TableName } from '../../../shared/schema/tables.ts';
import type { CachedAvailability } from '../marketplace/cached-availability.ts';
import type { RowBefore } from '../sync/confirmed-values.ts';

export type OutboxEntry = {
	id: number;
	name: string;
	args: unknown;
	timestamp: number;
	/** The rows the mutation wrote, as they were before (web/lib/sync/confirmed-values.ts); none before version 16. */
	before?: RowBefore[];
};

export type StoredRejection = {
	clientID: string;
	mutationID: number;
	name: string;
	code: string;
	message: string;
	receivedAt: number;
	dismissed: 0 | 1;
};

export type MetaEntry = { key: string; value: unknown };

export type LocalDb = Dexie & {
	companies: EntityTable<Company, 'id'>;
	quotes: EntityTable<Quote, 'id'>;
	quoteLines: EntityTable<QuoteLine, 'id'>;
	users: EntityTable<User, 'id'>;
	roles: EntityTable<Role, 'id'>;
	authSettings: EntityTable<AuthSettings, 'id'>;
	contacts: EntityTable<Contact, 'id'>;
	categories: EntityTable<Category, 'id'>;
	products: EntityTable<Product, 'id'>;
	pricingBooks: EntityTable<PricingBook, 'id'>;
	issues: EntityTable<Issue, 'id'>;
	integrations: EntityTable<Integration, 'id'>;
	distributors: EntityTable<Distributor, 'id'>;
	ticketCharges: EntityTable<TicketCharge, 'id'>;
	opportunities: EntityTable<Opportunity, 'id'>;
	orgProfile: EntityTable<OrgProfile, 'id'>;
	incidents: EntityTable<Incident, 'id'>;
	reindexRuns: EntityTable<ReindexRun, 'id'>;
	activity: EntityTable<Activity, 'id'>;
	tickets: EntityTable<Ticket, 'id'>;
	quoteCharges: EntityTable<QuoteCharge, 'id'>;
	quoteSyncs: EntityTable<QuoteSync, 'id'>;
	paymentTerms: EntityTable<PaymentTerm, 'id'>;
	staff: EntityTable<StaffMember, 'id'>;
	purchaseOrders: EntityTable<PurchaseOrder, 'id'>;
	purchaseOrderLines: EntityTable<PurchaseOrderLine, 'id'>;
	billingCodeUpdates: EntityTable<BillingCodeUpdate, 'id'>;
	skippedCharges: EntityTable<SkippedCharge, 'id'>;
	outbox: EntityTable<OutboxEntry, 'id'>;
	rejections: Table<StoredRejection, [string, number]>;
	meta: EntityTable<MetaEntry, 'key'>;
	/** Local only, never replicated: the distributors' last answer per part (web/lib/marketplace). */
	availability: EntityTable<CachedAvailability, 'part'>;
};

export function localDbName(orgId: string, userId: string): string {
	return `outpost-${orgId}-${userId}`;
}

export function openLocalDb(
	name: string,
	options?: { indexedDB: IDBFactory; IDBKeyRange: typeof IDBKeyRange }
): LocalDb {
	// Local writes run on native IndexedDB transactions (web/lib/sync/idb-tx.ts) and tell liveQuery
	// through Dexie's storagemutated event; Dexie's query cache would not see them and answer stale.
	const db = new Dexie(name, { ...options, cache: 'disabled' }) as LocalDb;
	db.version(1).stores({
		companies: 'id, name',
		quotes: 'id, companyId, updatedAt, status',
		quoteLines: 'id, quoteId',
		// Auto-incremented: the key is the mutation id, which must never be reused.
		outbox: '++id',
		confirmed: '[table+id]',
		rejections: '[clientID+mutationID], dismissed',
		meta: 'key'
	});
	// Identity tables, replicated to admins only.
	db.version(2).stores({ users: 'id, email, companyId', roles: 'id', authSettings: 'id' });
	// The catalog and customers' contacts.
	db.version(3).stores({
		contacts: 'id, companyId, name',
		categories: 'id, name',
		products: 'id, categoryId, name, sku',
		pricingBooks: 'id'
	});
	// PSA sync: issues and integrations for admins, charges for procurement, opportunities for quotes.
	db.version(4).stores({
		issues: 'id, rootCause, lastSeenAt',
		integrations: 'id',
		ticketCharges: 'id, createdAt',
		opportunities: 'id, quoteId'
	});
	// The organisation's profile (letterhead), for everyone in it.
	db.version(5).stores({ orgProfile: 'id' });
	// Platform incidents, for staff (the banner) and admins (Admin › Tools › Incidents).
	db.version(6).stores({ incidents: 'id, system, startedAt' });
	// Re-index progress and results (Admin › Tools › Maintenance), for admins.
	db.version(7).stores({ reindexRuns: 'id' });
	// The activity log's recent window, for admins.
	db.version(8).stores({ activity: 'id, at' });
	// Quote charges on PSA tickets, and the tickets to pick offline.
	db.version(9).stores({ tickets: 'id, companyId', quoteCharges: 'id, quoteId' });
	// Admin › Distributors: one row per distributor, for admins.
	db.version(10).stores({ distributors: 'id' });
	// The staff directory (colleagues' names), for everyone on the staff.
	db.version(11).stores({ staff: 'id' });
	// The procurement queue (issue 13): purchase orders and their lines, for Procurement editors.
	db.version(12).stores({ purchaseOrders: 'id, status', purchaseOrderLines: 'id, orderId' });
	// The Marketplace's last known cost and stock per part, for offline: local only, never replicated.
	db.version(13).stores({ availability: 'part' });
	// Where each quote's PSA sync stands, and the PSA's payment terms, for who edits quotes.
	db.version(14).stores({ quoteSyncs: 'id', paymentTerms: 'id' });
	// Billing codes brought up to date in the PSA (admins), and charges the import kept out of procurement (buyers).
	db.version(15).stores({ billingCodeUpdates: 'id', skippedCharges: 'id, createdAt' });
	// Confirmed values move into the outbox entries, where a local write keeps them at no extra request:
	// the ones kept aside so far go to the earliest pending entry, which makes them win (confirmed-values.ts).
	db.version(16)
		.stores({ confirmed: null })
		.upgrade(async (tx) => {
			const kept = (await tx.table('confirmed').toArray()) as RowBefore[];
			const first = await tx.table('outbox').orderBy('id').first();
			if (!first || kept.length === 0) return;
			const before = kept.map(({ table, id, value }) => ({ table, id, value }));
			await tx.table('outbox').put({ ...first, before });
		});
	return db;
}

export function entityTable(db: LocalDb, table: TableName): Table<{ id: string }, string> {
	return db.table(table);
}

export const ENTITY_STORES = TABLE_NAMES;
