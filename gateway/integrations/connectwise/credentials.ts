// ConnectWise PSA API-member keys and the headers every call carries (psa-apis.md §2.2 [V]).
// Where the keys are stored, and how they are encrypted, is not this module's business.

import { z } from 'zod';

export const connectwiseCredentialsSchema = z.object({
	/** `api-na.myconnectwise.net`, or a base URL (`https://api-eu.myconnectwise.net`, a simulator's origin). */
	site: z.string().trim().min(1),
	/** The company id people type at sign-in (`CW`), not a numeric record id. */
	companyId: z.string().trim().min(1),
	publicKey: z.string().trim().min(1),
	privateKey: z.string().min(1),
	/** The integration's GUID from developer.connectwise.com. */
	clientId: z.string().trim().min(1)
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
