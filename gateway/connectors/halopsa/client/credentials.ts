// HaloPSA API-application credentials (psa-apis.md §3.1-3.2): the resource server, the authorisation
// server, the client id and secret, and the tenant for hosted instances. Storage is not our business.

import { z } from 'zod';
import { credentialSecret, credentialText, credentialUrl } from '../../common/credential-text.ts';

const url = credentialUrl().transform((value) => value.replace(/\/+$/, ''));

export const haloCredentialsSchema = z.object({
	/** The resource server, `https://{instance}.halopsa.com/api` (or your own host's `/api`). */
	resourceUrl: url,
	/** The authorisation server, usually `https://{instance}.halopsa.com/auth`; the token URL is `{authUrl}/token`. */
	authUrl: url,
	clientId: credentialText(),
	clientSecret: credentialSecret(),
	/** Hosted instances only: sent as `?tenant=` on the token request. */
	tenant: credentialText().optional(),
	/** `all`, or space-separated scopes such as `read:tickets edit:quotes` (§3.2 [3P]). */
	scope: credentialText().default('all')
});
export type HaloCredentials = z.infer<typeof haloCredentialsSchema>;
export type HaloCredentialsInput = z.input<typeof haloCredentialsSchema>;

/** Hosted: `{authUrl}/token?tenant={tenant}`; on-prem: `{base}/auth/token` (§3.2 [3P]). */
export function tokenUrl(credentials: HaloCredentials): string {
	const base = `${credentials.authUrl}/token`;
	return credentials.tenant ? `${base}?tenant=${encodeURIComponent(credentials.tenant)}` : base;
}

export function tokenRequestBody(credentials: HaloCredentials): string {
	return new URLSearchParams({
		grant_type: 'client_credentials',
		client_id: credentials.clientId,
		client_secret: credentials.clientSecret,
		scope: credentials.scope
	}).toString();
}
