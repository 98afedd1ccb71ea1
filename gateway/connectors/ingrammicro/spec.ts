// Ingram Micro's numbers, in one place (connectors/README.md): its rate limits (psa-apis.md §4.6: GET
// calls 60 a minute per endpoint, per API app), the P&A batch size, the token lifetime cap and how
// failures are retried. The procurement runner (later work) reads them from here.

import type { RetryPolicy } from '../../psa/registry.ts';
import { ingramCredentialsSchema } from './client/credentials.ts';

export const INGRAM_LIMITS = {
	/** §4.6 [V]: GET calls per minute per endpoint. Other endpoints publish no number; treated alike. */
	perEndpointPerMinute: 60,
	/** §4.4 [V]. */
	priceAndAvailabilityBatch: 50,
	/** §4.2: "expires every 24 hours"; a longer `expires_in` is capped to this. */
	tokenLifetimeCapSeconds: 24 * 3600,
	/** Renew a token this long before it runs out. */
	tokenRefreshMarginMs: 5 * 60_000,
	/** The client waits this long at most for an exhausted X-RateLimit window; longer is rescheduled. */
	maxRateWaitMs: 5_000
} as const;

/**
 * Resets and timeouts: 2 s, 10 s, 60 s. 429: 10 s, 30 s, 60 s, 120 s unless X-RateLimit-Reset says
 * longer. 5xx (a maintenance window lasts hours, §4.1) is retried as transient on the same delays and
 * then becomes "Order stuck in Processing" for the buyer to retry.
 */
export const INGRAM_RETRY: RetryPolicy = {
	transient: [2_000, 10_000, 60_000],
	rateLimited: [10_000, 30_000, 60_000, 120_000]
};

export const ingramSpec = {
	credentials: ingramCredentialsSchema,
	limits: INGRAM_LIMITS,
	retry: INGRAM_RETRY,
	/** `/resellers/v6.1/orders/20-RD128` counts against `orders`; `/oauth/oauth20/token` against `token`. */
	endpointOf(url: URL): string {
		const segments = url.pathname.split('/').filter(Boolean);
		if (segments.includes('oauth')) return 'token';
		const at = segments.findIndex((s) => s === 'resellers');
		if (at === -1) return segments.at(-1) ?? url.pathname;
		const [resource = 'resellers', action] = segments.slice(at + 2);
		return action && /^[a-z]+$/.test(action) ? `${resource}/${action}` : resource;
	},
	urlsOf(credentials: unknown): Record<string, string> {
		const parsed = ingramCredentialsSchema.safeParse(credentials);
		return parsed.success ? { apiUrl: parsed.data.apiUrl } : {};
	}
};
