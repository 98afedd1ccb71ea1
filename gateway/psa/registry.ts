// What the job runner needs to know of each PSA: its adapter, how its credentials look, its rate
// budget and retry policy, and which endpoint a request counts against.

import type { z } from 'zod';
import type { Provider } from '../../shared/psa/providers.ts';
import type { BudgetLimits } from '../jobs/rate-budget.ts';
import type { RetryPolicy } from '../jobs/retry-policy.ts';
import type { PsaAdapter } from './provider.ts';

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
};

export type ProviderRegistry = Partial<Record<Provider, ProviderSpec>>;
