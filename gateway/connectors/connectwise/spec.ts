// ConnectWise for the job runner (psa-apis.md §2.8 [V]): throttling is dynamic and "likely" above
// ~1,000 requests a minute, so the budget stays at half that rate with a cap on parallel requests;
// 429s back off 5 s, 10 s, 20 s, 60 s (seeds) or longer when Retry-After says so.

import { connectwiseCredentialsSchema, siteRoot } from './client/credentials.ts';
import type { ProviderSpec, RetryPolicy } from '../../psa/registry.ts';
import { connectwiseAdapter } from './sync/adapter.ts';

/** `/v2025_1/apis/3.0/company/companies/7` counts against `company/companies`; discovery against `login/companyinfo`. */
export function connectwiseEndpoint(url: URL): string {
	const segments = url.pathname.split('/').filter(Boolean);
	const api = segments.findIndex((s, i) => s === 'apis' && segments[i + 1] === '3.0');
	const rest = api === -1 ? segments.slice(segments.indexOf('login')) : segments.slice(api + 2);
	return (
		rest
			.filter((s) => !/^\d+$/.test(s))
			.slice(0, 2)
			.join('/') || url.pathname
	);
}

/** Seeds: a 429 backs off 5 s, 10 s, 20 s, then the 60 s cap (four retries), then becomes an issue. */
export const CONNECTWISE_RETRY: RetryPolicy = {
	transient: [2_000, 10_000],
	rateLimited: [5_000, 10_000, 20_000, 60_000]
};

export const connectwiseSpec: ProviderSpec = {
	adapter: connectwiseAdapter,
	credentials: connectwiseCredentialsSchema,
	limits: { hourly: 30_000, concurrentPerEndpoint: 4 },
	retry: CONNECTWISE_RETRY,
	endpointOf: connectwiseEndpoint,
	urlsOf(credentials): Record<string, string> {
		const parsed = connectwiseCredentialsSchema.safeParse(credentials);
		return parsed.success ? { site: siteRoot(parsed.data.site) } : {};
	},
	// No opportunity polling: the adapter does not offer it (ConnectWise has callbacks, §2.9).
	pollRequests: 0
};
