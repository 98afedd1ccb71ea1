// TD SYNNEX for the ordering runner, with its numbers. The XML API publishes no rate limit (§5.2
// [UNVERIFIED]), so Outpost keeps itself to a modest pace; a maintenance window or reset connection is
// retried after 30 s, 2 min and 10 min; a P&A request carries at most 50 products.

import type { BudgetLimits, RetryPolicy } from '../../psa/registry.ts';
import { tdSynnexCredentialsSchema } from './client/credentials.ts';

/** Products per `<priceRequest>` [UNVERIFIED]: TD SYNNEX states no cap; 50 matches Ingram Micro's. */
export const TDSYNNEX_PA_BATCH = 50;

/** Per request: a PO can take TD SYNNEX several seconds (the sample answer took 2.1 s). */
export const TDSYNNEX_TIMEOUT_MS = 30_000;

export const TDSYNNEX_RETRY: RetryPolicy = {
	transient: [30_000, 2 * 60_000, 10 * 60_000],
	rateLimited: [60_000, 5 * 60_000, 15 * 60_000]
};

/** No published limit: an hourly cap of our own, one request in flight per path. */
export const TDSYNNEX_LIMITS: BudgetLimits = { hourly: 3_600, concurrentPerEndpoint: 1 };

/** `/SynnexXML/POStatus` counts against POStatus. */
export function tdSynnexEndpoint(url: URL): string {
	return url.pathname.split('/').filter(Boolean).pop() ?? url.pathname;
}

export const tdSynnexSpec = {
	credentials: tdSynnexCredentialsSchema,
	limits: TDSYNNEX_LIMITS,
	retry: TDSYNNEX_RETRY,
	endpointOf: tdSynnexEndpoint,
	urlsOf(credentials: unknown): Record<string, string> {
		const parsed = tdSynnexCredentialsSchema.safeParse(credentials);
		return parsed.success ? { baseUrl: parsed.data.baseUrl } : {};
	}
};
