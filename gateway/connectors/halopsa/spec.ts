// HaloPSA for the job runner: hosted Halo allows 300 requests per rolling 5 minutes (psa-apis.md §3.8
// [3P]), budgeted here as 3,600 an hour with no concurrency limit; a 429 beyond that waits per policy.

import type { ProviderSpec, RetryPolicy } from '../../psa/registry.ts';
import { haloAdapter } from './sync/adapter.ts';
import { haloPsaCredentialsSchema } from './sync/credentials.ts';

/** `/api/Quotation/51` counts against Quotation; `/auth/token` against token. */
export function haloEndpoint(url: URL): string {
	const segments = url.pathname.split('/').filter(Boolean);
	const api = segments.findIndex((s) => s.toLowerCase() === 'api');
	if (api !== -1 && segments[api + 1]) return segments[api + 1]!;
	return segments.at(-1) ?? url.pathname;
}

/** As ConnectWise's (Halo documents no backoff): 5 s, 10 s, 20 s, 60 s, or longer when Retry-After says so. */
export const HALO_RETRY: RetryPolicy = {
	transient: [2_000, 10_000],
	rateLimited: [5_000, 10_000, 20_000, 60_000]
};

export const haloSpec: ProviderSpec = {
	adapter: haloAdapter,
	credentials: haloPsaCredentialsSchema,
	limits: { hourly: 3_600, concurrentPerEndpoint: null },
	retry: HALO_RETRY,
	endpointOf: haloEndpoint,
	urlsOf(credentials): Record<string, string> {
		const parsed = haloPsaCredentialsSchema.safeParse(credentials);
		return parsed.success ? { resourceUrl: parsed.data.resourceUrl, authUrl: parsed.data.authUrl } : {};
	},
	// No opportunity polling: Halo's adapter does not offer it.
	pollRequests: 0
};
