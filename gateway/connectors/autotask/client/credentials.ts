// Autotask API-user credentials and the header auth every call carries (psa-apis.md §1.2 [V]).
// Where the credentials are stored, and how they are encrypted, is not this module's business.

import { z } from 'zod';
import { credentialSecret, credentialText } from '../../common/credential-text.ts';

export const autotaskCredentialsSchema = z.object({
	/** The API tracking identifier of the integration. */
	apiIntegrationCode: credentialText(),
	/** The API-only user's user name (email-like). */
	userName: credentialText(),
	secret: credentialSecret(),
	/** Create and update as this resource instead of the API user. */
	impersonationResourceId: z.number().int().positive().optional()
});
export type AutotaskCredentials = z.infer<typeof autotaskCredentialsSchema>;

export function authHeaders(credentials: AutotaskCredentials): Record<string, string> {
	const headers: Record<string, string> = {
		ApiIntegrationCode: credentials.apiIntegrationCode,
		UserName: credentials.userName,
		Secret: credentials.secret
	};
	if (credentials.impersonationResourceId !== undefined) {
		headers.ImpersonationResourceId = String(credentials.impersonationResourceId);
	}
	return headers;
}
