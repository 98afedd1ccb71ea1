// The credentials form's rules: which fields must be filled, and the body the gateway receives.
// Secrets are sent exactly as typed; other values are trimmed; an empty optional field is left out.

import type { CredentialField } from '../../../shared/psa/credential-fields.ts';

export type CredentialsDraft = Record<string, string>;

export type CredentialsCheck =
	{ ok: true; credentials: Record<string, string> } | { ok: false; errors: Record<string, string> };

export function emptyDraft(fields: readonly CredentialField[]): CredentialsDraft {
	return Object.fromEntries(fields.map((f) => [f.name, '']));
}

export function checkCredentials(fields: readonly CredentialField[], draft: CredentialsDraft): CredentialsCheck {
	const credentials: Record<string, string> = {};
	const errors: Record<string, string> = {};
	for (const field of fields) {
		const raw = draft[field.name] ?? '';
		const value = field.secret ? raw : raw.trim();
		if (value.trim() === '') {
			if (!field.optional) errors[field.name] = `${field.label} is required.`;
			continue;
		}
		credentials[field.name] = value;
	}
	return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, credentials };
}

/** After a save, secrets leave the page; what is not secret stays for the next correction. */
export function withoutSecrets(fields: readonly CredentialField[], draft: CredentialsDraft): CredentialsDraft {
	return Object.fromEntries(fields.map((f) => [f.name, f.secret ? '' : (draft[f.name] ?? '')]));
}
