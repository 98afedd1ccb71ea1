// What the job runner needs to know of each PSA: its adapter, how its credentials look, its rate
// budget and retry policy, and which endpoint a request counts against. Each system's numbers are in
// its own spec (gateway/connectors/<system>/spec.ts); the runner reads them from here only.

import type { z } from 'zod';
import type { Provider } from '../../shared/psa/providers.ts';
import type { PsaAdapter } from './provider.ts';

export type BudgetLimits = {
	/** Requests per rolling hour; null when the PSA publishes none. */
	hourly: number | null;
	/** Requests in flight at once per endpoint; null for no limit. */
	concurrentPerEndpoint: number | null;
};

export type RetryPolicy = {
	/** Delays before each automatic retry of a transient failure; its length is the number of retries. */
	transient: readonly number[];
	/** Delays before each retry after the PSA said "slow down" (a Retry-After it sends wins when longer). */
	rateLimited: readonly number[];
};

export type ProviderSpec = {
	adapter: PsaAdapter;
	credentials: z.ZodType;
	limits: BudgetLimits;
	retry: RetryPolicy;
	endpointOf(url: URL): string;
	/**
	 * The URLs that parsed credentials point the gateway at, by field (a ConnectWise site, Halo's
	 * servers), so the outbound policy can refuse them before anything is saved or sent.
	 */
	urlsOf(credentials: unknown): Record<string, string>;
	/** Requests one opportunity poll costs when nothing changed (its query), for the cost per hour. */
	pollRequests: number;
	/** Requests one ticket-charge import costs when nothing changed (its queries); absent: no import. */
	importRequests?: number;
};

export type ProviderRegistry = Partial<Record<Provider, ProviderSpec>>;
