// ConnectWise PSA API-member keys and the headers every call carries (psa-apis.md §2.2 [V]).
// Where the keys are stored, and how they are encrypted, is not this module's business.

import { z } from 'zod';
import { CREDENTIAL_URL_MAX_LENGTH } from '../../../../shared/psa/credential-fields.ts';
import { credentialSecret, credentialText } from '../../common/credential-text.ts';

export const connectwiseCredentialsSchema = z.object({
	/** `api-na.myconnectwise.net`, or a base URL (`https://api-eu.myconnectwise.net`, a simulator's origin). */
	site: z
		.string()
		.trim()
		.min(1, 'required')
		.max(CREDENTIAL_URL_MAX_LENGTH, `at most ${CREDENTIAL_URL_MAX_LENGTH} characters`)
		.refine(isSite, 'a host name such as api-na.myconnectwise.net, or an https URL'),
	/** The company id people type at sign-in (`CW`), not a numeric record id. */
	companyId: credentialText(),
	publicKey: credentialText(),
	privateKey: credentialSecret(),
	/** The integration's GUID from developer.connectwise.com. */
	clientId: credentialText()
});
export type ConnectwiseCredentials = z.infer<typeof connectwiseCredentialsSchema>;

/** §2.2 [V]: the model version we read and write; a deprecated version stays served for 12 months. */
export const API_VERSION = '2025.8';

export function authHeaders(credentials: ConnectwiseCredentials): Record<string, string> {
	const user = `${credentials.companyId}+${credentials.publicKey}:${credentials.privateKey}`;
	return {
		Authorization: `Basic ${btoa(String.fromCharCode(...new TextEncoder().encode(user)))}`,
		clientId: credentials.clientId,
		Accept: `application/vnd.connectwise.com+json; version=${API_VERSION}`
	};
}

/**
 * Where `login/companyinfo` and the codebase live, without a trailing slash. A bare host means HTTPS
 * (§2.1: cloud sites must be the `api-` host); a URL keeps its scheme and path (a mounted simulator).
 */
export function siteRoot(site: string): string {
	const url = new URL(/^https?:\/\//i.test(site) ? site : `https://${site}`);
	return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/** Whether `siteRoot` makes a URL of it: a host (with a port) or an http(s) URL without credentials. */
function isSite(site: string): boolean {
	if (!/^https?:\/\//i.test(site) && !/^[a-z0-9.-]+(:\d+)?$/i.test(site)) return false;
	try {
		const url = new URL(site.includes('://') ? site : `https://${site}`);
		return url.hostname !== '' && url.username === '' && url.password === '';
	} catch {
		return false;
	}
}
