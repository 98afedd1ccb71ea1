// The contract every PSA integration implements so one job runner drives them all: what a sync can
// read and record (SyncContext), how it fails (PsaFailure), and the operations the runner schedules.
// Retries, rate budgets, locks and sync issues belong to the runner, never to a provider.

import type { Provider } from '../../shared/psa/providers.ts';
import type { ReindexEntity } from '../../shared/psa/reindex.ts';
import type { Contact } from '../../shared/schema/catalog-entities.ts';
import type { Company, Quote, QuoteLine } from '../../shared/schema/entities.ts';
import type { User } from '../../shared/schema/identity-entities.ts';
import type { Opportunity, TicketCharge } from '../../shared/schema/psa-entities.ts';
import type { QuoteCharge } from '../../shared/schema/quote-charge-entities.ts';
import type { LineFailure } from '../../shared/schema/quote-sync-entities.ts';
import type { SkippedCharge } from '../../shared/schema/billing-code-entities.ts';
import type { IndexOf, RowOf, TableName } from '../../shared/schema/tables.ts';
import type { Tx } from '../../shared/sync/tx.ts';

/** What one fix resolves: issues with the same root cause are grouped, with that fix one tap away. */
export type RootCause =
	{ kind: 'categoryBillingCode'; categoryId: string } | { kind: 'credentials' } | { kind: 'paymentTerm' };

export type PsaFailure = {
	ok: false;
	/**
	 * transient: the request may not have arrived (connection reset, timeout); retried per the provider's policy.
	 * rate_limited: the PSA asked us to slow down; retried per the provider's policy.
	 * permanent: a person must act (a rule, a missing mapping, bad credentials); becomes a sync issue at once.
	 */
	kind: 'transient' | 'rate_limited' | 'permanent';
	/** The words the sync issue shows: the seeds' texts, or the PSA's own verbatim. */
	message: string;
	retryAfterMs?: number | null;
	rootCause?: RootCause;
	/** What the failure says of the system's own health (platform incidents), when it says anything. */
	health?: HealthSignal;
	/** The record that failed, when it is not the one the job was for (a quote's contact, opportunity or product). */
	entity?: FailedEntity;
	/** A quote's lines the PSA did not take, each with its words. */
	lines?: LineFailure[];
};
/** A record a sync could not send, as its sync issue names it. */
export type FailedEntity = {
	table: 'companies' | 'contacts' | 'opportunities' | 'products';
	id: string;
	label: string;
};
/** The system refused our credentials, answered with a server error, or did not answer at all. */
export type HealthSignal = 'auth_failed' | 'server_error' | 'unreachable';
export type PsaOk<T> = { ok: true; value: T };
export type PsaResult<T> = PsaOk<T> | PsaFailure;

export const psaOk = <T>(value: T): PsaOk<T> => ({ ok: true, value });

/** Read-only view of the organisation's replicated rows. */
export type OutpostReader = {
	get<T extends TableName>(table: T, id: string): Promise<RowOf<T> | undefined>;
	byIndex<T extends TableName>(table: T, field: IndexOf<T>, value: string): Promise<RowOf<T>[]>;
	all<T extends TableName>(table: T): Promise<RowOf<T>[]>;
};

/**
 * Which PSA record an Outpost row became. `set` commits at once, so a sync that dies after it resumes
 * past that step. Kinds are free-form per provider ('companies', 'opportunities' keyed by quote id, ...).
 */
export type ExternalLinks = {
	get(kind: string, localId: string): Promise<string | null>;
	set(kind: string, localId: string, externalId: string): Promise<void>;
	clear(kind: string, localId: string): Promise<void>;
	/** The Outpost id linked to a PSA record, or null. */
	localOf(kind: string, externalId: string): Promise<string | null>;
};

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export type SyncContext = {
	orgId: string;
	now(): number;
	/**
	 * This job ran before (a retry, or a restart mid-flight) and may have created PSA records it never
	 * recorded: before creating one, look for it by its marker. False on a first run, to spend no calls.
	 */
	resumed: boolean;
	data: OutpostReader;
	links: ExternalLinks;
	/** The provider's decrypted credentials as saved by an admin; the adapter parses them with its schema. */
	credentials: unknown;
	/** The provider's non-secret settings (the replicated integrations row's `settings`). */
	settings: Record<string, unknown>;
	/** Lookups the last Synchronize stored (billing codes, picklists...): read them instead of asking again. */
	lookups: Record<string, LookupValue[]>;
	/** fetch that waits for the rate budget and counts the call; every PSA request goes through it. */
	fetch: FetchLike;
	/** Writes replicated rows (imported charges, linked users, refreshed picklists) in one versioned transaction. */
	write<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
	/** Long work reports how far it got; the admin screen shows it. */
	progress(done: number, total: number): void;
};

/**
 * What every quote sync needs, read once by the runner (gateway/jobs/sync-inputs.ts) before it calls
 * the adapter: adapters do not read these rows again.
 */
export type QuoteToSync = {
	quote: Quote;
	/** By `position`, then id: the order the quote shows them in. */
	lines: QuoteLine[];
	company: Company;
	/** The quote's contact; null when it has none (or the row is gone). */
	contact: Contact | null;
	/** The quote's owner, whose PSA identifiers say who owns new records; null when the user is gone. */
	owner: User | null;
};

export type QuoteSynced = {
	externalId: string;
	warnings: string[];
	/** How people find the record in the PSA: its number, and a link to open it (null when unknown). */
	number?: string;
	url?: string | null;
	/** Lines the PSA did not take; the quote synced without them (a warning). */
	lines?: LineFailure[];
	/** The record the warning is about, when one is (the product of the first line that failed). */
	entity?: FailedEntity;
};

/** A PSA's staff record (Autotask resource, ConnectWise member, HaloPSA agent), as user linking sees it. */
export type PsaPerson = {
	externalId: string;
	email: string | null;
	firstName: string;
	lastName: string;
	active: boolean;
	/** Why this person must not be synced (ConnectWise: a license class other than Regular Member or Subcontractor). */
	ineligible?: string;
};

export type LookupValue = { value: string; label: string; active: boolean };

export type Synchronized = {
	/** Refreshed lookups the admin screen offers (billing codes, charge statuses, payment terms...). */
	lookups: Record<string, LookupValue[]>;
	/** Every active staff record; the runner links them to users (gateway/jobs/user-linking.ts). */
	people: PsaPerson[];
};

/** A charge as the PSA has it; the runner gives it an Outpost id and stamps the import time. */
export type ImportedCharge = Omit<TicketCharge, 'id' | 'provider' | 'importedAt'>;
/** A charge the import kept out of procurement, with the reason a buyer reads. */
export type SkippedImport = Omit<SkippedCharge, 'id' | 'provider' | 'skippedAt'>;
/** The status a charge has in the PSA now, for charges imported earlier to follow. */
export type FollowedCharge = { externalId: string; status: string };
export type ChargeImport = {
	charges: ImportedCharge[];
	skipped: SkippedImport[];
	followed: FollowedCharge[];
	/** Where the next import's status query starts. */
	watermark: number;
};
/** An opportunity as the PSA reports it now. */
export type ChangedOpportunity = Omit<Opportunity, 'id' | 'provider'>;

/**
 * What a re-index asks a PSA about one kind of link (gateway/jobs/reindex/): external ids first, then
 * the markers and natural keys the adapter's own sync uses to find a record.
 */
export type ReindexLookup = {
	/** Whether the PSA still has the record this external id names. */
	exists(externalId: string): Promise<PsaResult<boolean>>;
	/** The PSA records this Outpost record matches by the adapter's markers and natural keys (none: no key to go by). */
	candidates(localId: string): Promise<PsaResult<string[]>>;
};

/** Link kinds a re-index checks through the adapter; users are matched by Synchronize's people instead. */
export type ReindexLinkKind = Exclude<ReindexEntity, 'users'>;
export type ReindexLookups = Partial<Record<ReindexLinkKind, ReindexLookup>>;

/** One quote charge to create on its PSA ticket (gateway/jobs/charge-sync.ts reads what it needs). */
export type ChargeToCreate = {
	charge: QuoteCharge;
	ticketExternalId: string;
	/** The product's PSA record, when the product was synced; the charge is made without one otherwise. */
	productExternalId: string | null;
	/** The billing code the charge is made with: its category's (never null: checked before). */
	billingCodeId: string;
	quoteNumber: string | null;
};

/** One charge cancelled in Outpost to cancel in the PSA; externalId null when its create's answer was lost. */
export type ChargeToCancel = { charge: QuoteCharge; ticketExternalId: string; externalId: string | null };

/** What a Synchronize lists of the PSA's tickets, for attaching quotes offline. */
export type PsaTicket = {
	externalId: string;
	number: string;
	title: string;
	companyExternalId: string;
	/** The PSA company's name: a company not linked yet is linked by it, as a quote sync would. */
	companyName: string;
	status: string;
};

/** One line of a distributor order, for the PSA's purchase order. */
export type PurchaseOrderLineToCreate = {
	/** The order line's Outpost id: the marker on its PSA item, so a resumed run never adds it twice. */
	lineId: string;
	/** The Outpost product, when the line has one: linked to the PSA product the adapter uses for it. */
	productId: string | null;
	/** The product's PSA record when it is linked already (the runner reads the link). */
	productExternalId: string | null;
	name: string;
	sku: string;
	quantity: number;
	/** What the distributor charges per unit, in cents. */
	unitCost: number;
};

/** A submitted distributor order as the PSA's purchase order (gateway/jobs/psa-purchase-order.ts builds it). */
export type PurchaseOrderToCreate = {
	/** The distributor order's Outpost id: the marker on the PSA's purchase order. */
	orderId: string;
	/** The distributor, the purchase order's vendor ("Ingram Micro"), found in the PSA by this name. */
	vendorName: string;
	/** The customer PO number the distributor order was placed with. */
	purchaseOrderNumber: string;
	shipTo: { name: string; address1: string; city: string; state: string; postalCode: string };
	/** The PSA company the goods are for, when it is linked. */
	companyExternalId: string | null;
	/** The integration's Purchase Order billing code (Admin › Integrations › Autotask › Purchase Order); null when unset. */
	billingCodeId: string | null;
	lines: PurchaseOrderLineToCreate[];
};

export type PsaAdapter = {
	provider: Provider;
	/** One cheap authenticated call that proves the credentials work. */
	testConnection(ctx: SyncContext): Promise<PsaResult<{ summary: string }>>;
	/** Company (created first when missing) → contact → opportunity → quote → items. */
	syncQuote(ctx: SyncContext, input: QuoteToSync): Promise<PsaResult<QuoteSynced>>;
	/** The company, read by the runner. */
	syncCompany(ctx: SyncContext, company: Company): Promise<PsaResult<{ externalId: string }>>;
	/** Admin > Integrations > [PSA] > Synchronize: fresh lookups and the staff to link. */
	synchronize(ctx: SyncContext): Promise<PsaResult<Synchronized>>;
	/** Whether a user who matches no PSA record is created from it (ConnectWise: yes). */
	createsMissingUsers: boolean;
	/**
	 * Ticket charges created in the import window, those to skip with why, and the status of every
	 * charge whose status changed since the watermark (optional capability).
	 */
	importTicketCharges?(ctx: SyncContext, since: number | null): Promise<PsaResult<ChargeImport>>;
	/**
	 * Quote charges on tickets (optional capability). Each call is exactly-once: on a resumed run the
	 * adapter first looks for the charge by its marker (the charge id it wrote into the PSA record).
	 */
	ticketCharges?: {
		create(ctx: SyncContext, input: ChargeToCreate): Promise<PsaResult<{ externalId: string }>>;
		/** Cancels it in the PSA; answers the PSA id cancelled, null when the PSA never had it. */
		cancel(ctx: SyncContext, input: ChargeToCancel): Promise<PsaResult<{ externalId: string | null }>>;
		/** The tickets of the companies Outpost knows, for Synchronize to replicate. */
		listTickets(ctx: SyncContext): Promise<PsaResult<PsaTicket[]>>;
	};
	/**
	 * The purchase order of a submitted distributor order, with its items (optional capability). Exactly
	 * once: the PO and each item carry their Outpost id as a marker, looked for before creating on a
	 * resumed run, and the PO's id is linked ('purchaseOrders') the moment the PSA answers.
	 */
	createPurchaseOrder?(ctx: SyncContext, input: PurchaseOrderToCreate): Promise<PsaResult<{ externalId: string }>>;
	/** Products on their own (optional capability): a billing code brought up to date, a product synced by itself. */
	products?: {
		/** Sets the billing code of the product this PSA record is; answers a failure the job files. */
		updateBillingCode(ctx: SyncContext, externalId: string, billingCodeId: string): Promise<PsaResult<null>>;
		/** Creates the product (or finds it by its SKU) and links it; a linked one is brought up to date. */
		sync(ctx: SyncContext, productId: string): Promise<PsaResult<{ externalId: string }>>;
	};
	/** Opportunities changed since the watermark, in one query per poll (optional capability). */
	pollOpportunities?(
		ctx: SyncContext,
		since: number | null
	): Promise<PsaResult<{ changed: ChangedOpportunity[]; watermark: number }>>;
	/** One run's lookups for re-index, by link kind; kinds left out are not kept in this PSA (optional capability). */
	openReindex?(ctx: SyncContext): Promise<PsaResult<ReindexLookups>>;
};
