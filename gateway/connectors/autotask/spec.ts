// Autotask for the job runner, with its numbers: 10,000 requests per rolling hour and 3 at once per
// endpoint per database (psa-apis.md §1.8); connection resets retried twice (seeds); a 429 or the
// hourly threshold waits 1, 5, then 15 minutes.

import type { ProviderSpec, RetryPolicy } from '../../psa/registry.ts';
import { autotaskAdapter } from './sync/adapter.ts';
import { sandboxAutotaskCredentialsSchema } from './sync/run.ts';

/** `/atservicesrest/v1.0/Companies/query` counts against Companies. */
export function autotaskEndpoint(url: URL): string {
	const segments = url.pathname.split('/').filter(Boolean);
	const version = segments.findIndex((s) => /^v\d+(\.\d+)?$/i.test(s));
	return segments[version + 1] ?? url.pathname;
}

export const AUTOTASK_RETRY: RetryPolicy = {
	transient: [2_000, 10_000],
	rateLimited: [60_000, 5 * 60_000, 15 * 60_000]
};

export const autotaskSpec: ProviderSpec = {
	adapter: autotaskAdapter,
	credentials: sandboxAutotaskCredentialsSchema,
	limits: { hourly: 10_000, concurrentPerEndpoint: 3 },
	retry: AUTOTASK_RETRY,
	endpointOf: autotaskEndpoint,
	urlsOf(credentials): Record<string, string> {
		const parsed = sandboxAutotaskCredentialsSchema.safeParse(credentials);
		return parsed.success && parsed.data.zoneLookupUrl ? { zoneLookupUrl: parsed.data.zoneLookupUrl } : {};
	},
	pollRequests: 1,
	// The 2-hour window's query and the status watermark's.
	importRequests: 2
};
