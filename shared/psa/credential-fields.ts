// The fields of each PSA's credentials form. The gateway validates them with the provider's own
// schema (a test keeps the two in step); secrets are write-only: never sent back to any client.

import type { Provider } from './providers.ts';

/** Longest value a credential field takes: real keys and names are far shorter; a URL may be longer. */
export const CREDENTIAL_MAX_LENGTH = 2_000;
export const CREDENTIAL_URL_MAX_LENGTH = 2_048;

export type CredentialField = { name: string; label: string; secret: boolean; optional?: boolean; hint?: string };

export const CREDENTIAL_FIELDS: Record<Provider, CredentialField[]> = {
	autotask: [
		{ name: 'userName', label: 'API user name', secret: false, hint: 'The API-only user, e.g. api@msp.example' },
		{ name: 'secret', label: 'Secret', secret: true },
		{ name: 'apiIntegrationCode', label: 'API tracking identifier', secret: true }
	],
	connectwise: [
		{ name: 'site', label: 'Site', secret: false, hint: 'e.g. na.myconnectwise.net' },
		{ name: 'companyId', label: 'Company ID', secret: false },
		{ name: 'publicKey', label: 'Public key', secret: false },
		{ name: 'privateKey', label: 'Private key', secret: true },
		{ name: 'clientId', label: 'Client ID', secret: false, hint: 'From the ConnectWise developer portal' }
	],
	halopsa: [
		{ name: 'resourceUrl', label: 'Resource server URL', secret: false, hint: 'e.g. https://msp.halopsa.com/api' },
		{ name: 'authUrl', label: 'Authorisation server URL', secret: false, hint: 'e.g. https://msp.halopsa.com/auth' },
		{ name: 'clientId', label: 'Client ID', secret: false },
		{ name: 'clientSecret', label: 'Client secret', secret: true },
		{ name: 'tenant', label: 'Tenant', secret: false, optional: true, hint: 'Hosted instances only' }
	]
};
