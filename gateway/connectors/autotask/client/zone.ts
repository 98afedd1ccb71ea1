// Zone discovery (psa-apis.md §1.1): which webservices host serves this API user's database. Sent
// without auth headers, as live clients do; the answer's `url` is the root of every later call.

import { ok, unexpected, type AutotaskResult } from './failures.ts';
import type { Transport } from './transport.ts';
import { zoneInformationSchema, type ZoneInformation } from './wire-schemas.ts';

/** The global host that answers zone lookups for every tenant. */
export const DEFAULT_ZONE_LOOKUP_URL = 'https://webservices.autotask.net/ATServicesRest/';

export async function discoverZone(
	transport: Transport,
	lookupUrl: string,
	userName: string
): Promise<AutotaskResult<ZoneInformation>> {
	const url = `${withSlash(lookupUrl)}V1.0/ZoneInformation?user=${encodeURIComponent(userName)}`;
	const answer = await transport.send(
		{ method: 'GET', endpoint: 'GET /ZoneInformation', entity: null, url },
		undefined,
		{
			auth: false
		}
	);
	if (!answer.ok) return answer;
	const parsed = zoneInformationSchema.safeParse(answer.body);
	if (!parsed.success) return unexpected('Autotask zone information has no usable url.', 200);
	return ok({ ...parsed.data, url: withSlash(parsed.data.url) });
}

/** Autotask URLs are built as `{url}V1.0/...`, so the root must end with a slash. */
export function withSlash(url: string): string {
	return url.endsWith('/') ? url : `${url}/`;
}
