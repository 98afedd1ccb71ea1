// Ingram Micro Reseller API credentials (psa-apis.md §4.1-4.3): the API app's client id and secret, the
// reseller account (customer number) and country every call names, and where the API lives.

import { z } from 'zod';
import { credentialSecret, credentialText, credentialUrl } from '../../common/credential-text.ts';

/** Production; the sandbox is the same host under `/sandbox` (§4.1). */
export const INGRAM_PRODUCTION_URL = 'https://api.ingrammicro.com:443';

export const ingramCredentialsSchema = z.object({
	/** Where `/resellers/v6/...` is served: production, `{host}/sandbox`, or the simulator's origin. */
	apiUrl: credentialUrl()
		.default(INGRAM_PRODUCTION_URL)
		.transform((value) => value.replace(/\/+$/, '')),
	clientId: credentialText(),
	clientSecret: credentialSecret(),
	/** `IM-CustomerNumber`, e.g. `20-222222`: the reseller account the API app is registered to. */
	customerNumber: credentialText().pipe(z.string().max(40, 'at most 40 characters')),
	/** `IM-CountryCode`: two-letter ISO country code. */
	countryCode: z
		.string()
		.trim()
		.transform((value) => value.toUpperCase())
		.pipe(z.string().regex(/^[A-Z]{2}$/, 'a two-letter ISO country code such as US')),
	/** `IM-SenderID` (optional): names the sender in Ingram's logs. */
	senderId: credentialText().optional()
});
export type IngramCredentials = z.infer<typeof ingramCredentialsSchema>;
export type IngramCredentialsInput = z.input<typeof ingramCredentialsSchema>;

/**
 * The token endpoint is at the host's root, `/oauth/oauth20/token`, also for the sandbox (§4.2; the
 * sandbox prefix applies to `/resellers` paths only [GUESS, see ../README.md]).
 */
export function tokenUrl(credentials: IngramCredentials): string {
	return new URL('/oauth/oauth20/token', credentials.apiUrl).toString();
}

export function tokenRequestBody(credentials: IngramCredentials): string {
	return new URLSearchParams({
		grant_type: 'client_credentials',
		client_id: credentials.clientId,
		client_secret: credentials.clientSecret
	}).toString();
}
