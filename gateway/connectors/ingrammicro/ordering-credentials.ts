// Where an organisation's Ingram Micro ordering credentials are kept: sealed in integration_credentials
// like a PSA's (jobs/credential-vault.ts), under the key `ingrammicro`, and never replicated. Admin ›
// Distributors (gateway/admin/distributor-routes.ts) saves them here; the procurement runner opens them here.

import type { CredentialVault } from '../../jobs/credential-vault.ts';
import { ingramCredentialsSchema, type IngramCredentials } from './client/credentials.ts';

/** The `provider` column of integration_credentials for Ingram Micro. */
export const INGRAM_CREDENTIALS_KEY = 'ingrammicro';

export type OpenedCredentials =
	| { ok: true; credentials: IngramCredentials }
	| { ok: false; reason: 'not_configured' | 'unreadable'; message: string };

/** Checks them first (hostile input from the admin screen): a schema failure throws zod's error. */
export async function saveIngramCredentials(
	vault: CredentialVault,
	orgId: string,
	credentials: unknown,
	now: number
): Promise<IngramCredentials> {
	const parsed = ingramCredentialsSchema.parse(credentials);
	await vault.save(orgId, INGRAM_CREDENTIALS_KEY, parsed, now);
	return parsed;
}

export async function openIngramCredentials(vault: CredentialVault, orgId: string): Promise<OpenedCredentials> {
	const stored = await vault.open(orgId, INGRAM_CREDENTIALS_KEY);
	if (stored === null) {
		return { ok: false, reason: 'not_configured', message: 'Ingram Micro is not configured at Admin > Distributors.' };
	}
	const parsed = ingramCredentialsSchema.safeParse(stored);
	if (!parsed.success) {
		return {
			ok: false,
			reason: 'unreadable',
			message: 'The saved Ingram Micro credentials are incomplete: enter them again at Admin > Distributors.'
		};
	}
	return { ok: true, credentials: parsed.data };
}
