// Where an organisation's TD SYNNEX ordering credentials are kept: sealed in integration_credentials
// like a PSA's (jobs/credential-vault.ts), under the key `tdsynnex`, and never replicated. Admin ›
// Distributors saves them here; the procurement runner opens them here.

import type { CredentialVault } from '../../jobs/credential-vault.ts';
import { tdSynnexCredentialsSchema, type TdSynnexCredentials } from './client/credentials.ts';

/** The `provider` column of integration_credentials for TD SYNNEX. */
export const TDSYNNEX_CREDENTIALS_KEY = 'tdsynnex';

export type OpenedTdSynnexCredentials =
	| { ok: true; credentials: TdSynnexCredentials }
	| { ok: false; reason: 'not_configured' | 'unreadable'; message: string };

/** Checks them first (hostile input): a schema failure throws zod's error. */
export async function saveTdSynnexCredentials(
	vault: CredentialVault,
	orgId: string,
	credentials: unknown,
	now: number
): Promise<TdSynnexCredentials> {
	const parsed = tdSynnexCredentialsSchema.parse(credentials);
	await vault.save(orgId, TDSYNNEX_CREDENTIALS_KEY, parsed, now);
	return parsed;
}

export async function openTdSynnexCredentials(
	vault: CredentialVault,
	orgId: string
): Promise<OpenedTdSynnexCredentials> {
	const stored = await vault.open(orgId, TDSYNNEX_CREDENTIALS_KEY);
	if (stored === null) {
		return { ok: false, reason: 'not_configured', message: 'TD SYNNEX is not configured at Admin > Distributors.' };
	}
	const parsed = tdSynnexCredentialsSchema.safeParse(stored);
	if (!parsed.success) {
		return {
			ok: false,
			reason: 'unreadable',
			message: 'The saved TD SYNNEX credentials are incomplete: enter them again at Admin > Distributors.'
		};
	}
	return { ok: true, credentials: parsed.data };
}
