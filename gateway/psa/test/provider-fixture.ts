// What each provider hands the shared contract suite (gateway/psa/quote-sync.contract.test.ts): its
// adapter and a seeded simulator on loopback, with the counters that prove nothing was duplicated.

import type { Provider } from '../../../shared/psa/providers.ts';
import type { PsaAdapter, SyncContext } from '../provider.ts';

/** PSA-side records the contract suite counts, whatever the provider calls them. */
export type RecordKind = 'companies' | 'contacts' | 'opportunities' | 'quotes' | 'quoteItems' | 'products';

export type SandboxTenant = {
	/** Credentials the adapter accepts for this simulator. */
	credentials: unknown;
	/** Settings the adapter needs for a quote sync (e.g. Autotask billing codes by category). */
	settings: Record<string, unknown>;
	/** The Outpost category id whose products the tenant can sync (for Autotask: mapped to a billing code). */
	categoryId: string;
	/** The `billingCodeId` that category's row carries (Autotask: an active billing code of the simulator). */
	billingCodeId?: string;
	/** What the last Synchronize stored, for providers whose quote sync reads lookups. */
	lookups?: SyncContext['lookups'];
	/** Requests the simulator has served so far. */
	calls(): number;
	/** How many records of a kind the simulator holds. */
	count(kind: RecordKind): number;
	/** The next request the simulator receives fails this way. */
	failNext(fault: 'connection_reset' | 'unauthorized'): void;
	close(): Promise<void>;
};

export type ProviderFixture = {
	provider: Provider;
	adapter: PsaAdapter;
	start(): Promise<SandboxTenant>;
	/** The fewest requests a first sync of a quote with `lines` product lines can take (new company, contact, products). */
	firstSyncCalls(lines: number): number;
	/** The text the adapter's failure carries when the credentials are refused. */
	authFailureMessage: string;
};
