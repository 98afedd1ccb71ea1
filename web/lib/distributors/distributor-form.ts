// Admin › Distributors, pure: each distributor's credentials fields, the body Save sends, and the words
// of the connection badge. Once credentials are saved, a field left blank keeps its saved value (the
// gateway merges), so an admin changes one field without retyping the secrets.

import type { CredentialField } from '../../../shared/psa/credential-fields.ts';
import type { Distributor, DistributorName } from '../../../shared/schema/distributor-entities.ts';
import { checkCredentials, type CredentialsCheck, type CredentialsDraft } from '../psa/credentials-form.ts';

export const DISTRIBUTOR_FIELDS: Record<DistributorName, CredentialField[]> = {
	ingrammicro: [
		{ name: 'clientId', label: 'Client ID', secret: false, hint: 'Of the API app at developer.ingrammicro.com' },
		{ name: 'clientSecret', label: 'Client secret', secret: true },
		{ name: 'customerNumber', label: 'Customer number', secret: false, hint: 'e.g. 20-222222' },
		{ name: 'countryCode', label: 'Country', secret: false, hint: 'Two letters, e.g. US' },
		{
			name: 'apiUrl',
			label: 'API address',
			secret: false,
			optional: true,
			hint: 'Production unless you use the sandbox'
		},
		{ name: 'senderId', label: 'Sender ID', secret: false, optional: true }
	],
	tdsynnex: [
		{ name: 'userName', label: 'EC Express user', secret: false, hint: 'Usually an email address' },
		{ name: 'password', label: 'Password', secret: true },
		{ name: 'customerNumber', label: 'Customer number', secret: false, hint: 'Digits only, e.g. 780980' },
		{ name: 'country', label: 'Country', secret: false, hint: 'US or CA' },
		{ name: 'baseUrl', label: 'API address', secret: false, optional: true, hint: 'The country’s host unless set' }
	]
};

/** The fields that replicate are filled in from the row; the others stay blank ("Saved"). */
export function draftFor(name: DistributorName, row: Distributor | null): CredentialsDraft {
	const shown: Record<string, string | null | undefined> = {
		customerNumber: row?.customerNumber,
		[name === 'ingrammicro' ? 'countryCode' : 'country']: row?.country
	};
	return Object.fromEntries(DISTRIBUTOR_FIELDS[name].map((f) => [f.name, shown[f.name] ?? '']));
}

/** Everything required the first time; once saved, only what was typed (blank keeps the saved value). */
export function credentialsToSend(
	name: DistributorName,
	draft: CredentialsDraft,
	configured: boolean
): CredentialsCheck {
	const fields = DISTRIBUTOR_FIELDS[name];
	if (!configured) return checkCredentials(fields, draft);
	const credentials: Record<string, string> = {};
	for (const field of fields) {
		const raw = draft[field.name] ?? '';
		if (raw.trim() !== '') credentials[field.name] = field.secret ? raw : raw.trim();
	}
	return { ok: true, credentials };
}

export type Badge = { label: string; tone: 'ok' | 'bad' | 'warn' | 'neutral' };

export function connectionBadge(row: Distributor | null): Badge {
	if (!row?.configured) return { label: 'Not configured', tone: 'neutral' };
	switch (row.connection.state) {
		case 'connected':
			return { label: 'Connected', tone: 'ok' };
		case 'reauthenticate':
			return { label: 'Re-authenticate', tone: 'bad' };
		case 'invalid_customer_number':
			return { label: 'Invalid customer number', tone: 'bad' };
		case 'credentials_refused':
			return { label: 'Credentials refused', tone: 'bad' };
		case 'failed':
			return { label: 'Connection failed', tone: 'warn' };
		case 'untested':
			return { label: 'Not tested', tone: 'neutral' };
	}
}
